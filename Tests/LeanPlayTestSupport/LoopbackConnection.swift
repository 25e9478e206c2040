import Foundation
import Glibc

/// Serves the HTTP/1.1 requests of one keep-alive connection, on its own thread.
final class LoopbackConnection: Sendable {
    private let fd: Int32
    private let core: LoopbackServerCore
    private static let maximumHeadBytes = 64 << 10
    private static let maximumBodyBytes = 16 << 20

    init(fd: Int32, core: LoopbackServerCore) {
        self.fd = fd
        self.core = core
    }

    func serve() {
        defer { core.closeSocket(fd) }
        var buffer: [UInt8] = []
        while let request = readRequest(&buffer) {
            core.begin(request)
            let keepOpen = answer(request)
            core.end()
            if !keepOpen { return }
        }
    }

    // MARK: Reading

    /// Waits up to 50 ms for bytes; nil when the peer closed, the server stopped, or an error occurred.
    private func receive(into buffer: inout [UInt8]) -> Bool? {
        var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let polled = poll(&ready, 1, 50)
        if core.isStopped { return nil }
        if polled == 0 { return false }
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        buffer.append(contentsOf: chunk[..<count])
        return true
    }

    private func readRequest(_ buffer: inout [UInt8]) -> LoopbackRequest? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while headEnd == nil {
            if let found = buffer.firstRange(of: separator) {
                headEnd = found.upperBound
            } else {
                guard buffer.count <= Self.maximumHeadBytes, receive(into: &buffer) != nil else { return nil }
            }
        }
        guard let headEnd else { return nil }
        let head = String(decoding: buffer[..<(headEnd - 4)], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()] =
                line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        if headers["expect"]?.lowercased() == "100-continue" { write(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        guard length >= 0, length <= Self.maximumBodyBytes else { return nil }
        while buffer.count < headEnd + length {
            guard receive(into: &buffer) != nil else { return nil }
        }
        let body = Data(buffer[headEnd..<(headEnd + length)])
        buffer.removeFirst(headEnd + length)
        return LoopbackRequest(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers, body: body)
    }

    // MARK: Answering

    /// Sends the reply; false when the connection must close afterwards.
    private func answer(_ request: LoopbackRequest) -> Bool {
        guard request.method == "POST", request.path == "/v1/chat/completions" else {
            return send(.json(#"{"error":{"message":"Not Found: \#(request.method) \#(request.path)","code":404}}"#, status: 404))
        }
        return send(core.handler(request))
    }

    private func send(_ reply: LoopbackReply) -> Bool {
        switch reply {
        case .http(let status, let headers, let body):
            return write(Self.head(status: status, headers: headers, contentLength: body.count) + Array(body))
        case .delayed(let delay, let inner):
            return wait(delay) && send(inner)
        case .truncated(let status, let declaredLength, let body):
            let head = Self.head(status: status, headers: [LoopbackHeader("Content-Type", "application/json")], contentLength: declaredLength)
            _ = write(head + Array(body))
            return false
        case .closeConnection:
            return false
        }
    }

    /// Sleeps in small steps; false when the server stops or the client hangs up meanwhile.
    private func wait(_ delay: Duration) -> Bool {
        let end = ContinuousClock.now + delay
        while ContinuousClock.now < end {
            if core.isStopped { return false }
            var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&ready, 1, 10) > 0 {
                var probe: UInt8 = 0
                if recv(fd, &probe, 1, Int32(MSG_PEEK)) <= 0 { return false }
            }
        }
        return true
    }

    @discardableResult
    private func write(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    private static func head(status: Int, headers: [LoopbackHeader], contentLength: Int) -> [UInt8] {
        var text = "HTTP/1.1 \(status) \(reason(status))\r\n"
        for header in headers { text += "\(header.name): \(header.value)\r\n" }
        text += "Content-Length: \(contentLength)\r\nConnection: keep-alive\r\n\r\n"
        return Array(text.utf8)
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status \(status)"
        }
    }
}
