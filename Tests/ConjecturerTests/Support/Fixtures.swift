import Conjecturer
import Foundation
import LeanPlayTestSupport
import ProblemCorpus
import Testing

enum Fixtures {
    /// The project's Prompts/ folder, loaded.
    static func prompts() throws -> PromptLibrary {
        try PromptLibrary.load(from: SharedFixtures.promptsDirectory)
    }

    /// A small corpus: three problems with reference statements, one informal-only.
    static let corpus: [Problem] = [
        Problem(id: "alg_1", informal: "Show that for every natural n, n + 0 = n.", formalStatement: "theorem alg_1 (n : ℕ) : n + 0 = n := by", header: ""),
        Problem(id: "alg_2", informal: "Show that 2 + 2 = 4.", formalStatement: "theorem alg_2 : (2 : ℕ) + 2 = 4 := by"),
        Problem(id: "nt_3", informal: "Show that 7 is prime.", formalStatement: "theorem nt_3 : Nat.Prime 7 := by", header: "import Mathlib"),
        Problem(id: "open_4", informal: "Find all x with x^2 = 4."),
    ]

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("conjecturer-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `files` (relative path → text) under a fresh folder and returns it.
    static func folder(_ files: [String: String]) throws -> URL {
        let root = try temporaryDirectory()
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    /// The JSON objects of a JSONL file.
    static func jsonLines(_ url: URL) throws -> [[String: Any]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }
}
