import Testing

@Test func placeholderModelClientTests() { #expect(Bool(true)) }
