public import Foundation

/// Locates the read-only data that lives beside the project in `../shared/`: recorded Lean REPL
/// transcripts and real benchmark corpora. Tests read it at run time and skip cleanly when it is absent;
/// nothing from it is ever copied into the project.
///
/// The folder is found relative to the project root (derived from this file's path), or taken from the
/// `LEANPLAY_SHARED_DIR` environment variable when set.
public enum SharedFixtures {
    /// The project root: the folder that holds `Package.swift`.
    public static let projectRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        // Tests/LeanPlayTestSupport/SharedFixtures.swift → project root
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// The `../shared` folder, or nil when it does not exist on this machine.
    public static let sharedDirectory: URL? = {
        let candidate: URL
        if let override = ProcessInfo.processInfo.environment["LEANPLAY_SHARED_DIR"], !override.isEmpty {
            candidate = URL(fileURLWithPath: override)
        } else {
            candidate = projectRoot.deletingLastPathComponent().appendingPathComponent("shared")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { return nil }
        return candidate
    }()

    /// `../shared/lean-repl-transcripts`, when present.
    public static var transcriptsDirectory: URL? { existing("lean-repl-transcripts") }

    /// `../shared/corpora/minif2f.jsonl`, when present.
    public static var miniF2F: URL? { existing("corpora/minif2f.jsonl") }

    /// `../shared/real-proofs/deepseek-prover-v2-minif2f.jsonl` (438 kernel-accepted proofs), when present.
    public static var realProofs: URL? { existing("real-proofs/deepseek-prover-v2-minif2f.jsonl") }

    /// True when the real proofs are available (use with `.enabled(if:)`).
    public static var hasRealProofs: Bool { realProofs != nil }

    /// True when the transcripts are available (use with `.enabled(if:)`).
    public static var hasTranscripts: Bool { transcriptsDirectory != nil }

    /// True when the miniF2F corpus is available (use with `.enabled(if:)`).
    public static var hasMiniF2F: Bool { miniF2F != nil }

    /// The project's own `Prompts/` folder.
    public static var promptsDirectory: URL { projectRoot.appendingPathComponent("Prompts") }

    /// The project's own `Corpora/` folder.
    public static var corporaDirectory: URL { projectRoot.appendingPathComponent("Corpora") }

    private static func existing(_ relativePath: String) -> URL? {
        guard let base = sharedDirectory else { return nil }
        let url = base.appendingPathComponent(relativePath)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}
