import Testing

@Test func placeholderTeXTests() {}
