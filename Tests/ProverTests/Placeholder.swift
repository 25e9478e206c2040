import Testing

@Test func placeholderProverTests() { #expect(Bool(true)) }
