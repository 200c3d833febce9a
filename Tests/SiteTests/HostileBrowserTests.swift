import Foundation
import Testing

@testable import Site

/// The hostile pages in a real browser. A probe, put first in the head of a test copy of each
/// page, replaces `alert`, `confirm`, `prompt` and `print` with recorders, fires every kind of
/// event a handler could wait for on every element, clicks every link (cancelling only the
/// navigations to real pages, so that a `javascript:` URL would run) and submits every form;
/// then it reports what ran, what frames, scripts and forms exist and where the page is. The
/// copy goes without the page's content security policy, so the sanitizer alone is tested; the
/// pages as written are loaded too, and must still be themselves after loading (no refresh, no
/// base, nothing run). A control page of raw hostile HTML shows that the probe sees execution.
@Suite(
    "The hostile pages in Chromium",
    .enabled(if: Browser.executable != nil, "Chromium is not installed (scripts/bootstrap.sh --browser installs it)")
)
struct HostileBrowserTests {
    static let probe = """
        <script>
        (() => {
          const ran = [];
          for (const name of ['alert', 'confirm', 'prompt', 'print']) {
            window[name] = (...args) => { ran.push(name + '(' + args.join(',') + ')'); };
          }
          document.addEventListener('click', event => {
            const link = event.target.closest && event.target.closest('a');
            const href = link && (link.getAttribute('href') || link.getAttribute('xlink:href'));
            if (href === null || href === undefined) return;
            let protocol = '';
            try { protocol = new URL(href, location.href).protocol; } catch (e) { }
            if (protocol !== 'javascript:') event.preventDefault();
          }, true);
          window.addEventListener('load', () => {
            const all = [...document.querySelectorAll('body *')];
            const types = ['mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup', 'pointerover',
              'pointerdown', 'focus', 'focusin', 'blur', 'toggle', 'error', 'load', 'animationstart',
              'animationend', 'transitionend', 'keydown', 'input', 'change', 'wheel', 'scroll', 'beginEvent',
              'endEvent', 'repeatEvent', 'begin', 'end', 'submit', 'copy', 'contextmenu', 'dblclick'];
            for (const element of all) {
              for (const type of types) {
                try { element.dispatchEvent(new Event(type, {bubbles: true})); } catch (e) { }
              }
              try { element.dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true})); } catch (e) { }
            }
            for (const form of document.forms) { try { form.requestSubmit(); } catch (e) { } }
            setTimeout(() => {
              const count = selector => document.querySelectorAll(selector).length;
              const out = document.createElement('pre');
              out.id = 'litmus-probe';
              out.textContent = JSON.stringify({
                ran, scripts: count('script') - 1, frames: count('iframe, frame, object, embed, portal'),
                forms: count('form'), bases: count('base'), location: location.href, elements: all.length});
              document.body.appendChild(out);
            }, 1500);
          });
        })();
        </script>
        """

    struct Report: Decodable, Equatable {
        var ran: [String]
        var scripts: Int
        var frames: Int
        var forms: Int
        var bases: Int
        var location: String
        var elements: Int
    }

    /// Writes `html` with the probe first in its head and no security policy, loads it, and reads
    /// the probe's report back from the DOM; `nil` when the report is missing (the page went away).
    static func probe(_ html: String, named name: String, in directory: URL) throws -> Report? {
        let unguarded = html.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("Content-Security-Policy") }.joined(separator: "\n")
        let probed = unguarded.replacingOccurrences(of: "<head>", with: "<head>\n" + Self.probe)
        let url = directory.appendingPathComponent(name)
        try Data(probed.utf8).write(to: url)
        let dom = try Browser.run(["--dump-dom", "--virtual-time-budget=8000", url.absoluteString])
        guard let start = dom.range(of: "<pre id=\"litmus-probe\">"),
            let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex)
        else { return nil }
        let json = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        return try JSONDecoder().decode(Report.self, from: Data(json.utf8))
    }

    static func writeSite() throws -> (directory: URL, pages: [(path: String, contents: String)]) {
        let output = try SiteFixtures.buildHostileSite()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "litmus-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("images"), withIntermediateDirectories: true)
        for (path, contents) in output.files {
            try Data(contents.utf8).write(to: directory.appendingPathComponent(path))
        }
        for copy in output.copies {
            let data = try Data(contentsOf: SiteFixtures.hostileFolder.appendingPathComponent(copy))
            let written =
                copy.hasSuffix(".svg")
                ? Data(SiteBuilder.sanitizedSVGFile(String(decoding: data, as: UTF8.self)).utf8) : data
            try written.write(to: directory.appendingPathComponent(copy))
        }
        return (directory, output.files.filter { $0.path.hasSuffix(".html") })
    }

    @Test func theProbeSeesScriptsRunOnARawHostilePage() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "litmus-control-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let control = """
            <!DOCTYPE html>
            <html><head><title>control</title></head><body>
            <img src="missing.png" onerror="alert('onerror')">
            <div onmouseover="alert('hover')">x</div>
            <a href="javascript:alert('link')">link</a>
            <a href="https://example.com/">a real page</a>
            <iframe srcdoc="x"></iframe>
            </body></html>
            """
        let report = try #require(try Self.probe(control, named: "control.html", in: directory))
        #expect(Set(report.ran) == ["alert(onerror)", "alert(hover)", "alert(link)"])
        #expect(report.frames == 1)
        #expect(report.location.hasSuffix("control.html"))
    }

    @Test func nothingRunsOnTheHostilePagesAndTheyStayInPlace() throws {
        let (directory, pages) = try Self.writeSite()
        defer { try? FileManager.default.removeItem(at: directory) }
        for page in pages {
            let probedName = "probed-" + page.path
            let report = try #require(
                try Self.probe(page.contents, named: probedName, in: directory), "\(page.path) navigated away")
            #expect(report.ran.isEmpty, "\(page.path): \(report.ran)")
            #expect(report.scripts == 0 && report.frames == 0 && report.forms == 0 && report.bases == 0, "\(report)")
            #expect(report.location.hasSuffix(probedName), "\(page.path) moved to \(report.location)")
            #expect(report.elements > 5)

            // The page as written, with its policy: after loading it is still the page.
            let dom = try Browser.run([
                "--dump-dom", "--virtual-time-budget=5000", directory.appendingPathComponent(page.path).absoluteString,
            ])
            #expect(dom.contains("<meta name=\"generator\" content=\"Litmus\">"), "\(page.path) was replaced")
            #expect(!dom.contains("<script"), "\(page.path)")
        }
        // People can look at what the hostile lesson looks like.
        try FileManager.default.createDirectory(at: Browser.artifacts, withIntermediateDirectories: true)
        _ = try Browser.run([
            "--screenshot=\(Browser.artifacts.appendingPathComponent("hostile-lesson.png").path)",
            "--window-size=1200,3000", "--hide-scrollbars",
            directory.appendingPathComponent("hostile-lesson.html").absoluteString,
        ])
    }
}
