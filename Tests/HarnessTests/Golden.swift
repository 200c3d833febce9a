import Foundation
import GoldenFiles

/// The golden files under `Tests/HarnessTests/Golden/`.
let goldenFiles = GoldenFiles(
    directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden"))
