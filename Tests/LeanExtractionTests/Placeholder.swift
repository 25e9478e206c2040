import Testing

@Test func placeholderLeanExtractionTests() { #expect(Bool(true)) }
