/// Names the hygiene scanner looks for, beyond the command keywords of ``LeanVocabulary``.
enum HygieneVocabulary {
    /// Names whose whole text leaves a goal unproved.
    static let sorryNames: Set<String> = ["sorry", "admit", "stop"]
    /// Last name components that leave a goal unproved wherever they are qualified.
    static let sorryComponents: Set<String> = ["sorryAx"]
    /// Modifiers and command words that never belong inside a proof (beyond
    /// `LeanVocabulary.commandKeywords`).
    static let commandModifiers: Set<String> = [
        "private", "protected", "noncomputable", "partial", "nonrec", "deriving", "omit", "include",
    ]
    /// Keywords and names that run code or meta-programs.
    static let codeExecutionNames: Set<String> = [
        "run_tac", "run_cmd", "run_elab", "run_meta", "by_elab", "unsafe", "implemented_by", "extern",
        "unsafeCast", "unsafeIO", "unsafeBaseIO", "unsafeEIO", "ptrAddrUnsafe", "evalExpr", "evalConst",
        "addDecl", "addAndCompile", "compileDecl", "elab_rules", "dbg_trace", "dbgTrace",
    ]
    /// First name components of namespaces whose use means IO or meta-programming.
    static let codeExecutionNamespaces: Set<String> = ["IO", "EIO", "BaseIO", "System", "Lean"]
    /// Last name components that trust the compiler instead of the kernel.
    static let nativeComponents: Set<String> = [
        "native_decide", "ofReduceBool", "reduceBool", "trustCompiler", "bv_decide", "bv_omega",
        "bv_normalize", "implementedBy",
    ]
}
