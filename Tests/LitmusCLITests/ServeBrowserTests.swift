import Foundation
import Testing

/// A page of `litmus serve` open in a real browser reloads by itself when its lesson is saved:
/// headless Chromium keeps the page open, the test changes the lesson's title on disk, and the
/// browser's own list of open pages shows the new title — the test never touches the browser.
/// Skipped where Chromium is not installed.
@Suite(.enabled(if: HeadlessChromium.executable != nil, "Chromium is not installed (scripts/bootstrap.sh --browser)"))
struct ServeBrowserTests {
    @Test func anOpenPageReloadsItselfAfterAnEdit() throws {
        let root = try ServeCommandTests.course()
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try ServeProcess(["lessons", "--no-run"], in: root)
        defer { server.stop() }
        let browser = try HeadlessChromium(opening: server.base + "/one.html")
        defer { browser.close() }
        let before = browser.waitForTitle(ofPageEndingWith: "/one.html", limit: 30) { $0.contains("Squashing") }
        #expect(
            before?.hasPrefix("Squashing with the sigmoid") == true,
            "the browser did not open the page: \(browser.lastAnswer)")

        try ServeCommandTests.edit(root.appendingPathComponent("lessons/one.md")) {
            $0.replacingOccurrences(of: "# Squashing with the sigmoid", with: "# Squashing, saved again")
        }
        let after = browser.waitForTitle(ofPageEndingWith: "/one.html", limit: 10) { $0.contains("saved again") }
        #expect(after?.hasPrefix("Squashing, saved again") == true, "the open page did not reload: \(server.output)")
    }
}
