import Testing

@Test func formulasPlaceholder() {}
