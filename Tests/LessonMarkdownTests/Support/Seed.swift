import Foundation
import TestSupport

/// The user's own lesson, read from `../shared/seeds/` beside the package (`TestPaths.seed`). CI
/// always has it; a user's clone may not, and then the seed tests are skipped.
enum Seed {
    static let url = TestPaths.seed

    static var isAvailable: Bool { TestPaths.seedIsAvailable }

    static var bytes: [UInt8] { (try? [UInt8](Data(contentsOf: url))) ?? [] }
}
