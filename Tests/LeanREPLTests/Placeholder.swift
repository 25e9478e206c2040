import Testing

@Test func placeholderLeanREPLTests() { #expect(Bool(true)) }
