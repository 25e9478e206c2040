import Testing

@Test func placeholderProblemCorpusTests() { #expect(Bool(true)) }
