import Foundation
import LeanPlay
import Testing

@Suite("leanplay.toml")
struct ConfigurationTests {
    @Test func emptyFileGivesDefaults() throws {
        let configuration = try LeanPlayConfiguration.parse("", origin: "empty.toml")
        #expect(configuration == LeanPlayConfiguration())
        #expect(configuration.verification.axioms == ["propext", "Classical.choice", "Quot.sound"])
        #expect(configuration.lean.timeoutSeconds == 60)
    }

    @Test func hugeOrInfiniteTimeoutsAreCappedInsteadOfTrapping() throws {
        let configuration = try LeanPlayConfiguration.parse(
            "[lean]\ntimeout_seconds = inf\n[models.default]\nbase_url = \"http://127.0.0.1:9/v1\"\nmodel = \"m\"\ntimeout_seconds = 1e300\n",
            origin: "huge.toml")
        let pool = configuration.poolConfiguration(launch: REPLLaunch(executable: URL(fileURLWithPath: "/bin/sh")))
        #expect(pool.requestTimeout == .seconds(1_000_000_000))
        let roster = try configuration.modelRoster(workingDirectory: URL(fileURLWithPath: NSTemporaryDirectory()))
        let client = try #require(roster.model(for: .prover) as? OpenAICompatibleClient)
        #expect(client.configuration.requestTimeout == .seconds(1_000_000_000))
    }

    @Test func theProverRoleSamplingSettingsReachTheProver() throws {
        let configuration = try LeanPlayConfiguration.parse(
            "[models.default]\ntemperature = 0.3\nmax_tokens = 999\n[models.prover]\ntemperature = 0.9\n",
            origin: "sampling.toml")
        #expect(configuration.proverConfiguration.temperature == 0.9)
        #expect(configuration.proverConfiguration.maxTokens == 999)
        #expect(LeanPlayConfiguration().proverConfiguration.temperature == ProverConfiguration().temperature)
    }

    @Test func fullFileIsRead() throws {
        let text = """
            [lean]
            project = "/home/me/lean"
            workers = 3
            timeout_seconds = 12.5

            [verification]
            axioms = ["propext"]
            allow_native = true

            [models.default]
            base_url = "http://127.0.0.1:9/v1"
            model = "m-default"
            api_key_env = "MY_KEY"

            [models.prover]
            model = "m-prover"

            [search]
            automation = ["omega", "simp"]
            seed = 42
            """
        let configuration = try LeanPlayConfiguration.parse(text, origin: "full.toml")
        #expect(configuration.lean.project == "/home/me/lean")
        #expect(configuration.lean.workers == 3)
        #expect(configuration.lean.timeoutSeconds == 12.5)
        #expect(configuration.verification.axioms == ["propext"])
        #expect(configuration.verification.allowNative)
        #expect(configuration.search.automation == ["omega", "simp"])
        #expect(configuration.search.seed == 42)
        let prover = try #require(configuration.models["prover"])
        let merged = prover.inheriting(from: try #require(configuration.models["default"]))
        #expect(merged.model == "m-prover")
        #expect(merged.baseURL == "http://127.0.0.1:9/v1")
        #expect(merged.apiKeyEnv == "MY_KEY")
    }

    @Test func unknownKeyIsAnErrorNamingTheFile() {
        #expect {
            _ = try LeanPlayConfiguration.parse("[lean]\nwokers = 2\n", origin: "typo.toml")
        } throws: { error in
            let error = error as? LeanPlayError
            return error?.code == .configuration && error?.message.contains("typo.toml") == true
                && error?.message.contains("wokers") == true
        }
    }

    @Test func syntaxErrorNamesFileAndLine() {
        #expect {
            _ = try LeanPlayConfiguration.parse("[lean]\nworkers = = 2\n", origin: "broken.toml")
        } throws: { error in
            (error as? LeanPlayError)?.message.hasPrefix("broken.toml:2") == true
        }
    }

    @Test func wrongTypeIsAnError() {
        #expect(throws: LeanPlayError.self) {
            _ = try LeanPlayConfiguration.parse("[lean]\nworkers = \"two\"\n", origin: "type.toml")
        }
    }

    @Test func commandLineOverridesWinOverTheFile() throws {
        var configuration = try LeanPlayConfiguration.parse(
            "[lean]\nproject = \"/from/file\"\nworkers = 4\n[models.default]\nbase_url = \"http://127.0.0.1:1/v1\"\nmodel = \"file-model\"\n",
            origin: "f.toml")
        configuration.apply(.init(flags: [
            "--lean-repl": "/bin/repl", "--workers": "2", "--llm-model": "flag-model", "--seed": "7", "--bogus": "x",
        ]))
        #expect(configuration.lean.project == "/from/file")
        #expect(configuration.lean.repl == "/bin/repl")
        #expect(configuration.lean.workers == 2)
        #expect(configuration.models["default"]?.model == "flag-model")
        #expect(configuration.models["default"]?.baseURL == "http://127.0.0.1:1/v1")
        #expect(configuration.search.seed == 7)

        var untouched = LeanPlayConfiguration()
        untouched.apply(.init())
        #expect(untouched == LeanPlayConfiguration())
    }

    /// A missing `--config` file said "cannot read … as UTF-8 text (… The file doesn't exist.)" and a folder
    /// "(NSCocoaErrorDomain error 256.)": each case says what it is.
    @Test func aConfigurationFileThatCannotBeReadSaysWhy() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func message(_ url: URL) -> String {
            do {
                _ = try LeanPlayConfiguration.load(from: url)
                return ""
            } catch {
                return error.message
            }
        }
        #expect(message(folder.appendingPathComponent("missing.toml")).hasSuffix("missing.toml: no such file"))
        #expect(message(folder).hasSuffix("is a folder"))
        let latin1 = folder.appendingPathComponent("latin1.toml")
        try Data([0x23, 0x20, 0xE9, 0x0A]).write(to: latin1)  // "# é" in Latin-1
        #expect(message(latin1).hasSuffix("latin1.toml is not UTF-8 text"))
        for text in [message(folder), message(latin1)] { #expect(!text.contains("NSCocoaErrorDomain")) }
    }
}
