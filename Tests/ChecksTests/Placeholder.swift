import Testing

@Test func checksPlaceholder() {}
