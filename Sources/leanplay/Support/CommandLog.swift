import Logging

/// Where the library's log messages go: standard error, warnings and errors only unless `--verbose`
/// (then lifecycle events such as REPL workers being recycled or respawned are shown too).
enum CommandLog {
    /// True when `--verbose` appears among the arguments before a `--` terminator.
    static func verboseRequested(in arguments: [String]) -> Bool {
        arguments.prefix { $0 != "--" }.contains("--verbose")
    }

    /// Installs the process-wide log handler; call once, before any library object is created.
    static func bootstrap(verbose: Bool) {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = verbose ? .info : .warning
            return handler
        }
    }
}
