import Foundation
import LeanPlay
import LeanPlayTestSupport
import Testing

/// Every `leanplay.toml` key takes what a person writes: numbers as integers or decimals, and a wrong type is
/// an error naming the file, the key and the type expected.
@Suite("leanplay.toml values")
struct ConfigurationValueTests {
    /// The message of the `LeanPlayError` that parsing `text` throws, or nil when it parses.
    static func error(_ text: String, origin: String = "values.toml") -> String? {
        do {
            _ = try LeanPlayConfiguration.parse(text, origin: origin)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func integerTimeoutsAndTemperaturesLoad() throws {
        // The README's own spellings: `timeout_seconds = 60` and `temperature = 1` are TOML integers.
        let configuration = try LeanPlayConfiguration.parse(
            """
            [lean]
            timeout_seconds = 60
            [models.default]
            timeout_seconds = 600
            temperature = 1
            top_p = 1
            """, origin: "integers.toml")
        #expect(configuration.lean.timeoutSeconds == 60)
        let model = try #require(configuration.models["default"])
        #expect(model.timeoutSeconds == 600)
        #expect(model.temperature == 1)
        #expect(model.topP == 1)
    }

    @Test func decimalsLoadEverywhereANumberIsExpected() throws {
        let configuration = try LeanPlayConfiguration.parse(
            """
            [lean]
            timeout_seconds = 0.5
            workers = 2.0
            memory_limit_mb = 8192.0
            max_requests_per_worker = 1e3
            [models.default]
            temperature = 0.7
            max_concurrent = 4.0
            max_attempts = 3.0
            max_tokens = 512.0
            [search]
            repair_rounds = 1.0
            max_budget_level = 3.0
            seed = 42.0
            """, origin: "decimals.toml")
        #expect(configuration.lean.timeoutSeconds == 0.5)
        #expect(configuration.lean.workers == 2)
        #expect(configuration.lean.memoryLimitMB == 8192)
        #expect(configuration.lean.maxRequestsPerWorker == 1000)
        let model = try #require(configuration.models["default"])
        #expect(model.temperature == 0.7)
        #expect(model.maxConcurrent == 4 && model.maxAttempts == 3 && model.maxTokens == 512)
        #expect(configuration.search.repairRounds == 1)
        #expect(configuration.search.maxBudgetLevel == 3)
        #expect(configuration.search.seed == 42)
    }

    @Test(arguments: [
        ("[lean]\nworkers = 2.5\n", "lean.workers", "whole number"),
        ("[search]\nseed = -1\n", "search.seed", "whole number from 0"),
        ("[lean]\ntimeout_seconds = \"60\"\n", "lean.timeout_seconds", "a number"),
        ("[models.default]\ntemperature = \"hot\"\n", "models.default.temperature", "a number"),
        ("[lean]\nworkers = \"two\"\n", "lean.workers", "whole number"),
        ("[verification]\nallow_native = \"yes\"\n", "verification.allow_native", "true or false"),
        ("[verification]\naxioms = \"propext\"\n", "verification.axioms", "list of strings"),
        ("[lean]\nproject = 5\n", "lean.project", "a string"),
        ("[cache]\nenabled = 1\n", "cache.enabled", "true or false"),
        ("[prompts]\ndirectory = true\n", "prompts.directory", "a string"),
        ("lean = 5\n", "lean", "a table"),
        ("[models]\ndefault = \"m\"\n", "models.default", "a table"),
    ])
    func aWrongTypeNamesTheFileTheKeyAndTheExpectedType(text: String, key: String, expected: String) throws {
        let message = try #require(Self.error(text, origin: "wrong.toml"), "\(text) must not load")
        #expect(message.hasPrefix("wrong.toml: "), "\(message)")
        #expect(message.contains("key \(key)"), "\(message)")
        #expect(message.contains(expected), "\(message)")
        #expect(!message.contains("missing key"), "\(message)")
    }

    /// A value of the right type that cannot work was taken silently: `timeout_seconds = 0` timed out every
    /// check, `workers = 0`, `max_heartbeats = -5` (an option Lean cannot parse), `nan`. Each is an
    /// error naming the file, the key and the range expected.
    @Test(arguments: [
        ("[lean]\nworkers = 0\n", "lean.workers", "at least 1"),
        ("[lean]\nworkers = -1\n", "lean.workers", "at least 1"),
        ("[lean]\ntimeout_seconds = 0\n", "lean.timeout_seconds", "greater than 0"),
        ("[lean]\ntimeout_seconds = -3\n", "lean.timeout_seconds", "greater than 0"),
        ("[lean]\ntimeout_seconds = nan\n", "lean.timeout_seconds", "greater than 0"),
        ("[lean]\nmemory_limit_mb = -1\n", "lean.memory_limit_mb", "at least 0"),
        ("[lean]\nmax_requests_per_worker = -1\n", "lean.max_requests_per_worker", "at least 0"),
        ("[lean]\nmax_heartbeats = -5\n", "lean.max_heartbeats", "at least 0"),
        ("[models.default]\nmax_concurrent = 0\n", "models.default.max_concurrent", "at least 1"),
        ("[models.default]\ntimeout_seconds = 0\n", "models.default.timeout_seconds", "greater than 0"),
        ("[models.default]\nmax_attempts = 0\n", "models.default.max_attempts", "at least 1"),
        ("[models.default]\ntemperature = -0.5\n", "models.default.temperature", "at least 0"),
        ("[models.default]\ntop_p = 0\n", "models.default.top_p", "greater than 0"),
        ("[models.default]\nmax_tokens = 0\n", "models.default.max_tokens", "at least 1"),
        ("[search]\nrepair_rounds = -1\n", "search.repair_rounds", "at least 0"),
        ("[search]\nmax_budget_level = -1\n", "search.max_budget_level", "at least 0"),
    ])
    func aValueOutOfRangeNamesTheKeyAndTheRange(text: String, key: String, expected: String) throws {
        let message = try #require(Self.error(text, origin: "range.toml"), "\(text) must not load")
        #expect(message.hasPrefix("range.toml: "), "\(message)")
        #expect(message.contains("key \(key)"), "\(message)")
        #expect(message.contains(expected), "\(message)")
    }

    @Test func theEdgesOfEachRangeLoad() throws {
        let configuration = try LeanPlayConfiguration.parse(
            """
            [lean]
            workers = 1
            timeout_seconds = 0.1
            memory_limit_mb = 0
            max_requests_per_worker = 0
            max_heartbeats = 0
            [models.default]
            max_concurrent = 1
            temperature = 0
            top_p = 1
            [search]
            repair_rounds = 0
            max_budget_level = 0
            """, origin: "edges.toml")
        #expect(configuration.lean.maxHeartbeats == 0 && configuration.lean.memoryLimitMB == 0)
        #expect(configuration.models["default"]?.temperature == 0)
    }

    @Test func aWrongTypeSaysWhatWasFound() throws {
        let message = try #require(Self.error("[lean]\ntimeout_seconds = \"60\"\n"))
        #expect(message.contains("found the string \"60\""), "\(message)")
    }

    @Test func relativePathsInAFileAreResolvedAgainstItsFolder() throws {
        let folder = try CLIRunner.temporaryDirectory().appendingPathComponent("experiment")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("leanplay.toml")
        try """
            [lean]
            project = "../lean-workspace"
            [cache]
            directory = "cache"
            [prompts]
            directory = "my-prompts"
            """.write(to: file, atomically: true, encoding: .utf8)
        let configuration = try LeanPlayConfiguration.load(from: file)
        let parent = folder.deletingLastPathComponent().standardizedFileURL.path
        #expect(configuration.lean.project == parent + "/lean-workspace")
        #expect(configuration.cache.directory == folder.standardizedFileURL.path + "/cache")
        #expect(configuration.prompts.directory == folder.standardizedFileURL.path + "/my-prompts")

        // Absolute and home-relative paths are kept; a default (not written in the file) stays as it is.
        try "[lean]\nproject = \"~/lean\"\n[prompts]\ndirectory = \"/abs/prompts\"\n".write(
            to: file, atomically: true, encoding: .utf8)
        let kept = try LeanPlayConfiguration.load(from: file)
        #expect(kept.lean.project == "~/lean")
        #expect(kept.prompts.directory == "/abs/prompts")
        #expect(kept.cache.directory == ".leanplay-cache")
    }
}

/// Every `leanplay.toml` shown in the README loads: the README is parsed at test time, so an edit that
/// breaks a shown configuration fails here.
@Suite("README configuration blocks")
struct READMEConfigurationTests {
    /// The ```toml blocks of the README that are LeanPlay configurations (they have a LeanPlay section);
    /// other TOML shown there (a Lake `lakefile.toml`) is skipped.
    static func configurationBlocks() throws -> [String] {
        let readme = try String(
            contentsOf: SharedFixtures.projectRoot.appendingPathComponent("README.md"), encoding: .utf8)
        var blocks: [String] = []
        var current: [Substring]?
        var fenceIndent = 0
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop(while: { $0 == " " })
            if var lines = current {
                if trimmed.hasPrefix("```") {
                    blocks.append(lines.joined(separator: "\n"))
                    current = nil
                } else {
                    lines.append(line.dropFirst(min(fenceIndent, line.prefix(while: { $0 == " " }).count)))
                    current = lines
                }
            } else if trimmed.hasPrefix("```toml") {
                current = []
                fenceIndent = line.count - trimmed.count
            }
        }
        let sections = ["[lean]", "[verification]", "[models.", "[cache]", "[prompts]", "[search]"]
        return blocks.filter { block in
            block.split(separator: "\n").contains { line in sections.contains { line.hasPrefix($0) } }
        }
    }

    @Test func theREADMEShowsAtLeastOneConfiguration() throws {
        #expect(try !Self.configurationBlocks().isEmpty)
    }

    @Test func everyConfigurationInTheREADMELoads() throws {
        for (index, block) in try Self.configurationBlocks().enumerated() {
            let folder = try CLIRunner.temporaryDirectory()
            let file = folder.appendingPathComponent("leanplay.toml")
            try block.write(to: file, atomically: true, encoding: .utf8)
            let configuration: LeanPlayConfiguration
            do {
                configuration = try LeanPlayConfiguration.load(from: file)
            } catch {
                Issue.record("README configuration block \(index + 1) does not load: \(error)")
                continue
            }
            // What the block configures must be usable as written, from a folder outside the checkout.
            #expect(throws: Never.self, "README block \(index + 1): prompts") {
                _ = try configuration.promptLibrary(workingDirectory: folder)
            }
            var keys: [String: String] = [:]
            for section in configuration.models.values { if let name = section.apiKeyEnv { keys[name] = "test-key" } }
            #expect(throws: Never.self, "README block \(index + 1): models") {
                _ = try configuration.modelRoster(workingDirectory: folder, environment: keys)
            }
        }
    }
}
