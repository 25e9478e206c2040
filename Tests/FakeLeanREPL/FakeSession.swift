import Foundation

/// The request loop: reads requests, applies the fault flags, writes replies.
struct FakeSession {
    let options: FakeOptions
    let responder: any FakeResponder

    func run() {
        if options.stderrNoise { startNoise() }
        if options.slowStartMilliseconds > 0 { sleep(milliseconds: options.slowStartMilliseconds) }
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
            if options.delayMilliseconds > 0 { sleep(milliseconds: options.delayMilliseconds) }
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
