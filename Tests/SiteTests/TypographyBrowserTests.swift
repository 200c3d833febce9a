import Foundation
import TeX
import Testing

@testable import Site

/// Formulas as a browser lays out Litmus's MathML, against the same formulas laid out by KaTeX
/// (Debian's `libjs-katex`), which follows TeX's rules: the gaps between neighbouring characters
/// (TeX's thin, medium and thick spaces around operators, relations and named functions) and
/// the height of a prime above its base, in em, must agree within bounds. Ink extents come from
/// the page's own fonts (canvas `measureText`), so different fonts on the two sides compare.
/// Control formulas written the old way (no space after `\log`, a prime as a superscript) must
/// fall outside the bounds, so the test can tell.
@Suite(
    "Typography against KaTeX in Chromium",
    .enabled(if: Browser.executable != nil, "Chromium is not installed (scripts/bootstrap.sh --browser installs it)"),
    .enabled(
        if: FileManager.default.fileExists(atPath: KaTeXFiles.directory + "/katex.js"),
        "KaTeX is not installed (scripts/bootstrap.sh --browser installs libjs-katex)")
)
struct TypographyBrowserTests {
    static let katex = KaTeXFiles.directory

    /// Formulas whose every gap is compared (letters without italic correction in TeX's fonts).
    static let spacing = [
        "a = b", "a \\cdot b", "a - b", "a + b", "a \\times b", "a \\odot b", "a \\circ b", "a \\pm b", "a \\le b",
        "a \\to b", "a \\leftarrow b", "a := b", "t \\log p", "\\max(a, b)", "2 \\sin x", "a \\in b", "-a", "(a, b)",
    ]
    /// Formulas whose prime height is compared.
    static let primes = ["f'(x)", "\\sigma'(z)"]

    static let probe = """
        function measure(container) {
          const canvas = document.createElement('canvas').getContext('2d');
          const out = [];
          const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
          let node;
          while ((node = walker.nextNode())) {
            const style = getComputedStyle(node.parentElement);
            canvas.font = style.fontStyle + ' ' + style.fontWeight + ' ' + style.fontSize + ' ' + style.fontFamily;
            for (let i = 0; i < node.data.length; i++) {
              const ch = node.data[i];
              if (ch === '\\u2061' || ch.trim() === '') continue;
              const range = document.createRange();
              range.setStart(node, i);
              range.setEnd(node, i + 1);
              const box = range.getBoundingClientRect();
              if (box.width <= 0) continue;
              const metrics = canvas.measureText(ch);
              const baseline = box.bottom - metrics.fontBoundingBoxDescent;
              out.push({ch, left: box.left / 40, right: box.right / 40, baseline: baseline / 40,
                inkTop: (baseline - metrics.actualBoundingBoxAscent) / 40});
            }
          }
          return out;
        }
        """

    struct Glyph: Decodable {
        var ch: String
        var left: Double
        var right: Double
        var baseline: Double
        var inkTop: Double
    }

    struct Measured: Decodable {
        var id: String
        var glyphs: [Glyph]
    }

    /// Lays out each `(id, html)` and KaTeX's rendering of each `(id, latex)`, 40 px to the em.
    static func layout(ours: [(String, String)], katex: [(String, String)]) throws -> [String: [Glyph]] {
        var body = ""
        for (id, html) in ours { body += "<div id=\"\(id)\">\(html)</div>\n" }
        for (id, _) in katex { body += "<div id=\"\(id)\"></div>\n" }
        let formulas = katex.map { "[\"\($0.0)\", \(jsString($0.1))]" }.joined(separator: ", ")
        let ids = (ours.map(\.0) + katex.map(\.0)).map { "\"\($0)\"" }.joined(separator: ", ")
        let page = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8" />
            <link rel="stylesheet" href="file://\(Self.katex)/katex.min.css" />
            <script src="file://\(Self.katex)/katex.js"></script>
            <style>\(Stylesheet.css)
            body { font-size: 40px; } .katex { font-size: 1em; }</style>
            </head><body>
            \(body)
            <script>
            \(probe)
            for (const [id, latex] of [\(formulas)]) katex.render(latex, document.getElementById(id), {output: 'html'});
            document.fonts.ready.then(() => {
              const out = document.createElement('pre');
              out.id = 'litmus-typography';
              out.textContent = JSON.stringify([\(ids)].map(id => ({id, glyphs: measure(document.getElementById(id))})));
              document.body.appendChild(out);
            });
            </script>
            </body></html>
            """
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("litmus-typography-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("typography.html")
        try Data(page.utf8).write(to: url)
        let dom = try Browser.run([
            "--dump-dom", "--virtual-time-budget=5000", "--allow-file-access-from-files", url.absoluteString,
        ])
        guard let start = dom.range(of: "<pre id=\"litmus-typography\">"),
            let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex)
        else { throw BrowserFailure(dom: dom) }
        let json = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        let measured = try JSONDecoder().decode([Measured].self, from: Data(json.utf8))
        return Dictionary(uniqueKeysWithValues: measured.map { ($0.id, $0.glyphs) })
    }

    struct BrowserFailure: Error {
        var dom: String
    }

    static func jsString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The gaps between neighbouring characters, in em.
    static func gaps(_ glyphs: [Glyph]) -> [Double] {
        zip(glyphs, glyphs.dropFirst()).map { $1.left - $0.right }
    }

    /// How far the prime's ink rises above its base's ink, in em.
    static func primeRise(_ glyphs: [Glyph]) -> Double? {
        guard let prime = glyphs.firstIndex(where: { $0.ch == "′" }), prime > 0 else { return nil }
        return glyphs[prime - 1].inkTop - glyphs[prime].inkTop
    }

    static let gapBound = 0.03
    static let primeBound = 0.15

    @Test func spacingAndPrimesAgreeWithKaTeX() throws {
        var ours: [(String, String)] = []
        var katex: [(String, String)] = []
        for (index, latex) in (Self.spacing + Self.primes).enumerated() {
            ours.append(("o\(index)", TeX.parse(latex, display: false).mathML))
            katex.append(("k\(index)", latex))
        }
        // The old way, for the control: no thin space around `\log`, a prime as a superscript.
        ours.append(("old-log", "<math><mi>t</mi><mi>log</mi><mo>\u{2061}</mo><mi>p</mi></math>"))
        ours.append(("old-prime", "<math><msup><mi>f</mi><mo>′</mo></msup><mo>(</mo><mi>x</mi><mo>)</mo></math>"))
        let layout = try Self.layout(ours: ours, katex: katex)

        for (index, latex) in Self.spacing.enumerated() {
            let mine = try #require(layout["o\(index)"])
            let reference = try #require(layout["k\(index)"])
            #expect(mine.map(\.ch) == reference.map(\.ch), "\(latex): different characters")
            guard mine.count == reference.count else { continue }
            for (gap, (own, theirs)) in zip(Self.gaps(mine), Self.gaps(reference)).enumerated() {
                #expect(
                    abs(own - theirs) <= Self.gapBound,
                    "\(latex): gap \(gap) after '\(mine[gap].ch)' is \(own) em, KaTeX \(theirs) em")
            }
        }
        func rise(_ id: String) throws -> Double {
            let glyphs = try #require(layout[id], "\(id) was not laid out")
            return try #require(Self.primeRise(glyphs), "\(id) has no prime")
        }
        for (offset, latex) in Self.primes.enumerated() {
            let index = Self.spacing.count + offset
            let own = try rise("o\(index)")
            let theirs = try rise("k\(index)")
            #expect(abs(own - theirs) <= Self.primeBound, "\(latex): prime rises \(own) em, KaTeX \(theirs) em")
        }

        // The controls are caught.
        let oldLog = try #require(layout["old-log"])
        let logReference = try #require(layout["k\(Self.spacing.firstIndex(of: "t \\log p")!)"])
        let worst = zip(Self.gaps(oldLog), Self.gaps(logReference)).map { abs($0 - $1) }.max() ?? 0
        #expect(worst > Self.gapBound, "the unspaced \\log is not caught: \(worst) em")
        let oldRise = try rise("old-prime")
        let primeReference = try rise("k\(Self.spacing.count)")
        #expect(abs(oldRise - primeReference) > Self.primeBound, "the raised prime is not caught: \(oldRise) em")
    }
}

/// Where Debian's `libjs-katex` puts KaTeX for browsers.
enum KaTeXFiles {
    static let directory = "/usr/share/javascript/katex"
}
