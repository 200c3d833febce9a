import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `litmus serve` over loopback, fetched with URLSession as a browser fetches it: the index and
/// every lesson are served, a saved lesson's page shows the change within a second, open pages
/// hear that they should reload, a lesson that no longer reads shows its diagnostics, the served
/// pages run only the reload script, and a port in use is an error.
struct ServeCommandTests {
    /// A copy of `Tests/Fixtures/serve-course` in a fresh folder, as `lessons/`.
    static func course() throws -> URL {
        let root = try LitmusProcess.temporaryDirectory()
        let lessons = root.appendingPathComponent("lessons")
        try FileManager.default.copyItem(
            at: LitmusProcess.packageRoot.appendingPathComponent("Tests/Fixtures/serve-course"), to: lessons)
        return root
    }

    static func edit(_ file: URL, _ change: (String) -> String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(change(text).utf8).write(to: file)
    }

    @Test func servesTheIndexEveryLessonAndItsImagesAndFollowsAnEdit() throws {
        let root = try Self.course()
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try ServeProcess(["lessons", "--no-run"], in: root)
        defer { server.stop() }

        let index = try server.get("/")
        #expect(index.status == 200)
        #expect(index.body.contains("href=\"one.html\"") && index.body.contains("href=\"two.html\""))
        let one = try server.get("/one.html")
        #expect(one.status == 200)
        #expect(one.headers["content-type"] == "text/html; charset=utf-8")
        #expect(one.body.contains("<title>Squashing with the sigmoid"))
        #expect(one.body.contains("<math"))
        let two = try server.get("/two.html")
        #expect(two.status == 200 && two.body.contains("Rectified units"))
        let figure = try server.get("/figure.svg")
        #expect(figure.status == 200 && figure.headers["content-type"] == "image/svg+xml")
        #expect(figure.headers["content-security-policy"]?.contains("sandbox") == true)
        #expect(try server.get("/litmus.css").status == 200)
        #expect(try server.get("/missing.html").status == 404)
        // Nothing outside the course folder, nor hidden files, nor other kinds of files.
        #expect(try server.get("/../lessons/one.md").status == 404)
        #expect(try server.get("/one.md").status == 404)

        // Prose and a formula change in one save; the page shows both within a second.
        try Self.edit(root.appendingPathComponent("lessons/one.md")) {
            $0.replacingOccurrences(of: "open interval between zero and one", with: "open unit interval, saved")
                .replacingOccurrences(of: "1 + e^{-t}", with: "1 + \\exp(-t)")
        }
        let (changed, seconds) = try server.waitFor("/one.html", limit: 1) { $0.body.contains("unit interval, saved") }
        #expect(changed.body.contains("unit interval, saved"), "the page did not change within 1 s: \(server.output)")
        #expect(changed.body.contains("<mi>exp</mi>") || changed.body.contains(">exp<"))
        #expect(seconds < 1)
        // Only the saved lesson was read again, and only its page and the index rendered again.
        #expect(server.output.contains("lessons/one.md: 2 formulas"))
        #expect(server.output.components(separatedBy: "lessons/two.md: ").count == 2, "\(server.output)")
        #expect(server.output.contains(/pages updated in [0-9]+ ms: index.html, one.html\n/))
    }

    @Test func anOpenPageHearsThatItShouldReload() throws {
        let root = try Self.course()
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try ServeProcess(["lessons", "--no-run"], in: root)
        defer { server.stop() }
        let page = try server.get("/two.html").body
        let version = try #require(page.firstMatch(of: /data-version="([0-9]+)"/)?.1)
        let events = EventStreamReader(
            url: try #require(URL(string: "\(server.base)/_litmus/events?page=two.html&version=\(version)")))
        defer { events.close() }
        #expect(events.waitFor("retry:", limit: 5), "the stream did not open: \(events.received)")
        // An edit of another lesson is not this page's business.
        try Self.edit(root.appendingPathComponent("lessons/one.md")) { $0 + "\nOne more sentence.\n" }
        _ = try server.waitFor("/one.html", limit: 5) { $0.body.contains("One more sentence.") }
        #expect(!events.received.contains("event: reload"))
        try Self.edit(root.appendingPathComponent("lessons/two.md")) { $0 + "\nAnother sentence.\n" }
        #expect(events.waitFor("event: reload", limit: 5), "no reload event: \(events.received)")

        // A page older than the server's version is told to reload as soon as it subscribes.
        let stale = EventStreamReader(
            url: try #require(URL(string: "\(server.base)/_litmus/events?page=two.html&version=\(version)")))
        defer { stale.close() }
        #expect(stale.waitFor("event: reload", limit: 5))
    }

    @Test func servedPagesRunOnlyTheReloadScriptAndTheStaticSiteNone() throws {
        let root = try Self.course()
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try ServeProcess(["lessons", "--no-run"], in: root)
        defer { server.stop() }
        let first = try server.get("/one.html")
        let policy = try #require(first.headers["content-security-policy"])
        // Scripts: only those carrying this response's nonce; no other source, no inline code.
        let directives = policy.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        let scripts = directives.filter { $0.hasPrefix("script-src") }
        #expect(scripts.count == 1)
        let nonce = try #require(scripts.first?.wholeMatch(of: /script-src 'nonce-([A-Za-z0-9+\/=]+)'/)?.1)
        #expect(directives.contains("default-src 'none'") && directives.contains("connect-src 'self'"))
        // One script, carrying the nonce; the meta policy in the page says the same.
        #expect(first.body.components(separatedBy: "<script").count == 2)
        #expect(first.body.contains("<script nonce=\"\(nonce)\""))
        #expect(first.body.contains("content=\"\(policy)\""))
        // A new nonce for every response.
        let second = try server.get("/one.html")
        #expect(second.headers["content-security-policy"] != policy)

        // The same lesson rendered by `litmus render` carries no script at all.
        let render = try LitmusProcess.run(["render", "lessons", "-o", "site"], in: root)
        #expect(render.status == 0, "\(render.standardError)")
        let page = try String(contentsOf: root.appendingPathComponent("site/one.html"), encoding: .utf8)
        #expect(!page.contains("<script"))
        #expect(!page.contains("_litmus"))
    }

    @Test func aLessonThatNoLongerReadsShowsItsDiagnosticsInsteadOfItsLastGoodVersion() throws {
        let root = try Self.course()
        defer { try? FileManager.default.removeItem(at: root) }
        let notebook = root.appendingPathComponent("lessons/three.ipynb")
        try Data(Self.notebook.utf8).write(to: notebook)
        let server = try ServeProcess(["lessons", "--no-run"], in: root)
        defer { server.stop() }
        let good = try server.get("/three.html")
        #expect(good.body.contains("A notebook lesson"))

        // Broken notebook JSON: the page says why, at the line and column, and shows nothing of
        // the lesson it was.
        try Data(String(Self.notebook.dropLast(40)).utf8).write(to: notebook)
        let (broken, _) = try server.waitFor("/three.html", limit: 5) { $0.body.contains("cannot be read") }
        #expect(broken.body.contains("lessons/three.ipynb:"))
        #expect(broken.body.contains("error: invalid notebook JSON"))
        #expect(!broken.body.contains("A notebook lesson"))

        // A formula that does not parse: the page is the lesson as saved, with the errors on top.
        try Self.edit(root.appendingPathComponent("lessons/one.md")) {
            $0.replacingOccurrences(of: "\\frac{1}{1 + e^{-t}}", with: "\\frac{1}{1 + e^{-t}")
        }
        let (unparsed, _) = try server.waitFor("/one.html", limit: 5) { $0.body.contains("litmus-preview problems") }
        #expect(unparsed.body.contains("lessons/one.md:5:1: error: the LaTeX does not parse"), "\(unparsed.body)")
        #expect(unparsed.body.contains("is never closed"))

        // Fixed again: the banner goes.
        try Self.edit(root.appendingPathComponent("lessons/one.md")) {
            $0.replacingOccurrences(of: "\\frac{1}{1 + e^{-t}", with: "\\frac{1}{1 + e^{-t}}")
        }
        let (fixed, _) = try server.waitFor("/one.html", limit: 5) { !$0.body.contains("litmus-preview problems") }
        #expect(!fixed.body.contains("litmus-preview problems"))
    }

    /// A lesson whose check takes longer than the page may wait (here: no wait at all) shows its
    /// new text at once, with the marks of its unchanged formulas; the check's marks follow.
    @Test func aSlowCheckShowsTheTextFirstAndTheMarksWhenReady() throws {
        let root = try Self.course()
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try ServeProcess(["lessons", "--no-run", "--check-budget", "0"], in: root)
        defer { server.stop() }
        try Self.edit(root.appendingPathComponent("lessons/one.md")) {
            $0 + "\nAt the origin the slope is a quarter, $\\sigma'(0) = \\frac{1}{4}$.\n"
        }
        let (first, _) = try server.waitFor("/one.html", limit: 5) { $0.body.contains("slope is a quarter") }
        let (marked, _) = try server.waitFor("/one.html", limit: 10) {
            $0.body.contains("slope is a quarter") && !$0.body.contains("Checking the formulas")
        }
        // Each state of the page, as it was served: the text first (the formulas that did not
        // change keep their marks), then the new formula's own mark.
        if first.body.contains("Checking the formulas") {
            #expect(first.body.contains("id=\"formula-0\" tabindex=\"0\" title=\"verified"))
            #expect(!first.body.contains("id=\"formula-2\" tabindex=\"0\" title=\"verified"))
        }
        #expect(marked.body.contains("class=\"formula inline verified\" id=\"formula-2\""), "\(marked.body)")
        #expect(server.output.contains("lessons/one.md: read in"), "\(server.output)")
        #expect(server.output.contains("(marks): index.html, one.html"), "\(server.output)")
    }

    @Test func aLessonAddedOrRemovedChangesTheIndex() throws {
        let root = try Self.course()
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try ServeProcess(["lessons", "--no-run"], in: root)
        defer { server.stop() }
        try Data("# Added later\n\nA new lesson.\n".utf8).write(to: root.appendingPathComponent("lessons/zz-added.md"))
        let (index, _) = try server.waitFor("/", limit: 5) { $0.body.contains("zz-added.html") }
        #expect(index.body.contains("Added later"))
        #expect(try server.get("/zz-added.html").status == 200)
        try FileManager.default.removeItem(at: root.appendingPathComponent("lessons/two.md"))
        let (after, _) = try server.waitFor("/", limit: 5) { !$0.body.contains("two.html") }
        #expect(!after.body.contains("two.html"))
        #expect(try server.get("/two.html").status == 404)
    }

    @Test func theCourseFileNamesTheSiteOrdersItsLessonsAndLeavesSomeOut() throws {
        let root = try Self.course()
        defer { try? FileManager.default.removeItem(at: root) }
        let lessons = root.appendingPathComponent("lessons")
        try FileManager.default.createDirectory(
            at: lessons.appendingPathComponent("drafts"), withIntermediateDirectories: true)
        try Data("# A draft\n\nNot yet.\n".utf8).write(to: lessons.appendingPathComponent("drafts/draft.md"))
        let courseFile = lessons.appendingPathComponent("litmus.yml")
        try Data("title: Serve fixture\nlessons:\n  - two.md\n  - one.md\nexclude:\n  - drafts/**\n".utf8)
            .write(to: courseFile)
        let server = try ServeProcess(["lessons", "--no-run"], in: root)
        defer { server.stop() }
        let index = try server.get("/").body
        #expect(index.contains("Serve fixture"))
        let two = try #require(index.range(of: "href=\"two.html\""))
        let one = try #require(index.range(of: "href=\"one.html\""))
        #expect(two.lowerBound < one.lowerBound, "the course file's order")
        #expect(!index.contains("draft.html"))
        #expect(try server.get("/drafts/draft.html").status == 404)

        try Self.edit(courseFile) { $0.replacingOccurrences(of: "Serve fixture", with: "Renamed course") }
        let (renamed, _) = try server.waitFor("/one.html", limit: 5) { $0.body.contains("Renamed course") }
        #expect(renamed.body.contains("Renamed course"))
        // A course file broken while serving is reported, and the course stays as it was.
        try Data("title: [unclosed\n".utf8).write(to: courseFile)
        Thread.sleep(forTimeInterval: 0.5)
        #expect(server.output.contains("litmus.yml:"), "\(server.output)")
        #expect(try server.get("/").body.contains("Renamed course"))
    }

    @Test func aLessonNamedIndexIsTheHomePageAndTheListMovesAside() throws {
        let root = try Self.course()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("# Welcome\n\nStart with the sigmoid.\n".utf8).write(
            to: root.appendingPathComponent("lessons/index.md"))
        let server = try ServeProcess(["lessons", "--no-run"], in: root)
        defer { server.stop() }
        #expect(try server.get("/").body.contains("Start with the sigmoid."))
        #expect(try server.get("/contents.html").body.contains("href=\"one.html\""))
        try Self.edit(root.appendingPathComponent("lessons/index.md")) { $0 + "\nThen the rectifier.\n" }
        let (home, _) = try server.waitFor("/", limit: 5) { $0.body.contains("Then the rectifier.") }
        #expect(home.body.contains("data-page=\"index.html\""))
    }

    @Test func aPortInUseIsAnErrorWithExitCode2() throws {
        let root = try Self.course()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try ServeProcess(["lessons", "--no-run"], in: root)
        defer { first.stop() }
        let port = try #require(first.base.split(separator: ":").last.map(String.init))
        let second = try LitmusProcess.run(["serve", "lessons", "--no-run", "--port", port], in: root, limit: 60)
        #expect(second.status == 2)
        #expect(second.standardError.contains("error: cannot serve on 127.0.0.1:\(port): the port is in use"))
        #expect(try first.get("/").status == 200)
    }

    @Test func ctrlCStopsTheServer() throws {
        let root = try Self.course()
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try ServeProcess(["lessons", "--no-run"], in: root)
        let status = server.stop()
        #expect(status == 130)
    }

    static let notebook = """
        {
         "cells": [
          {"cell_type": "markdown", "metadata": {}, "source": ["# A notebook lesson\\n", "\\n", "Its slope is $\\\\sigma'(t) = \\\\sigma(t)(1 - \\\\sigma(t))$.\\n"]}
         ],
         "metadata": {"kernelspec": {"display_name": "Swift", "language": "swift", "name": "swift"}},
         "nbformat": 4,
         "nbformat_minor": 5
        }

        """
}
