import Testing

@Test func placeholderNeuralCoreTests() {}
