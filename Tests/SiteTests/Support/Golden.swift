import Foundation
import GoldenFiles

/// The golden files under `Tests/SiteTests/Golden/`.
let goldenFiles = GoldenFiles(
    directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden"))
