import LeanREPL
import Testing

@Suite("REPL worker state machine")
struct StateMachineTests {
    @Test func normalLifecycle() {
        var machine = REPLWorkerStateMachine(maximumRequests: 10)
        #expect(machine.state == .starting)
        machine.processStarted()
        #expect(machine.state == .ready)
        #expect(machine.requestSubmitted() == [.send])
        #expect(machine.state == .busy)
        #expect(machine.responseReceived() == [.deliver])
        #expect(machine.state == .ready)
        #expect(machine.requestsServed == 1)
        #expect(machine.leaseEnded(residentBytes: nil) == [])
    }

    @Test func headerCacheIsPerProcessAndEmptyHeaderHasNoEnv() {
        var machine = REPLWorkerStateMachine()
        machine.processStarted()
        #expect(machine.lookup(header: "") == .cached(nil))
        #expect(machine.lookup(header: " \n") == .cached(nil))
        #expect(machine.lookup(header: "import Mathlib") == .needsImport)
        machine.headerImported("import Mathlib", environment: 0)
        #expect(machine.lookup(header: "import Mathlib") == .cached(0))
        #expect(machine.lookup(header: "import Lean") == .needsImport)
    }

    @Test func timeoutDrainsKillsAndFailsTheRequest() {
        var machine = REPLWorkerStateMachine()
        machine.processStarted()
        _ = machine.requestSubmitted()
        let error = LeanREPLError(.timeout, "slow")
        #expect(machine.requestFailed(error) == [.killProcessGroup, .failRequest(error)])
        #expect(machine.state == .draining(.timeout))
        #expect(!machine.isUsable)
        #expect(machine.processExited() == [.respawn])
        #expect(machine.state == .exited)
    }

    @Test func crashWhileBusyFailsThePendingRequestAndRespawns() {
        var machine = REPLWorkerStateMachine()
        machine.processStarted()
        _ = machine.requestSubmitted()
        let actions = machine.processExited()
        #expect(actions.count == 2)
        guard case .failRequest(let error) = actions.first else {
            Issue.record("expected failRequest first")
            return
        }
        #expect(error.code == .crashed)
        #expect(actions.last == .respawn)
    }

    @Test func requestsOnADrainingOrExitedWorkerFail() {
        var machine = REPLWorkerStateMachine()
        machine.processStarted()
        _ = machine.shutdownRequested()
        guard case .failRequest(let error) = machine.requestSubmitted().first else {
            Issue.record("expected failRequest")
            return
        }
        #expect(error.code == .shutDown)
        _ = machine.processExited()
        guard case .failRequest(let crashed) = machine.requestSubmitted().first else {
            Issue.record("expected failRequest")
            return
        }
        #expect(crashed.code == .crashed)
    }

    @Test func nonFatalFailureKeepsTheWorkerReady() {
        var machine = REPLWorkerStateMachine()
        machine.processStarted()
        _ = machine.requestSubmitted()
        let error = LeanREPLError(.headerFailed, "bad import")
        #expect(machine.requestFailed(error) == [.failRequest(error)])
        #expect(machine.state == .ready)
    }

    @Test func recyclesAfterMaximumRequests() {
        var machine = REPLWorkerStateMachine(maximumRequests: 2)
        machine.processStarted()
        for _ in 0..<2 {
            _ = machine.requestSubmitted()
            _ = machine.responseReceived()
        }
        #expect(machine.leaseEnded(residentBytes: nil) == [.killProcessGroup, .respawn])
        #expect(machine.state == .draining(.recycled))
    }

    @Test func recyclesWhenMemoryExceedsTheCeiling() {
        var machine = REPLWorkerStateMachine(maximumRequests: 100, memoryCeilingBytes: 1_000)
        machine.processStarted()
        #expect(machine.needsMemoryCheck)
        #expect(machine.leaseEnded(residentBytes: 999) == [])
        #expect(machine.leaseEnded(residentBytes: 1_001) == [.killProcessGroup, .respawn])
    }

    @Test func shutdownWhileBusyFailsTheRequest() {
        var machine = REPLWorkerStateMachine()
        machine.processStarted()
        _ = machine.requestSubmitted()
        let actions = machine.shutdownRequested()
        #expect(actions.first == .killProcessGroup)
        #expect(actions.count == 2)
        #expect(machine.processExited() == [])
    }

    @Test func unsolicitedResponseKillsTheProcess() {
        var machine = REPLWorkerStateMachine()
        machine.processStarted()
        #expect(machine.responseReceived() == [.killProcessGroup])
    }
}

@Suite("Recycling waits for a warm spare")
struct RecyclingDeferralTests {
    @Test func recyclingIsDeferredUntilASpareIsReady() {
        var machine = REPLWorkerStateMachine(maximumRequests: 2)
        machine.processStarted()
        for _ in 0..<2 {
            _ = machine.requestSubmitted()
            _ = machine.responseReceived()
        }
        #expect(machine.leaseEnded(residentBytes: nil, spareReady: false) == [.prepareSpare])
        #expect(machine.state == .ready && machine.isUsable, "the worker keeps serving meanwhile")
        #expect(machine.leaseEnded(residentBytes: nil, spareReady: true) == [.killProcessGroup, .respawn])
    }

    @Test func overdueWorkerIsRecycledEvenWithoutASpare() {
        var machine = REPLWorkerStateMachine(maximumRequests: 2, memoryCeilingBytes: 1_000)
        machine.processStarted()
        #expect(machine.leaseEnded(residentBytes: 1_200, spareReady: false) == [.prepareSpare])
        #expect(machine.leaseEnded(residentBytes: 1_600, spareReady: false) == [.killProcessGroup, .respawn])
    }
}
