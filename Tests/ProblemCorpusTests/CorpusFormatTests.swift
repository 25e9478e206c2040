import Foundation
import ProblemCorpus
import Testing

@Suite struct CorpusFormatTests {
    @Test func leanplaySchemaRoundTripsThroughTheWriter() throws {
        let problems = [
            Problem(id: "a", informal: "Show 1 = 1.", formalStatement: "theorem a : 1 = 1 := by", header: "",
                    tags: ["algebra", "core"], difficulty: "easy", source: "leanplay-core"),
            Problem(id: "b", informal: "Prove that √2 is irrational (\"quoted\" / slashed)."),
        ]
        let text = CorpusWriter.jsonl(for: problems)
        #expect(text.split(separator: "\n").count == 2)
        #expect(text.contains(#""formal_statement":"theorem a : 1 = 1 := by""#))
        #expect(!text.contains("\\/"))
        let loaded = try withTemporaryCorpus(text) { try CorpusLoader.load($0, format: .leanplay) }
        #expect(loaded == problems)
        let automatic = try withTemporaryCorpus(text) { try CorpusLoader.load($0) }
        #expect(automatic == problems)
    }

    @Test func writerWritesAFileTheLoaderReads() throws {
        let problems = [Problem(id: "w", informal: "x", tags: ["t"])]
        try withTemporaryCorpus("") { url in
            try CorpusWriter.write(problems, to: url)
            #expect(try CorpusLoader.load(url) == problems)
        }
    }

    @Test func miniF2FStyleWithInformalPrefixNameAndSplit() throws {
        let text = #"""
            {"name": "mathd_algebra_10", "split": "test", "informal_prefix": "/-- Show that $1+1=2$.-/\n", "formal_statement": "theorem mathd_algebra_10 : (1:ℕ) + 1 = 2 := by\n", "header": "import Mathlib\n"}

            {"id": "amc_1", "informal": "Compute it.", "formal_statement": "theorem amc_1 : True := by"}
            """#
        let problems = try withTemporaryCorpus(text) { try CorpusLoader.load($0, format: .miniF2F) }
        #expect(problems.count == 2)
        #expect(problems[0].id == "mathd_algebra_10")
        #expect(problems[0].informal == "Show that $1+1=2$.")
        #expect(problems[0].tags == ["split:test"])
        #expect(problems[0].header == "import Mathlib\n")
        #expect(problems[0].source == "miniF2F")
        #expect(problems[1].informal == "Compute it.")
    }

    @Test func proofNetStyle() throws {
        let text = #"""
            {"id": "Rudin|exercise_1_1a", "nl_statement": "If $r$ is rational ...", "formal_statement": "theorem exercise_1_1a (x : ℝ) (y : ℚ) : True :=", "src_header": "import Mathlib\nopen Real\n", "nl_proof": "..."}
            """#
        let problems = try withTemporaryCorpus(text) { try CorpusLoader.load($0) }
        #expect(problems.count == 1)
        #expect(problems[0].id == "Rudin|exercise_1_1a")
        #expect(problems[0].informal == "If $r$ is rational ...")
        #expect(problems[0].header == "import Mathlib\nopen Real\n")
        #expect(problems[0].source == "ProofNet")
    }

    @Test func automaticDetectsEachLineOnItsOwnAndToleratesCRLFAndBOM() throws {
        let text = "\u{FEFF}{\"id\":\"p1\",\"informal\":\"one\"}\r\n"
            + "{\"name\":\"p2\",\"formal_statement\":\"theorem p2 : True := by\"}\r\n"
            + "{\"id\":\"p3\",\"nl_statement\":\"three\",\"formal_statement\":\"theorem p3 : True := by\"}"
        let problems = try withTemporaryCorpus(text) { try CorpusLoader.load($0) }
        #expect(problems.map(\.id) == ["p1", "p2", "p3"])
        #expect(problems.map(\.source) == [nil, "miniF2F", "ProofNet"])
    }

    @Test func explicitFormatRequiresItsKeys() throws {
        let text = #"{"id":"p1","informal":"one"}"#
        try withTemporaryCorpus(text) { url in
            let (problems, error) = CorpusLoader.loadPartial(url, format: .proofNet)
            #expect(problems.isEmpty)
            #expect(error?.code == .missingKey)
            #expect(error?.line == 1)
            #expect(error?.message.contains("nl_statement") == true)
        }
    }
}
