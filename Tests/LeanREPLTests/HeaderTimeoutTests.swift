@testable import LeanREPL
import Testing

/// issue 8 / 11.5: a header import the REPL itself reports as timed out is a startup timeout (a
/// `timeout` verdict), not a rejected header (`crashed`).
@Suite("Header import: a reported timeout is a timeout")
struct HeaderTimeoutTests {
    @Test(arguments: ["import timed out after 600 s", "Lean process timeout", "deadline exceeded"])
    func reportedTimeoutIsAStartupTimeout(_ wording: String) {
        do {
            _ = try REPLWorkerPool.headerEnvironment(from: REPLResponse(protocolError: wording), header: "import Mathlib", worker: "w")
            Issue.record("a timed-out import must throw")
        } catch {
            #expect(error.code == .startupTimeout, "\(error.message)")
        }
    }

    @Test func refusedHeaderIsStillAHeaderFailure() {
        do {
            _ = try REPLWorkerPool.headerEnvironment(from: REPLResponse(protocolError: "Could not parse JSON"), header: "import Mathlib", worker: "w")
            Issue.record("a refused header must throw")
        } catch {
            #expect(error.code == .headerFailed)
        }
        #expect(REPLResponse(protocolError: "Unknown environment.").reportsTimeout == false)
    }
}
