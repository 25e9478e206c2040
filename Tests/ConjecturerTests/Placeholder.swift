import Testing

@Test func placeholderConjecturerTests() { #expect(Bool(true)) }
