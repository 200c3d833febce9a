import Foundation
import GoldenFiles

/// The golden files under `Tests/TeXTests/Golden/`, each the MathML and a line end.
let mathMLGoldens = GoldenFiles(
    directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden"),
    endsWithLineEnd: true)
