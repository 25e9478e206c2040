import Foundation
import Subprocess
import Synchronization
import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// One running REPL child process and its pipes. Requests are strictly one at a time (the REPL is
/// sequential). The child runs in its own process group with a scrubbed environment, its own TMPDIR
/// and rlimits; stdout is read by a single reader through ``REPLMessageFramer``; stderr is drained
/// concurrently into a bounded ring buffer. When the child exits, the pending request fails.
///
/// Built on swift-subprocess: the `run` closure hosts the whole session (it lives in `lifetime`).
final class REPLProcess: Sendable {
    let label: String
    let pid: Int32
    let temporaryDirectory: URL
    let shared: REPLProcessStateBox
    let writer: StandardInputWriter
    let options: REPLProcessOptions

    private init(label: String, pid: Int32, temporaryDirectory: URL, shared: REPLProcessStateBox, writer: StandardInputWriter, options: REPLProcessOptions) {
        self.label = label
        self.pid = pid
        self.temporaryDirectory = temporaryDirectory
        self.shared = shared
        self.writer = writer
        self.options = options
    }

    private static let ignoreSIGPIPE: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    /// Spawns the process. Returns once it is running (not once it has answered anything).
    /// - Throws: `LeanREPLError` `.leanNotFound` or `.spawnFailed`.
    static func start(launch: REPLLaunch, options: REPLProcessOptions, name: String) async throws(LeanREPLError) -> REPLProcess {
        _ = ignoreSIGPIPE
        guard FileManager.default.isExecutableFile(atPath: launch.executable.path) else {
            throw LeanREPLError(.leanNotFound, "the REPL executable \(launch.executable.path) does not exist or is not executable. " + REPLLaunch.installGuidance, worker: name)
        }
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("leanplay-\(name)-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw LeanREPLError(.spawnFailed, "could not create the worker's temporary folder \(temporary.path): \(error.localizedDescription); check that TMPDIR is writable", worker: name)
        }
        let environment = options.environmentPolicy.childEnvironment(from: options.sourceEnvironment, temporaryDirectory: temporary.path)
        var keys: [Environment.Key: String] = [:]
        for (key, value) in environment { if let key = Environment.Key(rawValue: key) { keys[key] = value } }
        var platform = PlatformOptions()
        platform.processGroupID = 0
        let configuration = Configuration(
            executable: .path(FilePath(launch.executable.path)),
            arguments: Arguments(launch.arguments),
            environment: .custom(keys),
            workingDirectory: launch.workingDirectory.map { FilePath($0.path) },
            platformOptions: platform
        )
        let shared = REPLProcessStateBox(REPLProcessState(stderr: StderrRingBuffer(capacity: options.stderrCapacity)))
        let started: Result<REPLProcess, LeanREPLError> = await withCheckedContinuation { continuation in
            Task {
                await Self.host(configuration: configuration, options: options, name: name, temporary: temporary, shared: shared) { result in
                    continuation.resume(returning: result)
                }
            }
        }
        let process = try started.get()
        return process
    }

    /// Runs the child for its whole life; calls `started` exactly once.
    private static func host(
        configuration: Configuration, options: REPLProcessOptions, name: String, temporary: URL,
        shared: REPLProcessStateBox, started: @escaping @Sendable (Result<REPLProcess, LeanREPLError>) -> Void
    ) async {
        let announced = Mutex(false)
        var process: REPLProcess?
        do {
            let result = try await Subprocess.run(configuration, input: .inputWriter, output: .sequence, error: .sequence) { execution in
                let pid = execution.processIdentifier.value
                let child = REPLProcess(label: "\(name) (pid \(pid))", pid: pid, temporaryDirectory: temporary, shared: shared, writer: execution.standardInputWriter, options: options)
                let failedLimits = options.limits.apply(to: pid)
                if !failedLimits.isEmpty {
                    child.failAndKill(LeanREPLError(.spawnFailed, "could not apply \(failedLimits.joined(separator: ", ")) to the REPL process; lower the limits or run with permission to set them", worker: child.label))
                }
                announced.withLock { $0 = true }
                started(.success(child))
                await child.pump(stdout: execution.standardOutput, stderr: execution.standardError)
                return child
            }
            process = result.closureResult
            process?.processExited(result.terminationStatus.description)
        } catch {
            let wasAnnounced = announced.withLock { $0 }
            if !wasAnnounced {
                started(.failure(LeanREPLError(.spawnFailed, "could not start \(configuration.executable): \(error); check that the REPL command runs in a terminal", worker: name)))
            } else {
                shared.withLock { state in state.exitDescription = "unknown (\(error))" }
            }
        }
        try? FileManager.default.removeItem(at: temporary)
        let waiters = shared.withLock { state in
            state.hasExited = true
            defer { state.exitWaiters = [] }
            return state.exitWaiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Reads stdout (framing) and drains stderr until stdout closes; then kills the group.
    private func pump(stdout: SubprocessOutputSequence, stderr: SubprocessOutputSequence) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [shared] in
                do {
                    for try await buffer in stderr {
                        let bytes = buffer.withUnsafeBytes { Array($0) }
                        shared.withLock { $0.stderr.append(bytes) }
                    }
                } catch {}
            }
            var framer = REPLMessageFramer(maximumMessageBytes: options.maximumResponseBytes)
            do {
                for try await buffer in stdout {
                    let messages = try buffer.withUnsafeBytes { (raw) throws(LeanREPLError) in try framer.append(raw) }
                    for message in messages { deliver(message) }
                }
                if !framer.isAtMessageBoundary {
                    let snippet = Self.snippet(framer.pendingBytes)
                    failAndKill(LeanREPLError(.protocolViolation, "the REPL closed its output in the middle of a response: \(snippet)", worker: label))
                }
            } catch let error as LeanREPLError {
                failAndKill(error.with(worker: label))
            } catch {
                failAndKill(LeanREPLError(.protocolViolation, "reading the REPL's output failed: \(error)", worker: label))
            }
            killGroup()
            await group.waitForAll()
        }
    }
}
