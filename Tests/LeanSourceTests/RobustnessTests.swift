import LeanSource
import Testing

/// Hostile or broken text never crashes or hangs the lexer, parser or hygiene scanner: it parses or
/// throws a typed error.
@Suite struct RobustnessTests {
    static let statements = [
        "theorem t (x y : ℤ) (h₀ : 0 < y) (h₁ : y < x) : x = 26 := by\n  nlinarith [sq_nonneg (x - y)]\n",
        "/-- d -/\n@[simp] lemma «x» {α : Type*} [Fintype α] ⦃a : α⦄ {{b : α}} : a = a := rfl\n",
        "theorem s (f : ℕ → ℕ) (h : ∀ n, f n = s!\"{n}\".length) : f 1 = 1 := by\n  simp [h] -- c\n",
        "theorem e : ∀ n : ℕ, |(n : ℤ)| ≥ 0\n  | 0 => by simp\n  | n + 1 => by positivity\n",
    ]

    @Test(arguments: statements) func everyPrefixParsesOrThrowsTypedError(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        var parsed = 0
        for length in 0...scalars.count {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[0..<length])
            let prefix = String(view)
            do {
                _ = try LeanParser.parseFile(prefix, origin: "prefix")
                parsed += 1
            } catch {
                #expect(error.origin == "prefix")
            }
            _ = ProofHygiene.violations(in: prefix, policy: .strict)
        }
        #expect(parsed > 0)
    }

    @Test func garbageIsRejectedWithPosition() {
        for garbage in [")", "@[", "@[simp", "theorem", "theorem t", "theorem t (", "open Lean in", "‹›", "\u{0}"] {
            #expect(throws: LeanSourceError.self) { try LeanParser.parseDeclaration(garbage) }
        }
    }

    @Test func deeplyNestedInterpolationIsRefusedNotRecursedForever() {
        let depth = 200
        let text = String(repeating: "s!\"{", count: depth) + "x" + String(repeating: "}\"", count: depth)
        let outcome = LeanLexer.tokenizePartially(text)
        #expect(outcome.error?.code == .unterminatedString)
        #expect(!ProofHygiene.isClean(text))
    }

    @Test func deeplyNestedBracketsAreHandledIteratively() throws {
        let depth = 5_000
        let type = String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth)
        let declaration = try LeanParser.parseDeclaration("theorem t (h : \(type) = 1) : True")
        #expect(declaration.binders.first?.isHypothesis == true)
        #expect(ProofHygiene.isClean("exact " + type))
    }
}
