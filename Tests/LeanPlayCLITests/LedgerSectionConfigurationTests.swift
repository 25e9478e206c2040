import Foundation
import LeanPlay
import LeanPlayTestSupport
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

    /// The ledger's password (and a model's key) never reach Lean, even under a name the REPL's allow-list
    /// passes (`LC_*`): `password_env = "LC_DBPW"` was found in the fake REPL's /proc/PID/environ.
    @Test func secretVariablesNamedByTheConfigurationNeverReachLean() async throws {
        let configuration = try LeanPlayConfiguration.parse(
            """
            [lean]
            repl = "\(try FakeREPL.requireExecutable().path) --echo-env"
            workers = 1
            [ledger]
            password_env = "LC_DBPW"
            [models.default]
            base_url = "http://127.0.0.1:9/v1"
            model = "m"
            api_key_env = "LC_MODELPW"
            """,
            origin: "secrets.toml")
        #expect(configuration.secretVariableNames.isSuperset(of: ["LC_DBPW", "LC_MODELPW", "PGPASSWORD"]))
        let environment = [
            "PATH": "/usr/bin:/bin", "HOME": "/tmp", "LC_DBPW": "db-secret", "LC_MODELPW": "model-secret",
            "LC_ALL": "C.UTF-8",
        ]
        let names = try await LeanPlayRuntime.withLean(configuration, environment: environment) { lean in
            let response = try await lean.pool.withSession(header: "") { try await $0.send(.command("def a := 1")) }
            return Set((response.messages.first?.data ?? "").split(separator: "\n").map(String.init))
        }
        #expect(names.contains("LC_ALL"), "the echo lists the child's variables: \(names.sorted())")
        #expect(!names.contains("LC_DBPW") && !names.contains("LC_MODELPW"), "secrets passed to Lean: \(names.sorted())")
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
