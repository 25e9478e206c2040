import LeanVerify
import Prover
import Synchronization

/// A `ProofVerifying` for one problem that checks each distinct (normalized) proof once: a sample whose
/// proof duplicates one already checked — or being checked — takes that verdict without a new Lean check.
///
/// Replayed verdicts report 0 ms so Lean time is not counted twice. `hits` counts the replays.
final class VerdictMemo: ProofVerifying {
    private let verifier: any ProofVerifying
    private let verdicts = Mutex<[String: Task<Verdict, Never>]>([:])
    private let hitCount = Atomic<Int>(0)

    init(verifier: any ProofVerifying) {
        self.verifier = verifier
    }

    /// Verdicts replayed instead of checked.
    var hits: Int { hitCount.load(ordering: .relaxed) }

    func verify(header: String, statement: String, proof: String) async -> Verdict {
        let key = header + "\u{1F}" + statement + "\u{1F}" + ProofTextNormalizer.normalize(proof)
        let verifier = self.verifier
        let (task, isNew) = verdicts.withLock { verdicts -> (Task<Verdict, Never>, Bool) in
            if let existing = verdicts[key] { return (existing, false) }
            let task = Task { await verifier.verify(header: header, statement: statement, proof: proof) }
            verdicts[key] = task
            return (task, true)
        }
        var verdict = await task.value
        if !isNew {
            hitCount.add(1, ordering: .relaxed)
            verdict.elapsedMilliseconds = 0
        }
        return verdict
    }
}
