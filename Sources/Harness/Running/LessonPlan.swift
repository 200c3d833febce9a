import LessonMarkdown

/// A lesson to run: the lesson as read and the generated file that holds its tests.
public struct LessonPlan: Sendable {
    public var lesson: Lesson
    public var file: GeneratedFile

    public init(lesson: Lesson, file: GeneratedFile) {
        self.lesson = lesson
        self.file = file
    }

    /// The lesson path, relative to the package.
    public var path: String { file.lessonPath }

    /// The runnable cell whose opening fence is on `line`.
    func cell(at line: Int) -> Lesson.CodeCell? {
        lesson.codeCells.first { $0.language == "swift" && ($0.range?.start.line ?? 1) == line }
    }

    /// The runnable cell a lesson line falls in: the last one starting at or before it.
    func cellLine(containing line: Int) -> Int? {
        file.cellLines.last { $0 <= line } ?? file.cellLines.first
    }
}
