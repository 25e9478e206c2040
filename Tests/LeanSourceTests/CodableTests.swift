import Foundation
import LeanSource
import Testing

@Suite struct CodableTests {
    @Test func declarationsAndViolationsRoundTripThroughJSON() throws {
        let declaration = try LeanParser.parseDeclaration("@[simp] theorem t (x : ℕ) (h : 0 < x) : x ≠ 0 := by omega")
        let data = try JSONEncoder().encode(declaration)
        #expect(try JSONDecoder().decode(LeanDeclaration.self, from: data) == declaration)

        let violations = ProofHygiene.violations(in: "exact sorry", policy: .strict)
        let decoded = try JSONDecoder().decode([HygieneViolation].self, from: JSONEncoder().encode(violations))
        #expect(decoded == violations)
        let json = try #require(String(data: JSONEncoder().encode(violations), encoding: .utf8))
        #expect(json.contains(#""rule":"sorry""#))
    }
}
