import Foundation
import Testing

/// The package plugin in this repository: `swift package plugin --list` shows it, and (when
/// `LITMUS_SLOW_TESTS=1`: it builds the `litmus` tool for the plugin, a second build)
/// `swift package litmus check` runs Litmus on lessons. `swift test` holds SwiftPM's lock on
/// `.build` while the tests run, so these calls pass `--ignore-lock`.
struct PluginTests {
    @Test func swiftPackagePluginListShowsLitmus() throws {
        let list = try SwiftPM.run(
            ["swift", "package", "--ignore-lock", "plugin", "--list"], in: LitmusProcess.packageRoot)
        #expect(list.status == 0, "\(list.output)")
        #expect(list.output.contains("‘litmus’ (plugin ‘LitmusPlugin’ in package ‘Litmus’)"), "\(list.output)")
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["LITMUS_SLOW_TESTS"] == "1", "set LITMUS_SLOW_TESTS=1"))
    func swiftPackageLitmusCheckRunsLitmus() throws {
        let check = try SwiftPM.run(
            [
                "swift", "package", "--ignore-lock", "--allow-writing-to-package-directory", "litmus", "check",
                "Tests/Fixtures/serve-course",
            ], in: LitmusProcess.packageRoot, limit: 3600)
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("Tests/Fixtures/serve-course/one.md: 2 formulas — 2 verified"), "\(check.output)")

        let unknown = try SwiftPM.run(
            ["swift", "package", "--ignore-lock", "--allow-writing-to-package-directory", "litmus", "serve"],
            in: LitmusProcess.packageRoot, limit: 3600)
        #expect(unknown.status != 0)
        #expect(unknown.output.contains("'serve' is not a litmus command here"))
    }
}
