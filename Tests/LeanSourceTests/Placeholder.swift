import Testing

@Test func placeholderLeanSourceTests() { #expect(Bool(true)) }
