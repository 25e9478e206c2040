import Crypto

/// What a cached verdict is keyed by: everything that can change what Lean decides about a proof.
///
/// "Decided once, never again": a verdict is reused only for the same Lean (version and project, see
/// `REPLLaunch.identity`), the same header, the same statement text, the same proof after
/// ``normalizedProof(_:)``, the same verification policy (``VerificationPolicy/fingerprint``: axioms,
/// options, native computation, heartbeats) and the same verifier revision.
///
/// ```swift
/// let key = VerdictCacheKey(lean: launch.identity, header: "import Mathlib",
///                           statement: "theorem t : 1 = 1 := by", proof: "rfl", policy: .init())
/// key.digest   // 64 lowercase hex characters (SHA-256)
/// ```
public struct VerdictCacheKey: Sendable, Hashable, Codable {
    /// Bumped whenever the verifier's rules change, so verdicts decided by older rules are not reused.
    public static let verifierRevision = "leanplay-verifier-5"  // 3: heartbeat timeouts of the statement are timeouts; one maxHeartbeats option; 4: trailing tabs/CR/NBSP kept in the key, the reference has a heartbeat limit; 5: headers setting debug.* options are refused

    /// The Lean toolchain, REPL and project the verdict was decided by.
    public var lean: String
    /// The header text, exactly.
    public var header: String
    /// The statement text, exactly.
    public var statement: String
    /// The proof after ``normalizedProof(_:)``.
    public var proof: String
    /// ``VerificationPolicy/fingerprint``.
    public var policy: String
    /// ``verifierRevision`` at the time the key was made.
    public var revision: String

    /// Creates a key; the proof is normalized here.
    public init(lean: String, header: String, statement: String, proof: String, policy: VerificationPolicy) {
        self.lean = lean
        self.header = header
        self.statement = statement
        self.proof = Self.normalizedProof(proof)
        self.policy = policy.fingerprint
        self.revision = Self.verifierRevision
    }

    /// The proof as the cache compares it: line endings normalized (CRLF → LF, as the verifier sends
    /// it) and spaces and line feeds at the very end removed. Nothing else: indentation, blank lines and
    /// in-line spacing can change what Lean parses (layout-sensitive tactic blocks, string literals) or
    /// where its errors point, and a cached verdict must be exactly the one Lean would give. Other
    /// trailing whitespace is kept because Lean reads it: a tab or an isolated carriage return is an
    /// error outside comments and strings, and a no-break space (or any other Unicode space) is an
    /// unexpected character.
    public static func normalizedProof(_ proof: String) -> String {
        var text = ProofLayout.lines(of: proof).joined(separator: "\n")
        while let last = text.unicodeScalars.last, last == " " || last == "\n" { text.unicodeScalars.removeLast() }
        return text
    }

    /// SHA-256 (lowercase hex) of every field, each length-prefixed so no two keys collide by
    /// concatenation.
    public var digest: String {
        var material = ""
        for (name, value) in [("revision", revision), ("lean", lean), ("policy", policy), ("header", header),
                              ("statement", statement), ("proof", proof)] {
            material += "\(name):\(value.utf8.count):\(value)\n"
        }
        return SHA256.hash(data: Array(material.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
