import CCurl
import Foundation
import Synchronization

/// One libcurl easy handle performing one `HTTPRequest`.
///
/// `@unchecked Sendable` because the handle, buffers and continuation are touched only by the
/// `CurlEngine` thread after submission (the engine's inbox mutex orders the hand-over); the one field
/// other threads write, `cancelled`, is an `Atomic`.
final class CurlTransfer: @unchecked Sendable {
    let easy: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private let maxResponseBytes: Int
    private var body: [UInt8] = []
    private var responseHeaders: [String: String] = [:]
    private var exceededLimit = false
    private let cancelled = Atomic<Bool>(false)
    var continuation: CheckedContinuation<Result<HTTPResponse, TransportFailure>, Never>?

    /// Creates and configures the easy handle.
    ///
    /// - Throws: `TransportFailure.setup` when libcurl refuses an option.
    init(_ request: HTTPRequest) throws(TransportFailure) {
        guard CurlGlobal.isReady else { throw .setup("libcurl failed to initialize (curl_global_init)") }
        guard let easy = curl_easy_init() else { throw .setup("curl_easy_init returned no handle") }
        self.easy = easy
        self.maxResponseBytes = request.maxResponseBytes
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        do {
            try configure(request)
        } catch {
            release()
            throw error
        }
    }

    private func configure(_ request: HTTPRequest) throws(TransportFailure) {
        for line in request.headers { headerList = curl_slist_append(headerList, line) }
        let context = Unmanaged.passUnretained(self).toOpaque()
        try check(lp_curl_easy_setopt_string(easy, CURLOPT_URL, request.url), "CURLOPT_URL")
        try check(lp_curl_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https"), "CURLOPT_PROTOCOLS_STR")
        try check(lp_curl_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1), "CURLOPT_NOSIGNAL")
        try check(lp_curl_easy_setopt_long(easy, CURLOPT_POST, 1), "CURLOPT_POST")
        try check(lp_curl_easy_setopt_off_t(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count)), "CURLOPT_POSTFIELDSIZE_LARGE")
        // COPYPOSTFIELDS copies the bytes, so the body's lifetime may end right after this call.
        let copied = request.body.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> CURLcode in
            let pointer = UnsafeMutableRawPointer(mutating: bytes.baseAddress ?? UnsafeRawPointer(errorBuffer))
            return lp_curl_easy_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, pointer)
        }
        try check(copied, "CURLOPT_COPYPOSTFIELDS")
        try check(lp_curl_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList), "CURLOPT_HTTPHEADER")
        try check(lp_curl_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, request.timeout.wholeMilliseconds), "CURLOPT_TIMEOUT_MS")
        try check(lp_curl_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, request.connectTimeout.wholeMilliseconds), "CURLOPT_CONNECTTIMEOUT_MS")
        try check(lp_curl_easy_setopt_off_t(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(request.maxResponseBytes)), "CURLOPT_MAXFILESIZE_LARGE")
        try check(lp_curl_easy_setopt_string(easy, CURLOPT_ACCEPT_ENCODING, ""), "CURLOPT_ACCEPT_ENCODING")
        try check(lp_curl_easy_setopt_string(easy, CURLOPT_USERAGENT, "LeanPlay-ModelClient/1"), "CURLOPT_USERAGENT")
        try check(lp_curl_easy_setopt_long(easy, CURLOPT_TCP_KEEPALIVE, 1), "CURLOPT_TCP_KEEPALIVE")
        try check(lp_curl_easy_setopt_string(easy, CURLOPT_NOPROXY, Self.noProxyList), "CURLOPT_NOPROXY")
        try check(lp_curl_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer)), "CURLOPT_ERRORBUFFER")
        try check(lp_curl_easy_setopt_data_callback(easy, CURLOPT_WRITEFUNCTION, curlWriteBody), "CURLOPT_WRITEFUNCTION")
        try check(lp_curl_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context), "CURLOPT_WRITEDATA")
        try check(lp_curl_easy_setopt_data_callback(easy, CURLOPT_HEADERFUNCTION, curlWriteHeader), "CURLOPT_HEADERFUNCTION")
        try check(lp_curl_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context), "CURLOPT_HEADERDATA")
        try check(lp_curl_easy_setopt_long(easy, CURLOPT_NOPROGRESS, 0), "CURLOPT_NOPROGRESS")
        try check(lp_curl_easy_setopt_progress_callback(easy, CURLOPT_XFERINFOFUNCTION, curlProgress), "CURLOPT_XFERINFOFUNCTION")
        try check(lp_curl_easy_setopt_pointer(easy, CURLOPT_XFERINFODATA, context), "CURLOPT_XFERINFODATA")
    }

    /// The user's `no_proxy` hosts plus the loopback addresses: a model served on this machine is never
    /// sent through an HTTP proxy, while remote providers still honour `https_proxy`.
    private static let noProxyList: String = {
        let environment = ProcessInfo.processInfo.environment
        let user = environment["no_proxy"] ?? environment["NO_PROXY"] ?? ""
        return (user.split(separator: ",").map(String.init) + ["localhost", "127.0.0.1", "::1"]).joined(separator: ",")
    }()

    private func check(_ code: CURLcode, _ option: String) throws(TransportFailure) {
        guard code == CURLE_OK else {
            throw .setup("libcurl rejected \(option): \(String(cString: curl_easy_strerror(code)))")
        }
    }

    /// Asks the transfer to stop; the progress callback and the engine both honour it.
    func cancel() { cancelled.store(true, ordering: .releasing) }

    /// True once `cancel()` was called.
    var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

    /// Appends body bytes; returning less than offered makes libcurl fail with CURLE_WRITE_ERROR.
    fileprivate func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        if body.count + bytes.count > maxResponseBytes {
            exceededLimit = true
            return 0
        }
        body.append(contentsOf: bytes)
        return bytes.count
    }

    /// Records one header line; a new status line starts a fresh set (after `100 Continue`, redirects).
    fileprivate func receiveHeader(_ bytes: UnsafeRawBufferPointer) -> Int {
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            responseHeaders = [:]
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            responseHeaders[name] = value
        }
        return bytes.count
    }

    /// The outcome for libcurl's completion code.
    func result(for code: CURLcode) -> Result<HTTPResponse, TransportFailure> {
        var status = 0
        _ = lp_curl_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        let detail = errorBuffer.pointee != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(code))
        switch code {
        case CURLE_OK:
            return .success(HTTPResponse(status: status, headers: responseHeaders, body: Data(body)))
        case CURLE_OPERATION_TIMEDOUT:
            return .failure(.timeout(detail))
        case CURLE_FILESIZE_EXCEEDED:
            return .failure(.tooLarge(limit: maxResponseBytes))
        case CURLE_WRITE_ERROR where exceededLimit:
            return .failure(.tooLarge(limit: maxResponseBytes))
        case CURLE_ABORTED_BY_CALLBACK where isCancelled:
            return .failure(.cancelled)
        case CURLE_PARTIAL_FILE:
            return .failure(.partialBody(status: status, body: Data(body), message: detail))
        default:
            return .failure(.connection(detail))
        }
    }

    /// Frees the handle and its buffers (call once, after the handle left the multi handle).
    func release() {
        curl_easy_cleanup(easy)
        if let headerList { curl_slist_free_all(headerList) }
        headerList = nil
        errorBuffer.deallocate()
    }
}

private let curlWriteBody: lp_curl_data_callback = { data, size, count, context in
    guard let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
}

private let curlWriteHeader: lp_curl_data_callback = { data, size, count, context in
    guard let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.receiveHeader(UnsafeRawBufferPointer(start: data, count: size * count))
}

private let curlProgress: lp_curl_progress_callback = { context, _, _, _, _ in
    guard let context else { return 0 }
    return Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue().isCancelled ? 1 : 0
}
