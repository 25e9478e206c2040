import Foundation
import Logging

extension REPLWorkerPool {
    func acquire() async throws -> REPLWorker {
        if isShutDown { throw LeanREPLError(.shutDown, "the REPL pool has been shut down") }
        if let worker = idle.popLast() { return worker }
        guard waiters.count < configuration.queueCapacity else {
            throw LeanREPLError(.queueFull, "all \(workers.count) REPL workers are busy and \(waiters.count) callers are already waiting (queueCapacity \(configuration.queueCapacity)); retry later or raise queueCapacity/workers")
        }
        nextWaiterID += 1
        let id = nextWaiterID
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                waiters.append((id, continuation))
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    private func cancelWaiter(_ id: UInt64) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        let waiter = waiters.remove(at: index)
        waiter.continuation.resume(throwing: LeanREPLError(.cancelled, "cancelled while waiting for a REPL worker"))
    }

    func release(_ worker: REPLWorker) {
        let spareReady = !configuration.warmSpare || (spare.map { !$0.process.isUnusable } ?? false)
        switch worker.leaseEnded(spareReady: spareReady) {
        case .replace:
            if spareReady, let ready = spare, !isShutDown {
                // Swap in the warm spare now: the next lease finds a process with the header imported.
                spare = nil
                if let old = worker.install(ready.process, headers: ready.headers) {
                    configuration.logger.info("recycling REPL worker onto the warm spare", metadata: ["worker": "\(old.label)"])
                    reap(old)
                }
            } else if let old = worker.detach() {
                configuration.logger.info("recycling REPL worker", metadata: ["worker": "\(old.label)"])
                reap(old)
            }
            refillSpare()
        case .prepareSpare:
            // Recycling is due, but swapping now would make the next check wait for an import.
            recyclesDeferred += 1
            refillSpare()
        case .keep:
            break
        }
        if isShutDown {
            if let old = worker.detach() { reap(old) }
            return
        }
        if waiters.isEmpty {
            idle.append(worker)
        } else {
            waiters.removeFirst().continuation.resume(returning: worker)
        }
    }

    /// Makes sure the leased worker has a live process with `header` imported; returns the header's env.
    func prepare(_ worker: REPLWorker, header: String) async throws(LeanREPLError) -> Int? {
        if !header.allSatisfy(\.isWhitespace) { lastHeader = header }
        if worker.usableProcess == nil {
            if let old = worker.detach() { reap(old) }
            let (process, headers) = try await freshProcess(for: worker, header: header)
            if isShutDown {
                // The pool was shut down while the process started: it must not outlive `shutdown`.
                await process.terminate()
                throw LeanREPLError(.shutDown, "the REPL pool was shut down while a REPL process was starting", worker: worker.name)
            }
            _ = worker.install(process, headers: headers)
        }
        switch worker.lookup(header: header) {
        case .cached(let env): return env
        case .needsImport:
            importsInLeases += 1
            let env = try await importHeader(header, on: worker)
            worker.headerImported(header, environment: env)
            return env
        }
    }

    /// Replaces a leased worker's dead process and re-imports the header (used by sessions).
    func revive(_ worker: REPLWorker, header: String) async throws(LeanREPLError) -> Int? {
        if isShutDown { throw LeanREPLError(.shutDown, "the REPL pool has been shut down") }
        if let old = worker.detach() { reap(old) }
        configuration.logger.info("replacing a failed REPL process", metadata: ["worker": "\(worker.name)"])
        return try await prepare(worker, header: header)
    }

    private func importHeader(_ header: String, on worker: REPLWorker) async throws(LeanREPLError) -> Int {
        let response = try await worker.send(.command(header), timeout: configuration.startupTimeout, timeoutCode: .startupTimeout)
        return try Self.headerEnvironment(from: response, header: header, worker: worker.process?.label ?? worker.name)
    }

    static func headerEnvironment(from response: REPLResponse, header: String, worker: String) throws(LeanREPLError) -> Int {
        if let problem = response.protocolError, response.reportsTimeout {
            // The REPL (or a server in front of it) gave up on the import itself: a timeout, not a bad header.
            throw LeanREPLError(.startupTimeout, "the REPL reported a timeout importing the header: \(problem)",
                                worker: worker, request: REPLRequest.command(header).summary)
        }
        if let problem = response.protocolError {
            throw LeanREPLError(.headerFailed, "the REPL rejected the header: \(problem)", worker: worker, request: REPLRequest.command(header).summary)
        }
        let errors = response.errors
        guard errors.isEmpty, let env = response.env else {
            let text = errors.map { "\($0.pos): \($0.data)" }.joined(separator: "; ")
            throw LeanREPLError(.headerFailed, "Lean reported errors importing the header (check the imports exist in the Lean project, e.g. Mathlib is a dependency): \(text.isEmpty ? "no env in the response" : text)", worker: worker, request: REPLRequest.command(header).summary)
        }
        return env
    }

    /// A started process for `worker`: the warm spare when there is one, else a new process.
    private func freshProcess(for worker: REPLWorker, header: String) async throws(LeanREPLError) -> (REPLProcess, [String: Int]) {
        defer { refillSpare() }
        if let spare {
            self.spare = nil
            if !spare.process.isUnusable { return (spare.process, spare.headers) }
            reap(spare.process)
        }
        return (try await startProcess(), [:])
    }

    func startProcess() async throws(LeanREPLError) -> REPLProcess {
        processCounter += 1
        let name = "repl-\(processCounter)"
        return try await REPLProcess.start(launch: configuration.launch, options: configuration.processOptions, name: name)
    }

    /// Starts a spare process in the background (importing the most recent header) when none is ready.
    func refillSpare() {
        if let spare, spare.process.isUnusable {
            self.spare = nil
            reap(spare.process)
        }
        guard configuration.warmSpare, !isShutDown, spare == nil, !spareStarting else { return }
        spareStarting = true
        let header = lastHeader
        runInBackground {
            let prepared = await self.prepareSpare(header: header)
            await self.spareFinished(prepared)
        }
    }

    private func prepareSpare(header: String) async -> (REPLProcess, [String: Int])? {
        guard let process = try? await startProcess() else { return nil }
        guard !header.isEmpty else { return (process, [:]) }
        do {
            let response = try await process.send(.command(header), timeout: configuration.startupTimeout, timeoutCode: .startupTimeout)
            let env = try Self.headerEnvironment(from: response, header: header, worker: process.label)
            return (process, [header: env])
        } catch {
            await process.terminate()
            return nil
        }
    }

    private func spareFinished(_ prepared: (REPLProcess, [String: Int])?) {
        spareStarting = false
        guard let prepared else { return }
        if isShutDown {
            reap(prepared.0)
        } else {
            spare = (prepared.0, prepared.1)
        }
    }

    /// Kills and reaps a process in the background (awaited by `shutdown`).
    func reap(_ process: REPLProcess) {
        runInBackground { await process.terminate() }
    }

    private func runInBackground(_ work: @escaping @Sendable () async -> Void) {
        nextBackgroundID += 1
        let id = nextBackgroundID
        background[id] = Task {
            await work()
            self.backgroundFinished(id)
        }
    }

    private func backgroundFinished(_ id: UInt64) {
        background[id] = nil
    }
}
