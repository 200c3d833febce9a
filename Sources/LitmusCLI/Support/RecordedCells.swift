import Foundation

/// What a lesson's generated tests recorded per cell in `.litmus/outputs/<lesson>.json`
/// (written by `LitmusRuntime.CellRun`): read by `litmus test` for its report and by the site.
struct RecordedCell: Decodable {
    var line: Int
    var output: String
    var expected: String?
    var matched: Bool?
    var failed: Bool
    var plots: [String]?

    static func url(for lessonPath: String) -> URL {
        URL(fileURLWithPath: ".litmus/outputs").appendingPathComponent(lessonPath + ".json")
    }

    /// The lesson's recorded cells; `nil` when its tests have not run.
    static func read(for lessonPath: String) -> [RecordedCell]? {
        guard let data = try? Data(contentsOf: url(for: lessonPath)) else { return nil }
        return try? JSONDecoder().decode([RecordedCell].self, from: data)
    }
}
