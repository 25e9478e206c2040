import Foundation

/// The fake's command-line flags (see main.swift for their meaning).
struct FakeOptions {
    var transcript: String?
    var oracle: String?
    var crashAfter: Int?
    var crashOnceMarker: String?
    var hangAfter: Int?
    var garbageAfter: Int?
    var partialAfter: Int?
    var exitSilentlyAfter: Int?
    var hugeResponseBytes: Int?
    var stderrNoise = false
    var slowStartMilliseconds = 0
    var delayMilliseconds = 0
    var echoEnvironment = false
    var instant = false
    var runawayMarker: String?
    var heartbeatMilliseconds = 0
    var importMilliseconds = 0
    var costComments = false
    var accountFile: String?

    init(arguments: [String]) throws {
        var iterator = arguments.makeIterator()
        func value(_ flag: String) throws -> String {
            guard let next = iterator.next() else { throw FakeUsageError(text: "\(flag) needs a value") }
            return next
        }
        func number(_ flag: String) throws -> Int {
            let text = try value(flag)
            guard let number = Int(text), number >= 0 else { throw FakeUsageError(text: "\(flag) needs a non-negative integer, got \(text)") }
            return number
        }
        while let flag = iterator.next() {
            switch flag {
            case "--transcript": transcript = try value(flag)
            case "--oracle": oracle = try value(flag)
            case "--crash-after": crashAfter = try number(flag)
            case "--crash-once-marker": crashOnceMarker = try value(flag)
            case "--hang-after": hangAfter = try number(flag)
            case "--garbage-after": garbageAfter = try number(flag)
            case "--partial-after": partialAfter = try number(flag)
            case "--exit-silently-after": exitSilentlyAfter = try number(flag)
            case "--huge-response-bytes": hugeResponseBytes = try number(flag)
            case "--stderr-noise": stderrNoise = true
            case "--slow-start-ms": slowStartMilliseconds = try number(flag)
            case "--delay-ms": delayMilliseconds = try number(flag)
            case "--echo-env": echoEnvironment = true
            case "--instant": instant = true
            case "--runaway-marker": runawayMarker = try value(flag)
            case "--heartbeat-ms": heartbeatMilliseconds = try number(flag)
            case "--import-ms": importMilliseconds = try number(flag)
            case "--cost-comments": costComments = true
            case "--account": accountFile = try value(flag)
            default: throw FakeUsageError(text: "unknown flag \(flag)")
            }
        }
    }
}

struct FakeUsageError: Error {
    var text: String
}
