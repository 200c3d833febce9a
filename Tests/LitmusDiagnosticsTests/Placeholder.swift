import Testing

@Test func placeholderLitmusDiagnosticsTests() {}
