import Testing

@Test func placeholderLeanPlayCLITests() { #expect(Bool(true)) }
