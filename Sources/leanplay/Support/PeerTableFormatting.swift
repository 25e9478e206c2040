import Foundation
import LeanPlay

/// `leanplay report`'s peers table: who shares the ledger, what each holds now and what each did.
enum PeerTableFormatting {
    /// Prints the table when the ledger was shared (more than one peer) or a peer holds a lease or the
    /// conjecture stage now; a ledger one process ran alone and left idle needs no table.
    static func print(_ peers: [PeerSummary]) {
        guard peers.count > 1 || peers.contains(where: { !$0.leases.isEmpty || $0.conjectureStageRound != nil }) else { return }
        Swift.print("peer                          host:pid              last seen             leases  items done  attempts  Lean-seconds")
        let dates = ISO8601DateFormatter()
        for peer in peers {
            let columns: [(String, Int)] = [
                (peer.id, 30), ("\(peer.host ?? "-"):\(peer.pid.map(String.init) ?? "-")", 22),
                (peer.lastSeenAt.map { dates.string(from: $0) } ?? "-", 22), (String(peer.leases.count), 8),
                (String(peer.itemsDone), 12), (String(peer.attempts), 10),
            ]
            var line = columns.map { $0.0.padding(toLength: max($0.1, $0.0.count + 1), withPad: " ", startingAt: 0) }.joined()
            line += String(format: "%.1f", peer.leanSeconds)
            Swift.print(line)
            for lease in peer.leases {
                Swift.print("  holds round \(lease.round) item \(lease.position) (\(lease.formalizationID)) until \(dates.string(from: lease.expiresAt))")
            }
            if let round = peer.conjectureStageRound { Swift.print("  holds the conjecture stage of round \(round)") }
        }
    }
}
