/// Names the hygiene scanner looks for, beyond the command keywords of ``LeanVocabulary``.
enum HygieneVocabulary {
    /// Names whose whole text leaves a goal unproved: `stop` is `repeat sorry`, `apply?` admits the goal
    /// when it finds no closing lemma, `plausible`/`slim_check` admit it when no counter-example is found.
    static let sorryNames: Set<String> = ["sorry", "admit", "stop", "apply?", "plausible", "slim_check"]
    /// Last name components that leave a goal unproved wherever they are qualified.
    static let sorryComponents: Set<String> = ["sorryAx", "admitGoal"]
    /// Modifiers and command words that never belong inside a proof (beyond
    /// `LeanVocabulary.commandKeywords`). A proof line indented differently from the tactic block ends
    /// it, and Lean then reads the rest as commands at any column, so these are refused everywhere.
    static let commandModifiers: Set<String> = [
        "private", "protected", "noncomputable", "partial", "nonrec", "deriving", "omit", "include",
        // Lean ≥ 4.22 module system modifiers.
        "public", "meta",
        // Commands of Lean core, Batteries, Aesop and Mathlib not in `LeanVocabulary.commandKeywords`.
        "simproc", "dsimproc", "simproc_decl", "dsimproc_decl", "builtin_simproc", "builtin_dsimproc",
        "builtin_simproc_decl", "builtin_dsimproc_decl", "binder_predicate", "notation3", "irreducible_def",
        "unif_hint", "init_quot", "register_option", "register_builtin_option", "register_label_attr",
        "declare_aesop_rule_sets", "add_aesop_rules", "erase_aesop_rules", "library_note",
        "initialize_simps_projections", "grind_pattern", "seal", "unseal", "suppress_compilation",
        "unsuppress_compilation", "mk_iff_of_inductive_prop", "variable?", "declare_config_elab",
        "declare_command_config_elab", "register_tactic_tag", "tactic_extension", "test_extern",
        "compile_inductive", "compile_def", "gen_injective_theorems", "assert_not_exists",
        "assert_not_imported", "count_heartbeats", "whatsnew", "recall", "extend_docs",
    ]
    /// Keywords and names that run code or meta-programs, or use compiler-only constants.
    static let codeExecutionNames: Set<String> = [
        "run_tac", "run_cmd", "run_elab", "run_meta", "by_elab", "unsafe", "implemented_by", "extern",
        "unsafeCast", "unsafeIO", "unsafeBaseIO", "unsafeEIO", "ptrAddrUnsafe", "evalExpr", "evalConst",
        "addDecl", "addAndCompile", "compileDecl", "elab_rules", "dbg_trace", "dbgTrace",
        "dbgTraceIfShared", "withPtrAddrUnsafe", "lcProof", "lcUnreachable", "lcCast", "lcErased", "lcAny",
    ]
    /// First name components of namespaces whose use means IO or meta-programming.
    static let codeExecutionNamespaces: Set<String> = ["IO", "EIO", "BaseIO", "System", "Lean"]
    /// Namespaces under `Lean` that hold only lemmas and data of decision procedures, which their
    /// proofs (and honest proofs copying them) cite: `Lean.Omega.…` (omega), `Lean.Grind.…` (grind's
    /// algebra). Their meta-programs live under `Lean.Elab`/`Lean.Meta`, which stay refused.
    static let lemmaNamespaces: Set<[String]> = [["Lean", "Omega"], ["Lean", "Grind"]]
    /// Words whose string argument Lean reads as an interpolation (`throwError "x = {x}"`).
    static let interpolatingWords: Set<String> = [
        "throwError", "throwErrorAt", "logInfo", "logInfoAt", "logWarning", "logWarningAt", "logError",
        "logErrorAt", "dbg_trace", "trace", "fail", "panic", "assert", "throwTacticEx",
    ]

    /// True when a dotted name lies inside one of ``lemmaNamespaces`` (`Lean.Omega.Int.ofNat_lt`).
    static func isLemmaNamespace(_ components: [String]) -> Bool {
        components.count >= 2 && lemmaNamespaces.contains(Array(components.prefix(2)))
    }
    /// Last name components that trust the compiler instead of the kernel.
    static let nativeComponents: Set<String> = [
        "native_decide", "ofReduceBool", "reduceBool", "trustCompiler", "bv_decide", "bv_omega",
        "bv_normalize", "implementedBy", "ofReduceNat", "reduceNat", "bv_check",
    ]
}
