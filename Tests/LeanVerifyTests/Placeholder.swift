import Testing

@Test func placeholderLeanVerifyTests() { #expect(Bool(true)) }
