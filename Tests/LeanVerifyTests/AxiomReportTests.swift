import LeanVerify
import Testing

@Suite("AxiomReport.parse")
struct AxiomReportTests {
    @Test func parsesTheStandardThree() throws {
        let report = try AxiomReport.parse("'amc12a_2015_p10' depends on axioms: [propext, Classical.choice, Quot.sound]")
        #expect(report.constant == "amc12a_2015_p10")
        #expect(report.axioms == ["propext", "Classical.choice", "Quot.sound"])
        #expect(!report.usesSorry)
        #expect(report.axioms(outside: VerificationPolicy.standardAxioms).isEmpty)
    }

    @Test func parsesNoAxioms() throws {
        let report = try AxiomReport.parse("'foo' does not depend on any axioms")
        #expect(report.constant == "foo")
        #expect(report.axioms.isEmpty)
    }

    @Test func parsesQuotedDottedAndPrimedNames() throws {
        let report = try AxiomReport.parse("'«my theorem».x'' depends on axioms: [«weird, axiom», Lean.ofReduceBool]\n")
        #expect(report.constant == "«my theorem».x'")
        #expect(report.axioms == ["«weird, axiom»", "Lean.ofReduceBool"])
        #expect(report.isAbout("«my theorem».x'"))
        #expect(report.isAbout("my theorem.x'"))
        #expect(report.axioms(outside: ["weird, axiom"]) == ["Lean.ofReduceBool"])
    }

    @Test func toleratesAListWrappedOverLines() throws {
        let report = try AxiomReport.parse("'t' depends on axioms:\u{20}[propext,\n  sorryAx,\n  Classical.choice]")
        #expect(report.axioms == ["propext", "sorryAx", "Classical.choice"])
        #expect(report.usesSorry)
    }

    @Test func matchesTheNameInsideANamespace() throws {
        let report = try AxiomReport.parse("'Ns.t' does not depend on any axioms")
        #expect(report.isAbout("t"))
        #expect(!report.isAbout("s"))
        #expect(!report.isAbout("u"))
    }

    @Test(arguments: [
        "",
        "foo depends on axioms: [propext]",
        "'foo' depends on axioms: [propext",
        "'foo' depends on axioms: [propext, , Quot.sound]",
        "'foo' depends on axioms: [propext Quot.sound]",
        "'foo' depends on axioms: [«unterminated]",
        "'foo' uses axioms: [propext]",
        "'' does not depend on any axioms",
        "unknown constant 'foo'",
        "'foo' depends on axioms: [propext] and more",
    ])
    func rejectsMalformedReports(_ text: String) {
        #expect(throws: LeanVerifyError.self) { try AxiomReport.parse(text) }
        do {
            _ = try AxiomReport.parse(text)
        } catch {
            #expect(error.code == .unparsableAxiomReport)
            #expect(error.message.contains("fail closed"))
        }
    }

    @Test func whitelistNeverAcceptsSorryAx() {
        let policy = VerificationPolicy(axiomWhitelist: ["propext", "sorryAx"])
        #expect(!policy.effectiveAxiomWhitelist.contains("sorryAx"))
        #expect(policy.effectiveAxiomWhitelist == ["propext"])
    }

    @Test func nativeComputationWidensTheWhitelist() {
        #expect(!VerificationPolicy().effectiveAxiomWhitelist.contains("Lean.ofReduceBool"))
        let native = VerificationPolicy(allowNativeComputation: true)
        #expect(native.effectiveAxiomWhitelist.isSuperset(of: ["Lean.ofReduceBool", "Lean.trustCompiler", "propext"]))
    }
}
