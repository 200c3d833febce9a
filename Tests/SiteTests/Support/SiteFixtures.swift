import Foundation
import LessonMarkdown
import Site

enum SiteFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let seedURL = packageRoot.deletingLastPathComponent().appendingPathComponent(
        "shared/seeds/000_f9f7e15a051b9a5d.txt")

    static var seedAvailable: Bool { FileManager.default.fileExists(atPath: seedURL.path) }

    static func seedLesson() throws -> Lesson {
        try LessonParser.parse([UInt8](Data(contentsOf: seedURL)), path: "seed.md")
    }

    /// Builds a site from Markdown strings (name → text); `existing` lists files that exist.
    static func build(
        _ lessons: [(String, String)], marks: [String: [Int: FormulaMark]] = [:],
        existing: Set<String> = []
    ) -> SiteBuilder.Output {
        let items = lessons.map { name, text in
            SiteLesson(
                lesson: LessonParser.parse(markdown: text, path: name), relativePath: name, marks: marks[name] ?? [:])
        }
        return SiteBuilder(siteTitle: "Course") { existing.contains($0) }.build(items)
    }

    /// The hostile lesson and notebook of `Tests/Fixtures/hostile/`.
    static let hostileFolder = packageRoot.appendingPathComponent("Tests/Fixtures/hostile")
    static let hostileLessons = ["hostile-lesson.md", "hostile-notebook.ipynb"]

    /// The hostile fixtures built as a site, with their image files seen as existing.
    static func buildHostileSite() throws -> SiteBuilder.Output {
        let items = try hostileLessons.map { name in
            let bytes = [UInt8](try Data(contentsOf: hostileFolder.appendingPathComponent(name)))
            return SiteLesson(lesson: try LessonParser.parse(bytes, path: name), relativePath: name)
        }
        let folder = hostileFolder
        return SiteBuilder(siteTitle: "Hostile course") {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
        }.build(items)
    }

    /// What lies between `<body>` and `</body>`.
    static func body(of page: String) -> String {
        guard let start = page.range(of: "<body>"), let end = page.range(of: "</body>", options: .backwards) else {
            return page
        }
        return String(page[start.upperBound..<end.lowerBound])
    }

    static func page(_ output: SiteBuilder.Output, _ path: String) -> String {
        output.files.first { $0.path == path }?.contents ?? ""
    }
}
