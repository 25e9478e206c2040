import Foundation
import LeanPlay
import Testing

/// `[ledger] lease_seconds`: how long a peer's work lease holds; it reaches the self-play and prove peers.
@Suite("leanplay.toml [ledger]")
struct LedgerSectionConfigurationTests {
    @Test func leaseSecondsLoadsAndReachesThePeer() throws {
        #expect(try LeanPlayConfiguration.parse("", origin: "empty.toml").ledger.leaseSeconds == 60)
        let configuration = try LeanPlayConfiguration.parse("[ledger]\nlease_seconds = 2.5\n", origin: "lease.toml")
        #expect(configuration.ledger.leaseSeconds == 2.5)
        let selfPlay = configuration.selfPlayConfiguration(peer: configuration.peerConfiguration(id: "gpu7"))
        #expect(selfPlay.peer.id == "gpu7" && selfPlay.peer.leaseSeconds == 2.5)
        #expect(selfPlay.peer.heartbeatSeconds == 2.5 / 3)
        let byDefault = configuration.selfPlayConfiguration()
        #expect(byDefault.peer.id == PeerConfiguration.defaultID && byDefault.peer.leaseSeconds == 2.5)
        #expect(PeerConfiguration.defaultID == "\(PeerConfiguration.hostName)-\(getpid())")
    }

    @Test(arguments: ["lease_seconds = 0", "lease_seconds = -1", "lease_seconds = inf", "lease_seconds = \"60\"", "leases = 3"])
    func aBadLeaseIsAnErrorNamingTheKey(line: String) throws {
        do {
            _ = try LeanPlayConfiguration.parse("[ledger]\n\(line)\n", origin: "bad.toml")
            Issue.record("\(line) was accepted")
        } catch {
            #expect(error.message.contains("bad.toml"), "\(error.message)")
            #expect(error.message.contains(line.hasPrefix("leases") ? "leases" : "lease_seconds"), "\(error.message)")
        }
    }
}
