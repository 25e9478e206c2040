import ArgumentParser
import Foundation
import LeanPlay

/// The one table of `leanplay` exit statuses (the README's "Command-line reference" has the same rows,
/// checked by `ReadmeReferenceTests`), and the one mapping from every error a command can meet to a status
/// and a message that says what happened and what to do.
///
/// | status | meaning |
/// | --- | --- |
/// | 0 | success |
/// | 1 | a proof was not accepted, or some items failed or were malformed (the rest is done; rerun to resume) |
/// | 2 | Lean cannot be started, or the configuration (`leanplay.toml`, model settings, prompts) cannot work |
/// | 64 | a flag is unknown, missing or has a bad value |
/// | 65 | an input file is not in the expected format |
/// | 66 | an input file does not exist or cannot be read |
/// | 69 | the ledger's PostgreSQL server cannot be reached or refuses the connection |
/// | 73 | an output (`--out`, `--db`, `--export-dir`) cannot be created or written |
enum ExitStatus {
    static let success: Int32 = 0
    static let failure: Int32 = 1
    static let setup: Int32 = 2
    static let usage: Int32 = 64
    static let inputMalformed: Int32 = 65
    static let inputMissing: Int32 = 66
    static let serviceUnavailable: Int32 = 69
    static let outputUnwritable: Int32 = 73

    /// What to print and which status to exit with for `error`, raised by the command named `command`.
    static func classify(_ error: any Error, command: String) -> (status: Int32, message: String) {
        switch error {
        case let error as CLIError:
            let status: Int32 = switch error.kind {
            case .inputMissing: inputMissing
            case .inputMalformed: inputMalformed
            case .outputUnwritable: outputUnwritable
            }
            return (status, "\(command): \(error.message)")
        case let error as ValidationError:
            return (usage, "\(command): \(error.message)")
        case let error as LeanREPLError:
            var message = "\(command): \(error.message)"
            if let tail = error.stderrTail, !tail.isEmpty { message += "\nREPL stderr (last lines):\n\(tail.suffix(4000))" }
            return (leanCannotStart.contains(error.code) ? setup : failure, message)
        case let error as LeanPlayError:
            let status: Int32 = switch error.code {
            case .input: inputMalformed
            case .output: outputUnwritable
            default: setup
            }
            return (status, "\(command): \(error.message)\n  fix: \(error.fix)")
        case let error as ConjecturerError:
            return (status(for: error), "\(command): \(error)")
        case let error as CorpusError:
            let status: Int32 = switch error.code {
            case .unreadableFile: inputMissing
            case .unwritableFile: outputUnwritable
            default: inputMalformed
            }
            return (status, "\(command): \(error)")
        case let error as ProverError:
            if error.code == .configuration || error.code == .prompt { return (setup, "\(command): \(error)") }
            return (failure, "\(command): \(error)\nrerun the same command to resume: finished work is kept and never counted twice")
        case let error as LedgerError:
            let status: Int32 = switch error.code {
            case .openFailed, .exportFailed: outputUnwritable
            case .serverUnavailable: serviceUnavailable
            case .invalidLocation: usage
            case .newerSchema, .corruptRow, .notALedger: inputMalformed
            default: failure
            }
            return (status, "\(command): \(error)")
        case let error as ModelError:
            let status = (error.code == .missingAPIKey || error.code == .invalidConfiguration) ? setup : failure
            return (status, "\(command): \(error)")
        case let error as LeanSourceError:
            return (inputMalformed, "\(command): \(error)")
        default:
            return (failure, "\(command): \(error.localizedDescription)")
        }
    }

    /// REPL failures that mean Lean is not usable at all (as opposed to one request failing mid-run).
    private static let leanCannotStart: [LeanREPLError.Code] = [
        .leanNotFound, .invalidLaunch, .spawnFailed, .startupTimeout, .headerFailed,
    ]

    private static func status(for error: ConjecturerError) -> Int32 {
        switch error.code {
        case .outputWriteFailed, .outputUnreadable: outputUnwritable
        case .outputMalformed, .statementUnparsable: inputMalformed
        case .modelFailed, .cancelled: failure
        default: setup  // prompt templates and settings: the configuration cannot work
        }
    }
}
