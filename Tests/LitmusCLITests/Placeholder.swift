import Testing

@Test func placeholderLitmusCLITests() {}
