import Foundation
import Subprocess
#if canImport(Glibc)
import Glibc
#endif

extension REPLProcess {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()

    /// Sends one request and waits for its response.
    /// - Parameters:
    ///   - timeout: how long to wait; on expiry the process group is killed and `timeoutCode` thrown.
    /// - Throws: `LeanREPLError` `.timeout`/`.startupTimeout`, `.crashed`, `.protocolViolation`,
    ///   `.responseTooLarge`, `.writeFailed`, `.cancelled`, or the error that already killed the process.
    func send(_ request: REPLRequest, timeout: Duration, timeoutCode: LeanREPLError.Code = .timeout) async throws(LeanREPLError) -> REPLResponse {
        let payload: [UInt8]
        do {
            // JSONEncoder escapes every control character, so the request is one line: proof text can
            // never end the message early.
            payload = Array(try Self.encoder.encode(request)) + [0x0A, 0x0A]
        } catch {
            throw LeanREPLError(.protocolViolation, "could not encode the request: \(error)", worker: label, request: request.summary)
        }
        let result: Result<[UInt8], LeanREPLError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                register(continuation, payload: payload, timeout: timeout, timeoutCode: timeoutCode)
            }
        } onCancel: {
            failAndKill(LeanREPLError(.cancelled, "the request was cancelled; the REPL process was killed", worker: label))
        }
        let bytes: [UInt8]
        do { bytes = try result.get() } catch { throw error.with(worker: label, request: request.summary) }
        do {
            return try JSONDecoder().decode(REPLResponse.self, from: Data(bytes))
        } catch {
            let failure = LeanREPLError(.protocolViolation, "the REPL answered with something that is not a REPL response (\(Self.describe(error))): \(Self.snippet(bytes))", worker: label, request: request.summary)
            failAndKill(failure)
            throw failure
        }
    }

    private func register(
        _ continuation: CheckedContinuation<Result<[UInt8], LeanREPLError>, Never>, payload: [UInt8], timeout: Duration,
        timeoutCode: LeanREPLError.Code
    ) {
        let outcome: Result<UInt64, LeanREPLError> = shared.withLock { state in
            if let failure = state.failure { return .failure(failure) }
            precondition(state.pending == nil, "REPLProcess.send called while another request is pending")
            state.nextRequestID += 1
            state.pending = .init(id: state.nextRequestID, continuation: continuation, timer: nil)
            return .success(state.nextRequestID)
        }
        guard case .success(let id) = outcome else {
            if case .failure(let failure) = outcome { continuation.resume(returning: .failure(failure)) }
            return
        }
        let clock = options.clock
        let timer = Task { [weak self] in
            do { try await clock.sleep(for: timeout) } catch { return }
            self?.expire(id: id, timeout: timeout, code: timeoutCode)
        }
        let stillPending = shared.withLock { state -> Bool in
            guard state.pending?.id == id else { return false }
            state.pending?.timer = timer
            return true
        }
        if !stillPending { timer.cancel() }
        let writer = self.writer
        Task { [weak self] in
            do {
                let written = try await writer.write(payload)
                if written != payload.count {
                    self?.failAndKill(LeanREPLError(.writeFailed, "wrote only \(written) of \(payload.count) bytes to the REPL's stdin"))
                }
            } catch {
                self?.failAndKill(LeanREPLError(.writeFailed, "writing to the REPL's stdin failed (\(error)); the process has probably exited"))
            }
        }
    }

    private func expire(id: UInt64, timeout: Duration, code: LeanREPLError.Code) {
        let what = code == .startupTimeout ? "the REPL did not answer its first request within \(timeout) (startup timeout); check that it starts in a terminal and that the header imports quickly enough, or raise startupTimeout" : "the request took longer than \(timeout); the REPL process group was killed and will be replaced"
        let error = LeanREPLError(code, what, worker: label, stderrTail: stderrTail)
        let pending = shared.withLock { state -> REPLProcessState.Pending? in
            guard let pending = state.takePending(id: id) else { return nil }
            if state.failure == nil { state.failure = error }
            return pending
        }
        guard let pending else { return }
        killGroup()
        pending.continuation.resume(returning: .failure(error))
    }

    /// Hands a complete message to the pending request; output nobody asked for poisons the process.
    func deliver(_ message: [UInt8]) {
        let pending = shared.withLock { state -> REPLProcessState.Pending? in
            let pending = state.takePending()
            if pending != nil { state.answeredRequests += 1 }
            return pending
        }
        if let pending {
            pending.continuation.resume(returning: .success(message))
        } else {
            failAndKill(LeanREPLError(.protocolViolation, "the REPL wrote output nobody asked for: \(Self.snippet(message))", worker: label))
        }
    }

    /// Marks the process failed with `error` (if not already), fails the pending request, kills the group.
    func failAndKill(_ error: LeanREPLError) {
        let pending = shared.withLock { state -> REPLProcessState.Pending? in
            if state.failure == nil { state.failure = error }
            return state.takePending()
        }
        killGroup()
        pending?.continuation.resume(returning: .failure(error))
    }

    /// Called once the child has been reaped.
    func processExited(_ status: String) {
        let tail = stderrTail
        let error = LeanREPLError(.crashed, "the REPL process exited (\(status)) while a request was pending; a crash is often Lean running out of memory (raise memory_limit_mb under [lean] or use fewer --workers)", worker: label, stderrTail: tail)
        let pending = shared.withLock { state -> REPLProcessState.Pending? in
            state.exitDescription = status
            if state.failure == nil {
                state.failure = LeanREPLError(.crashed, "the REPL process has exited (\(status))", worker: label, stderrTail: tail)
            }
            return state.takePending()
        }
        pending?.continuation.resume(returning: .failure(error))
    }

    /// SIGKILL to the whole process group (and the child itself, in case it left the group).
    func killGroup() {
        kill(-pid, SIGKILL)
        kill(pid, SIGKILL)
    }

    /// Kills the process group and waits until the child is reaped and its temporary folder removed.
    func terminate() async {
        failAndKill(LeanREPLError(.shutDown, "the REPL process was stopped", worker: label))
        await waitForExit()
    }

    /// Waits until the child has been reaped.
    func waitForExit() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = shared.withLock { state -> Bool in
                if state.hasExited { return true }
                state.exitWaiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }

    /// True once the process failed or exited: it must not be used again.
    var isUnusable: Bool { shared.withLock { $0.failure != nil } }

    /// True once the child has been reaped.
    var hasExited: Bool { shared.withLock { $0.hasExited } }

    /// How many requests this process has answered.
    var answeredRequests: Int { shared.withLock { $0.answeredRequests } }

    /// The last bytes of stderr as text.
    var stderrTail: String { shared.withLock { $0.stderr.text } }

    /// Resident memory of the process group in bytes (nil when unknown).
    var residentBytes: Int? { ProcessMemory.residentBytes(processGroup: pid) }

    static func snippet(_ bytes: [UInt8], limit: Int = 200) -> String {
        let text = String(decoding: bytes.prefix(limit), as: UTF8.self)
        return (bytes.count > limit ? text + "…" : text).debugDescription
    }

    private static func describe(_ error: any Error) -> String {
        if let decoding = error as? DecodingError {
            switch decoding {
            case .dataCorrupted(let context): return "invalid JSON: \(context.debugDescription)"
            case .keyNotFound(let key, _): return "missing key \(key.stringValue)"
            case .typeMismatch(_, let context), .valueNotFound(_, let context):
                return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
            @unknown default: return "\(decoding)"
            }
        }
        return "\(error)"
    }
}
