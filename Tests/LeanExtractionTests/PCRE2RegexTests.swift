import LeanExtraction
import Testing

@Suite struct PCRE2RegexTests {
    @Test func compileErrorCarriesPCRE2MessageAndOffset() {
        #expect(throws: ExtractionError.self) { try PCRE2Regex("ab(cd") }
        do {
            _ = try PCRE2Regex("ab(cd")
            Issue.record("expected a compile error")
        } catch {
            #expect(error.code == .invalidPattern)
            #expect(error.patternOffset == 5)
            #expect(error.message.contains("missing closing parenthesis"))
            #expect(error.pattern == "ab(cd")
        }
    }

    @Test func anEmptySubjectIsMatchedNotRefused() throws {
        let empty = try PCRE2Regex("^$")
        #expect(try empty.match(in: "")?.range == 0..<0)
        #expect(try empty.matches(in: "").count == 1)
        #expect(try PCRE2Regex("a").match(in: "") == nil)
    }

    @Test func offsetsAreUTF8BytesAndCapturesWork() throws {
        let regex = try PCRE2Regex(#"(h₀) : (\d+) < (y)?x"#)
        #expect(regex.captureCount == 3)
        let subject = "ℕ∀ h₀ : 10 < x"
        let match = try #require(regex.firstMatch(in: subject))
        // "ℕ" and "∀" are 3 bytes each, then a space: the match starts at byte 7.
        #expect(match.range == 7..<(subject.utf8.count))
        #expect(match[1] == "h₀")
        #expect(match[2] == "10")
        #expect(match[3] == nil)
        #expect(match.range(of: 1) == 7..<11)  // "h" is 1 byte, "₀" is 3
        #expect(match.text == "h₀ : 10 < x")
    }

    @Test func unicodePropertiesAreOn() throws {
        let word = try PCRE2Regex(#"^\w+$"#)
        #expect(word.matches("αβγ₁"))
        let caseless = try PCRE2Regex("ΣΟΦΙΑ", options: .caseInsensitive)
        #expect(caseless.matches("σοφια"))
    }

    @Test func allMatchesHandlesEmptyMatchesWithoutLooping() throws {
        let regex = try PCRE2Regex("x*")
        let matches = regex.allMatches(in: "axxé")
        // Empty at 0, "xx" at 1..<3, empty at 3 (before é), empty at the end (5).
        #expect(matches.map(\.range) == [0..<0, 1..<3, 3..<3, 5..<5])
    }

    @Test func allMatchesFromOffsetAndMultiline() throws {
        let regex = try PCRE2Regex(#"^(\w+):"#, options: .multiline)
        let subject = "a: 1\nbb: 2\nccc: 3"
        #expect(regex.allMatches(in: subject).compactMap { $0[1] } == ["a", "bb", "ccc"])
        #expect(regex.allMatches(in: subject, from: 5).compactMap { $0[1] } == ["bb", "ccc"])
        #expect(regex.firstMatch(in: subject, from: 6)?[1] == "ccc")
    }

    @Test func dotAllAndNoMatch() throws {
        let lazy = try PCRE2Regex("<a>(.*?)</a>", options: .dotMatchesNewlines)
        #expect(lazy.firstMatch(in: "<a>1\n2</a><a>3</a>")?[1] == "1\n2")
        #expect(lazy.firstMatch(in: "nothing here") == nil)
        #expect(try lazy.matches(in: "nothing").isEmpty)
    }

    @Test func catastrophicBacktrackingIsATypedErrorNotAHang() throws {
        let regex = try PCRE2Regex("^(a+)+$")
        let hostile = String(repeating: "a", count: 40) + "!"
        #expect(throws: ExtractionError.self) { try regex.match(in: hostile) }
        #expect(regex.firstMatch(in: hostile) == nil)
        do {
            _ = try regex.match(in: hostile)
        } catch {
            #expect(error.code == .matchFailed)
            #expect(error.message.contains("limit"))
        }
    }

    @Test func sharedAcrossConcurrentTasks() async throws {
        let regex = try PCRE2Regex(#"\d+"#)
        let counts = await withTaskGroup(of: Int.self) { group in
            for index in 0..<8 {
                group.addTask { regex.allMatches(in: String(repeating: "\(index) x ", count: 500)).count }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 500, count: 8))
    }

    @Test func jitStateIsReported() throws {
        // Debian's libpcre2 is built with JIT on x86_64 and arm64; either way matching must work.
        let regex = try PCRE2Regex("a|b")
        #expect(regex.matches("b"))
        #if arch(x86_64) || arch(arm64)
        #expect(regex.isJITCompiled)
        #endif
    }
}
