import Foundation
import Ledger
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Frees at once the leases of peers that ran on this host as processes that no longer exist, on an
/// SQLite ledger file.
///
/// Every process sharing an SQLite file in WAL mode runs on the host that holds the file (WAL needs
/// shared memory), so a peer registered from this host whose process id is gone is dead: a user who
/// kills `leanplay selfplay` and reruns it does not wait `lease_seconds` for its items. On PostgreSQL
/// peers on other machines cannot be checked this way, and their leases simply expire. (Peers in
/// containers with their own process-id namespaces sharing one file could be taken for dead: their
/// items would then be worked twice — never recorded twice — so give such peers distinct host names.)
enum DeadPeerReaper {
    static func reap(ledger: Ledger, peer: PeerConfiguration) {
        guard ledger.isLocalFile, let peers = try? ledger.peers() else { return }
        let host = PeerConfiguration.hostName
        for other in peers where other.id != peer.id && other.host == host && !isRunning(other.pid) {
            if let released = try? ledger.releaseLeases(heldBy: other.id), released > 0 {
                peer.onEvent?("peer \(other.id) (pid \(other.pid) on \(host)) is gone; freed its \(released) lease(s)")
            }
        }
    }

    static func isRunning(_ pid: Int) -> Bool {
        guard pid > 0, let id = pid_t(exactly: pid) else { return false }
        return kill(id, 0) == 0 || errno == EPERM
    }
}
