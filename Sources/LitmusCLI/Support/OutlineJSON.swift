import Foundation
import LessonMarkdown

/// The stable JSON form of an outline: sorted keys, snake_case, no escaped slashes.
enum OutlineJSON {
    static func encode(_ outline: LessonOutline) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(outline), as: UTF8.self)
    }
}
