import Foundation
import LeanPlay
import Testing

/// Issue 12.6: `[lean] default_header` is the one default header of every path that turns text into Lean.
@Suite("[lean] default_header")
struct DefaultHeaderConfigurationTests {
    @Test func defaultIsMathlibAndReachesSelfPlay() throws {
        let configuration = try LeanPlayConfiguration.parse("", origin: "empty.toml")
        #expect(configuration.lean.defaultHeader == "import Mathlib")
        #expect(configuration.selfPlayConfiguration().defaultHeader == "import Mathlib")
    }

    @Test func configuredHeaderIsRead() throws {
        let configuration = try LeanPlayConfiguration.parse(
            "[lean]\ndefault_header = \"\"\"\nimport Mathlib\nopen Real\n\"\"\"\n", origin: "header.toml")
        #expect(configuration.lean.defaultHeader == "import Mathlib\nopen Real\n")
        #expect(configuration.selfPlayConfiguration().defaultHeader == "import Mathlib\nopen Real\n")
        let core = try LeanPlayConfiguration.parse("[lean]\ndefault_header = \"\"\n", origin: "core.toml")
        #expect(core.lean.defaultHeader.isEmpty)
    }

    @Test func wrongTypeIsAnErrorNamingTheKey() {
        #expect {
            try LeanPlayConfiguration.parse("[lean]\ndefault_header = 3\n", origin: "bad.toml")
        } throws: { error in
            "\(error)".contains("default_header")
        }
    }
}
