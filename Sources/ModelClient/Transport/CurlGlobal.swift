import CCurl

/// libcurl's process-wide initialization, done exactly once before the first handle is created
/// (`curl_global_init` is not thread-safe; a Swift `static let` runs its initializer once, atomically).
enum CurlGlobal {
    /// The result of `curl_global_init`; `CURLE_OK` when libcurl is usable.
    static let initialization: CURLcode = curl_global_init(Int(CURL_GLOBAL_SSL | CURL_GLOBAL_WIN32))

    /// True when libcurl initialized successfully.
    static var isReady: Bool { initialization == CURLE_OK }

    /// The "libcurl/7.88.1 OpenSSL/3.0.x …" version string.
    static var version: String { String(cString: curl_version()) }
}
