import Testing

@Test func placeholderLessonMarkdownTests() {}
