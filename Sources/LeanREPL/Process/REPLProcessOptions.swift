/// Everything needed to start one REPL process besides the launch command.
struct REPLProcessOptions: Sendable {
    var environmentPolicy: REPLEnvironmentPolicy = .standard
    /// The environment the allow-list is applied to (normally this process's environment).
    var sourceEnvironment: [String: String]
    var limits: REPLResourceLimits = .standard
    var maximumResponseBytes: Int = REPLMessageFramer.defaultMaximumMessageBytes
    var stderrCapacity: Int = 64 * 1024
    var clock: any Clock<Duration> = ContinuousClock()
}
