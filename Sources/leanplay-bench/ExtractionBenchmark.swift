import Foundation
import LeanExtraction

/// Times `LeanCodeExtractor` (PCRE2, JIT) against the same extraction written with Swift Regex, over
/// about 10 MB of synthetic model output (reasoning blocks, prose, fenced Lean blocks in several
/// styles, truncated answers, bare declarations). Returns the lines to print; the goal is ≥ 10×.
func runExtractionBenchmark() -> [String] {
    let outputs = SyntheticModelOutput.generate(targetBytes: 10_000_000, seed: 0x4C65_616E)
    let totalBytes = outputs.reduce(0) { $0 + $1.utf8.count }
    let clock = ContinuousClock()

    var pcreSummary: [String?] = []
    let pcreTime = clock.measure {
        pcreSummary = outputs.map { LeanCodeExtractor.extract(from: $0).preferredCode }
    }
    let swiftRegex = SwiftRegexExtractor()
    var swiftSummary: [String?] = []
    let swiftTime = clock.measure {
        swiftSummary = outputs.map { swiftRegex.preferredCode(in: $0) }
    }

    let agreeing = zip(pcreSummary, swiftSummary).filter { $0 == $1 }.count
    let found = pcreSummary.compactMap { $0 }.count
    let megabytes = Double(totalBytes) / 1_000_000
    func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
    let ratio = seconds(swiftTime) / max(seconds(pcreTime), 1e-9)
    return [
        "extraction: \(outputs.count) model outputs, \(String(format: "%.1f", megabytes)) MB, "
            + "\(found) with a preferred Lean block",
        "  PCRE2 (JIT)  \(format(pcreTime))  \(String(format: "%.1f", megabytes / seconds(pcreTime))) MB/s",
        "  Swift Regex  \(format(swiftTime))  \(String(format: "%.1f", megabytes / seconds(swiftTime))) MB/s",
        "  speed-up \(String(format: "%.1f", ratio))× (goal ≥ 10×); results agree on \(agreeing)/\(outputs.count)",
    ]

    func format(_ duration: Duration) -> String { String(format: "%8.3f s", seconds(duration)) }
}

/// The extraction of `LeanCodeExtractor` written with Swift Regex, for comparison only.
private struct SwiftRegexExtractor {
    let reasoningBlock = try! Regex(#"<(think|thinking|reasoning)\b[^>]*>(.*?)(?:</\1\s*>|\z)"#)
        .ignoresCase().dotMatchesNewlines()
    let reasoningOpen = try! Regex(#"<(?:think|thinking|reasoning)\b[^>]*>"#).ignoresCase()
    let reasoningClose = try! Regex(#"</(?:think|thinking|reasoning)\s*>"#).ignoresCase()
    let fencedBlock = try! Regex(
        #"^[ \t]{0,3}(`{3,}|~{3,})[ \t]*([^\s`~]*)[^\n]*(?:\n|\z)(.*?)(?:(^[ \t]{0,3}\1[`~]*[ \t]*$)|\z)"#)
        .anchorsMatchLineEndings().dotMatchesNewlines()
    let bareDeclaration = try! Regex(
        #"^(?:(?:import|open|set_option|universe|namespace|section|variable)\b[^\n]*\n(?:[ \t]*\n)*)*"#
            + #"(?:/--(?s:.*?)-/[ \t]*\n)?(?:@\[[^\n]*\][ \t]*\n?)?(?:(?:private|protected|noncomputable|nonrec)[ \t]+)*"#
            + #"(?:(?:theorem|lemma)[ \t]+[^\s(){}\[\]:]+|example(?=[ \t]*[:({\[⦃]))[^\n]*"#
            + #"(?:\n(?:[ \t]+\S[^\n]*|(?:\||where\b|termination_by\b|decreasing_by\b)[^\n]*|[ \t]*(?=\n[ \t]+\S)))*"#)
        .anchorsMatchLineEndings()

    func preferredCode(in output: String) -> String? {
        var visible = Substring(output)
        if let close = output.firstMatch(of: reasoningClose),
           output.firstMatch(of: reasoningOpen).map({ close.range.lowerBound < $0.range.lowerBound }) ?? true {
            visible = output[close.range.upperBound...]
        }
        var text = ""
        var cursor = visible.startIndex
        for match in visible.matches(of: reasoningBlock) {
            text += visible[cursor..<match.range.lowerBound]
            cursor = match.range.upperBound
        }
        text += visible[cursor...]

        var blocks: [(code: String, complete: Bool)] = []
        for match in text.matches(of: fencedBlock) {
            let tag = (match.output[2].substring.map(String.init) ?? "").lowercased()
            guard ["lean", "lean4", ""].contains(tag) else { continue }
            var code = String(match.output[3].substring ?? "")
            if code.hasSuffix("\n") { code.removeLast() }
            guard code.contains(where: { !$0.isWhitespace }) else { continue }
            blocks.append((code, match.output[4].substring != nil))
        }
        if blocks.isEmpty {
            var ranges: [Range<String.Index>] = []
            for match in text.matches(of: bareDeclaration) {
                if let last = ranges.last, text[last.upperBound..<match.range.lowerBound].allSatisfy(\.isWhitespace) {
                    ranges[ranges.count - 1] = last.lowerBound..<match.range.upperBound
                } else {
                    ranges.append(match.range)
                }
            }
            blocks = ranges.map { (String(text[$0]), true) }
        }
        return (blocks.last(where: \.complete) ?? blocks.last)?.code
    }
}

/// Deterministic synthetic model output: what formalizer and prover models write.
private enum SyntheticModelOutput {
    static func generate(targetBytes: Int, seed: UInt64) -> [String] {
        var random = SplitMix(state: seed)
        var outputs: [String] = []
        var total = 0
        while total < targetBytes {
            let output = one(&random, index: outputs.count)
            total += output.utf8.count
            outputs.append(output)
        }
        return outputs
    }

    private static let prose = [
        "We want to show the claim for every natural number n.", "Let us consider the case n = 0 first.",
        "By the induction hypothesis the statement holds for k, so it suffices to show it for k + 1.",
        "Note that x² − 5x + 6 = (x − 2)(x − 3), hence x ∈ {2, 3}.", "This follows from `Nat.succ_le_of_lt`.",
        "Wait, that is not right; the bound must be strict.", "Alternatively, `omega` closes linear goals.",
        "Since 0 < y and y < x, we get x + y + xy = 80 ⇒ x = 26.", "Thus the answer is $\\boxed{26}$.",
    ]

    private static func lean(_ random: inout SplitMix, _ index: Int) -> String {
        let steps = ["simp", "omega", "norm_num", "nlinarith [sq_nonneg (x - 1)]", "decide", "ring_nf", "linarith"]
        var body = "theorem synthetic_\(index) (x y : ℤ) (h₀ : 0 < y) (h₁ : y < x) :\n    x + y + x * y = 80 → x = 26 := by\n  intro h\n"
        for _ in 0..<(1 + random.next(6)) { body += "  " + steps[random.next(steps.count)] + "\n" }
        return body
    }

    private static func one(_ random: inout SplitMix, index: Int) -> String {
        var text = ""
        if random.next(4) != 0 {
            text += "<think>\n"
            for _ in 0..<(3 + random.next(12)) { text += prose[random.next(prose.count)] + "\n" }
            if random.next(3) == 0 { text += "Draft:\n```lean\n" + lean(&random, index) + "```\n" }
            text += "</think>\n\n"
        }
        for _ in 0..<(1 + random.next(4)) { text += prose[random.next(prose.count)] + " " }
        text += "\n\n"
        switch random.next(10) {
        case 0: text += "```python\nprint(26)\n```\n" + lean(&random, index) + "\nDone.\n"  // bare
        case 1: text += "```lean4\n" + lean(&random, index)  // truncated, no closing fence
        case 2: text += "~~~\n" + lean(&random, index) + "~~~\n"
        default:
            for attempt in 0..<(1 + random.next(3)) {
                text += "Attempt \(attempt):\n```lean\nimport Mathlib\n\n" + lean(&random, index) + "```\n"
            }
        }
        for _ in 0..<random.next(3) { text += prose[random.next(prose.count)] + "\n" }
        return text
    }
}

/// A tiny deterministic generator (SplitMix64), so every run measures the same input.
private struct SplitMix {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
