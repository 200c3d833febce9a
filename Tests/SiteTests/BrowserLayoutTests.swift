import Foundation
import LessonMarkdown
import Site
import Testing

/// The seed's page in a real browser: headless Chromium lays it out, a probe script added to a
/// test copy of the page measures the formulas, and `--dump-dom` brings the figures back.
/// The page itself carries no script. Skipped where Chromium is not installed.
@Suite(
    "The seed's page in Chromium",
    .enabled(if: SiteFixtures.seedAvailable, "../shared/seeds is absent (a user's clone)"),
    .enabled(if: Browser.executable != nil, "Chromium is not installed (scripts/bootstrap.sh --browser installs it)")
)
struct BrowserLayoutTests {
    /// Measures every `<math>` box and, for each `mtable`, its rows and the LaTeX it came from.
    static let probe = """
        <script>
        window.addEventListener('load', () => {
          const boxes = [...document.querySelectorAll('math')].map(m => {
            const r = m.getBoundingClientRect();
            return [r.width, r.height];
          });
          const tables = [...document.querySelectorAll('mtable')].map(t => {
            const annotation = t.closest('math').querySelector('annotation').textContent;
            const rows = [...t.children].filter(c => c.localName === 'mtr')
              .map(r => [r.getBoundingClientRect().height, r.children.length]);
            return {latex: annotation, rows};
          });
          const out = document.createElement('pre');
          out.id = 'litmus-layout';
          out.textContent = JSON.stringify({boxes, tables});
          document.body.appendChild(out);
        });
        </script>
        """

    struct Layout: Decodable {
        struct Table: Decodable {
            var latex: String
            var rows: [[Double]]
        }

        var boxes: [[Double]]
        var tables: [Table]
    }

    @Test func formulasAreLaidOutAndTheSixByFiveMatrixHasSixRows() throws {
        let lesson = try SiteFixtures.seedLesson()
        let output = SiteBuilder(siteTitle: "Litmus lessons") { _ in false }
            .build([SiteLesson(lesson: lesson, relativePath: "seed.md")])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "litmus-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (path, contents) in output.files {
            try Data(contents.utf8).write(to: directory.appendingPathComponent(path))
        }
        let page = SiteFixtures.page(output, "seed.html")
        let probed = directory.appendingPathComponent("seed-probe.html")
        // The page's content security policy forbids every script, the probe's too: the probed
        // copy goes without it.
        let unguarded = page.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("Content-Security-Policy") }.joined(separator: "\n")
        try Data(unguarded.replacingOccurrences(of: "</body>", with: Self.probe + "</body>").utf8).write(to: probed)

        let dom = try Browser.run(["--dump-dom", "--virtual-time-budget=5000", probed.absoluteString])
        let start = try #require(dom.range(of: "<pre id=\"litmus-layout\">"))
        let end = try #require(dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex))
        let json = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
        let layout = try JSONDecoder().decode(Layout.self, from: Data(json.utf8))

        #expect(layout.boxes.count == 64)
        #expect(layout.boxes.allSatisfy { $0[0] > 0 && $0[1] > 0 }, "a formula has an empty box: \(layout.boxes)")
        let weights = layout.tables.filter { $0.latex.contains("w_{65}") }
        #expect(weights.count == 2)
        for table in weights {
            #expect(table.rows.count == 6)
            #expect(table.rows.allSatisfy { $0[0] > 0 && $0[1] == 5 }, "rows: \(table.rows)")
        }
        // A 6-row matrix stands taller than a 5-row column vector beside it.
        let inputs = try #require(layout.tables.first { $0.latex.contains("x_5") && !$0.latex.contains("w_") })
        #expect(inputs.rows.count == 5)

        // Keep a screenshot for people to look at (the README shows one).
        let screenshot = Browser.artifacts.appendingPathComponent("seed-page.png")
        try FileManager.default.createDirectory(at: Browser.artifacts, withIntermediateDirectories: true)
        _ = try Browser.run([
            "--screenshot=\(screenshot.path)", "--window-size=1200,2400", "--hide-scrollbars",
            directory.appendingPathComponent("seed.html").absoluteString,
        ])
        #expect(FileManager.default.fileExists(atPath: screenshot.path))
    }
}

/// Headless Chromium from Debian's `chromium` package.
enum Browser {
    static let executable: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Where screenshots are kept: `.build/litmus-browser/` in the package.
    static let artifacts = SiteFixtures.packageRoot.appendingPathComponent(".build/litmus-browser")

    /// Runs Chromium headless (no sandbox: CI runs as root) and returns its standard output.
    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? "/usr/bin/chromium")
        process.arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir="
                    + FileManager.default.temporaryDirectory
                    .appendingPathComponent("litmus-chromium-\(UUID().uuidString)").path,
            ] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
