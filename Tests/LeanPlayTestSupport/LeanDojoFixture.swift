/// A small LeanDojo Benchmark 4-shaped split file written by the team (not LeanDojo data): three theorems,
/// one of them term-mode (no steps), with brackets, quotes and escapes inside proof states.
public enum LeanDojoFixture {
    /// The JSON text of a `SPLIT.json` file.
    public static let json = #"""
    [
      {"url": "https://github.com/example/lean-fixture", "commit": "0123abcd", "file_path": "Fixture/Basic.lean",
       "full_name": "Fixture.add_zero'", "start": [3, 1], "end": [5, 10],
       "traced_tactics": [
         {"tactic": "intro n", "annotated_tactic": ["intro n", []],
          "state_before": "⊢ ∀ (n : ℕ), n + 0 = n", "state_after": "n : ℕ\n⊢ n + 0 = n"},
         {"tactic": "simp", "annotated_tactic": ["simp", []],
          "state_before": "n : ℕ\n⊢ n + 0 = n", "state_after": "no goals"}
       ]},
      {"url": "https://github.com/example/lean-fixture", "commit": "0123abcd", "file_path": "Fixture/Lists.lean",
       "full_name": "Fixture.list_head", "start": [8, 1], "end": [12, 20],
       "traced_tactics": [
         {"tactic": "cases l with\n| nil => simp at h\n| cons a t => rfl", "annotated_tactic": ["cases l", []],
          "state_before": "l : List ℕ\nh : l ≠ []\n⊢ l.head? = some (l.head h)", "state_after": "no goals"}
       ]},
      {"url": "https://github.com/example/lean-fixture", "commit": "0123abcd", "file_path": "Fixture/Term.lean",
       "full_name": "Fixture.term_mode", "start": [14, 1], "end": [14, 40], "traced_tactics": []},
      {"url": "https://github.com/example/lean-fixture", "commit": "0123abcd", "file_path": "Fixture/Strings.lean",
       "full_name": "Fixture.quoted", "start": [16, 1], "end": [18, 12],
       "traced_tactics": [
         {"tactic": "show \"a\" ++ \"b\" = \"ab\"", "annotated_tactic": ["show", []],
          "state_before": "⊢ \"a\" ++ \"b\" = \"ab\"", "state_after": "⊢ \"a\" ++ \"b\" = \"ab\""},
         {"tactic": "rfl", "annotated_tactic": ["rfl", []],
          "state_before": "⊢ \"a\" ++ \"b\" = \"ab\"", "state_after": "no goals"}
       ]}
    ]
    """#
}
