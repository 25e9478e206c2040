import Foundation

/// The request loop: reads requests, applies the fault flags, writes replies.
struct FakeSession {
    let options: FakeOptions
    let responder: any FakeResponder

    func run() {
        if options.stderrNoise { startNoise() }
        if options.slowStartMilliseconds > 0 { busy(milliseconds: options.slowStartMilliseconds) }
        var reader = RequestReader()
        var index = 0
        while let request = reader.next() {
            index += 1
            if options.stderrNoise { ResponseWriter.writeError(String(repeating: "noise: elaborating…\n", count: 256 * 1024 / 20)) }
            if let n = options.crashAfter, index >= n, shouldCrash() {
                ResponseWriter.writeError("fake-lean-repl: crashing on request \(index) as asked by --crash-after\n")
                exit(1)
            }
            if let n = options.exitSilentlyAfter, index >= n { exit(0) }
            if let n = options.hangAfter, index >= n { while true { sleep(milliseconds: 1_000_000) } }
            if options.delayMilliseconds > 0 { busy(milliseconds: options.delayMilliseconds) }
            if let answer = simulatedCost(of: request) {
                ResponseWriter.send(answer)
                continue
            }
            if let n = options.garbageAfter, index >= n {
                ResponseWriter.send("this is not JSON <<< fake-lean-repl garbage >>>")
                continue
            }
            var reply = responder.reply(to: request, index: index)
            if let bytes = options.hugeResponseBytes { reply = Self.padded(reply, to: bytes) }
            if let n = options.partialAfter, index >= n {
                ResponseWriter.write(String(decoding: reply.utf8.prefix(reply.utf8.count / 2), as: UTF8.self))
                exit(0)
            }
            ResponseWriter.send(reply)
        }
    }

    /// The simulated Lean time of a request (--import-ms, --cost-comments, --runaway-marker); returns a
    /// reply when the simulation decides the answer itself (a heartbeat timeout), nil to answer normally.
    private func simulatedCost(of request: String) -> String? {
        guard options.importMilliseconds > 0 || options.costComments || options.runawayMarker != nil else { return nil }
        guard let object = FakeJSON.parse(request) as? [String: Any], let command = object["cmd"] as? String else { return nil }
        if object["env"] == nil, options.importMilliseconds > 0 { busy(milliseconds: options.importMilliseconds) }
        if let marker = options.runawayMarker, command.contains(marker) {
            guard let range = command.range(of: "set_option maxHeartbeats ") else {
                account("hang")
                while true { sleep(milliseconds: 1_000_000) }
            }
            let limit = command[range.upperBound...].prefix { $0.isNumber }
            busy(milliseconds: options.heartbeatMilliseconds)
            let text = "(deterministic) timeout at `whnf`, maximum number of heartbeats (\(limit)) has been reached\nUse `set_option maxHeartbeats <num>` to set the limit.\nAdditional diagnostic information may be available using the `set_option diagnostics true` command."
            return FakeJSON.render(["messages": [FakeJSON.message("error", text, line: 2, column: 0)], "env": 1_000_000])
        }
        if options.costComments, let range = command.range(of: "/- cost ") {
            let digits = command[range.upperBound...].prefix { $0.isNumber }
            if let cost = Int(digits) { busy(milliseconds: cost) }
        }
        return nil
    }

    /// Sleeps, recording the time as Lean work in the --account file.
    private func busy(milliseconds: Int) {
        account("ms \(milliseconds)")
        sleep(milliseconds: milliseconds)
    }

    /// Appends one line to the --account file (O_APPEND: lines of concurrent processes never interleave).
    private func account(_ line: String) {
        guard let path = options.accountFile else { return }
        let descriptor = open(path, O_CREAT | O_APPEND | O_WRONLY, 0o644)
        guard descriptor >= 0 else { return }
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
    }

    /// With --crash-once-marker PATH only the first process (the one that creates PATH) crashes.
    private func shouldCrash() -> Bool {
        guard let marker = options.crashOnceMarker else { return true }
        let descriptor = open(marker, O_CREAT | O_EXCL | O_WRONLY, 0o644)
        guard descriptor >= 0 else { return false }
        close(descriptor)
        return true
    }

    /// One valid JSON object of exactly `size` bytes keeping the reply's env.
    static func padded(_ reply: String, to size: Int) -> String {
        let env = (FakeJSON.parse(reply) as? [String: Any])?["env"] as? Int ?? 0
        let prefix = "{\"env\": \(env), \"messages\": [{\"severity\": \"info\", \"pos\": {\"line\": 1, \"column\": 0}, \"data\": \""
        let suffix = "\"}]}"
        let padding = max(0, size - prefix.utf8.count - suffix.utf8.count)
        return prefix + String(repeating: "x", count: padding) + suffix
    }

    private func startNoise() {
        let thread = Thread {
            let chunk = String(repeating: "noise: background elaboration chatter\n", count: 16 * 1024 / 38)
            while true {
                ResponseWriter.writeError(chunk)
                sleep(milliseconds: 10)
            }
        }
        thread.start()
    }
}

func sleep(milliseconds: Int) {
    Thread.sleep(forTimeInterval: Double(milliseconds) / 1000)
}
