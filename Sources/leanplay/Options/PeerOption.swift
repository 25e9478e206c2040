import ArgumentParser
import Foundation
import LeanPlay

/// `--peer-id ID`: this process's name among the peers sharing a ledger (`selfplay`, `prove`).
struct PeerOption: ParsableArguments {
    @Option(help: "This process's id among the peers sharing the ledger (default HOST-PID; must be unique among running peers; reuse a killed peer's id to take its leased items over at once).")
    var peerId: String?

    func validate() throws {
        if let peerId, peerId.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--peer-id cannot be empty")
        }
    }

    /// The peer settings: this id (or `HOST-PID`) with `[ledger] lease_seconds`; lease notes go to
    /// standard error, prefixed with `command`.
    func peer(_ configuration: LeanPlayConfiguration, command: String) -> PeerConfiguration {
        configuration.peerConfiguration(id: peerId) { note in printError("\(command): \(note)") }
    }
}
