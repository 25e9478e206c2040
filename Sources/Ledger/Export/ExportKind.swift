/// The JSONL exports a ledger can write (``Ledger/export(_:to:options:)-(_,URL,_)``). One JSON object per line.
public enum ExportKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Supervised fine-tuning pairs from accepted proofs:
    /// `{"messages":[{"role":"system",…},{"role":"user","content":STATEMENT},{"role":"assistant","content":PROOF}],
    /// "formalization_id","problem_id","header","proof_length"}`.
    case sft
    /// Accepted repairs with the failed proof they fixed:
    /// `{"statement","failed_proof","error","fixed_proof"}`.
    case repair
    /// Informal/formal pairs, one per formalization: `{"problem_id","informal","formal_statement","status"}`.
    case pairs
    /// (state, tactic) pairs from step-wise proofs: `{"state","tactic","formalization_id"}`.
    case steps
    /// The whole curriculum queue in order: `{"formalization_id","statement","budget_level","priority_reason"}`.
    case curriculum
    /// Per-round counts: `{"round","started_at","finished_at","attempts","accepted","proved","disproved",
    /// "formalizations_created","tokens_prompt","tokens_completion"}`.
    case roundReport = "round_report"
    /// One row per formalization: `{"formalization_id","problem_id","statement","status","flags",
    /// "best_proof_length","attempts","budget_level"}`.
    case formalizationReport = "report"
}
