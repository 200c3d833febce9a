import Foundation

/// Where the records of the last run live: `.litmus/outputs/<lesson path>.json` under a package.
public struct LessonRecordStore: Sendable {
    /// The package's folder.
    public var root: URL

    public init(root: URL) {
        self.root = root
    }

    /// The record file of a lesson.
    public func url(for lesson: String) -> URL {
        root.appendingPathComponent(".litmus/outputs").appendingPathComponent(lesson + ".json")
    }

    /// The lesson's last record; `nil` when it has not run (or the file is not a record).
    public func read(_ lesson: String) -> LessonRecord? {
        guard let data = try? Data(contentsOf: url(for: lesson)) else { return nil }
        return try? JSONDecoder().decode(LessonRecord.self, from: data)
    }

    /// Writes a record (keys sorted, so the same run gives the same bytes).
    public func write(_ record: LessonRecord) throws {
        let url = url(for: record.lesson)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = try encoder.encode(record)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }

    /// Removes a lesson's record.
    public func remove(_ lesson: String) {
        try? FileManager.default.removeItem(at: url(for: lesson))
    }
}
