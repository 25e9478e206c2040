/// The JSONL exports a ledger can write (``Ledger/export(_:to:options:)-(_,URL,_)``). One JSON object per line.
public enum ExportKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Supervised fine-tuning pairs from accepted proofs:
    /// `{"messages":[{"role":"system",…},{"role":"user","content":STATEMENT},{"role":"assistant","content":PROOF}],
    /// "formalization_id","problem_id","header","proof_length"}`.
    case sft
    /// Repair triples of two kinds, told apart by `kind`; every line has every key, null where it does not
    /// apply: `{"kind","problem_id","statement","failed_proof","error","fixed_proof","informal",
    /// "ill_formed_statement","repaired_statement"}`.
    /// - `"proof_repair"`: an accepted repair with the failed proof it fixed (`statement`, `failed_proof`,
    ///   `error`, `fixed_proof`).
    /// - `"statement_repair"`: an ill-formed statement, Lean's error, and the statement the model repaired it
    ///   into (`ill_formed_statement`, `error`, `repaired_statement`, with the problem's `informal` text).
    case repair
    /// Informal/formal pairs, only where the text states the statement:
    /// `{"problem_id","formalization_id","informal","formal_statement","status","pair_kind","informal_source"}`.
    /// `pair_kind` is `corpus_statement` (the problem's own formal statement), `autoformalization` (a model
    /// formalization of the problem's text) or `model_variant` (a variant with the natural-language statement
    /// its model wrote, `informal_source` `"model"`; otherwise `"problem"`). Variants without such text —
    /// every symbolic variant — are left out: the parent's text does not state them.
    case pairs
    /// (state, tactic) pairs from step-wise proofs: `{"state","tactic","formalization_id"}`.
    case steps
    /// The whole curriculum queue in order: `{"formalization_id","statement","budget_level","priority_reason"}`.
    case curriculum
    /// Per-round counts: `{"round","kind","started_at","finished_at","attempts","accepted","proved","disproved",
    /// "formalizations_created","tokens_prompt","tokens_completion","tokens_by_role"}`; `kind` is `selfplay` or
    /// `prove`, `tokens_by_role` maps a role to `{"tokens_prompt","tokens_completion","requests","cache_hits"}`.
    case roundReport = "round_report"
    /// One row per formalization: `{"formalization_id","problem_id","statement","status","flags",
    /// "best_proof_length","attempts","budget_level","tokens_prompt","tokens_completion"}` (tokens: the sum
    /// over its attempts).
    case formalizationReport = "report"
}
