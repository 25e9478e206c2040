import CCurl
import Foundation
import Synchronization

/// Runs libcurl transfers on one dedicated thread with a curl multi handle.
///
/// Why one thread and `curl_multi`: `curl_easy_perform` blocks, and blocking Swift's cooperative pool
/// (two threads on a two-core machine) would stall every other task. A single thread driving a multi
/// handle serves any number of concurrent requests, shares one connection cache (keep-alive and TLS
/// sessions are reused across requests, HTTP/2 streams are multiplexed), and costs nothing while idle
/// (`curl_multi_poll` sleeps until a socket is ready or `curl_multi_wakeup` is called).
///
/// `@unchecked Sendable`: `multi` and `active` are touched only by the engine thread; everything other
/// threads hand over goes through the `inbox` mutex; `curl_multi_wakeup` is documented thread-safe.
final class CurlEngine: @unchecked Sendable {
    private struct Inbox: ~Copyable {
        var submitted: [CurlTransfer] = []
        var threadStarted = false
        var shuttingDown = false
    }

    private let multi: UnsafeMutableRawPointer?
    private let inbox = Mutex(Inbox())
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]

    init() {
        multi = CurlGlobal.isReady ? curl_multi_init() : nil
    }

    /// Performs `request`, suspending the caller (not a thread) until it completes, fails or is cancelled.
    func perform(_ request: HTTPRequest) async -> Result<HTTPResponse, TransportFailure> {
        guard multi != nil else { return .failure(.setup("libcurl failed to initialize (curl_multi_init)")) }
        let transfer: CurlTransfer
        do {
            transfer = try CurlTransfer(request)
        } catch {
            return .failure(error)
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                transfer.continuation = continuation
                submit(transfer)
            }
        } onCancel: {
            transfer.cancel()
            wake()
        }
    }

    /// Stops the thread; transfers still running fail with `.cancelled`.
    func shutdown() {
        let threadStarted = inbox.withLock { inbox -> Bool in
            inbox.shuttingDown = true
            return inbox.threadStarted
        }
        if threadStarted {
            wake()
        } else if let multi {
            // No thread ever ran, and `submit` now refuses work: nobody else can touch the handle.
            curl_multi_cleanup(multi)
        }
    }

    private func submit(_ transfer: CurlTransfer) {
        let (startThread, rejected) = inbox.withLock { inbox -> (Bool, Bool) in
            if inbox.shuttingDown { return (false, true) }
            inbox.submitted.append(transfer)
            if inbox.threadStarted { return (false, false) }
            inbox.threadStarted = true
            return (true, false)
        }
        if rejected {
            finish(transfer, .failure(.cancelled))
            return
        }
        if startThread {
            let thread = Thread { [self] in runLoop() }
            thread.name = "leanplay.curl"
            thread.start()
        } else {
            wake()
        }
    }

    private func wake() {
        if let multi { _ = curl_multi_wakeup(multi) }
    }

    private func runLoop() {
        guard let multi else { return }
        while true {
            let (incoming, stopping) = inbox.withLock { inbox in
                let taken = inbox.submitted
                inbox.submitted.removeAll(keepingCapacity: true)
                return (taken, inbox.shuttingDown)
            }
            for transfer in incoming { add(transfer, to: multi) }
            if stopping {
                for transfer in Array(active.values) { remove(transfer, from: multi, result: .failure(.cancelled)) }
                curl_multi_cleanup(multi)
                return
            }
            for transfer in active.values where transfer.isCancelled {
                remove(transfer, from: multi, result: .failure(.cancelled))
            }
            var running: Int32 = 0
            _ = curl_multi_perform(multi, &running)
            collectFinished(multi)
            var ready: Int32 = 0
            _ = curl_multi_poll(multi, nil, 0, active.isEmpty ? 5_000 : 1_000, &ready)
        }
    }

    private func add(_ transfer: CurlTransfer, to multi: UnsafeMutableRawPointer) {
        if transfer.isCancelled {
            finish(transfer, .failure(.cancelled))
            return
        }
        let code = curl_multi_add_handle(multi, transfer.easy)
        guard code == CURLM_OK else {
            finish(transfer, .failure(.setup("curl_multi_add_handle failed: \(String(cString: curl_multi_strerror(code)))")))
            return
        }
        active[transfer.easy] = transfer
    }

    private func collectFinished(_ multi: UnsafeMutableRawPointer) {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                  let transfer = active[easy]
            else { continue }
            let code = message.pointee.data.result
            remove(transfer, from: multi, result: transfer.result(for: code))
        }
    }

    private func remove(_ transfer: CurlTransfer, from multi: UnsafeMutableRawPointer, result: Result<HTTPResponse, TransportFailure>) {
        _ = curl_multi_remove_handle(multi, transfer.easy)
        active[transfer.easy] = nil
        finish(transfer, result)
    }

    private func finish(_ transfer: CurlTransfer, _ result: Result<HTTPResponse, TransportFailure>) {
        let continuation = transfer.continuation
        transfer.continuation = nil
        transfer.release()
        continuation?.resume(returning: result)
    }
}
