import Foundation
import TestSupport

/// The real lesson kept in the project's shared folder, beside the repository.
enum SeedLesson {
    /// `../shared/seeds/000_f9f7e15a051b9a5d.txt` (`TestPaths.seed`); `nil` where the folder is
    /// absent, as on a user's clone.
    static func text() -> String? { TestPaths.seedText }
}
