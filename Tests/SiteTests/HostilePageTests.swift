import Foundation
import Testing

@testable import Site

/// The hostile fixtures (`Tests/Fixtures/hostile/`): a lesson and a notebook that try every
/// vector of the issue and of the usual XSS families. Their pages must carry nothing that could
/// run script, leave or cover the page, keep the harmless markup, and parse as XML.
struct HostilePageTests {
    let output: SiteBuilder.Output

    init() throws {
        output = try SiteFixtures.buildHostileSite()
    }

    var pages: [(path: String, contents: String)] { output.files.filter { $0.path.hasSuffix(".html") } }

    @Test func noPageBodyCarriesAScriptCapableConstruct() {
        #expect(pages.count == 3)
        for page in pages {
            let body = ScriptCapabilityScan.withoutFormulas(SiteFixtures.body(of: page.contents))
            let findings = ScriptCapabilityScan.findings(in: body)
            #expect(findings.isEmpty, "\(page.path): \(findings)")
        }
    }

    @Test func everyPageForbidsScriptInItsHead() {
        for page in pages {
            let head = page.contents.components(separatedBy: "</head>")[0]
            #expect(
                head.contains(
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none';"
                ), "\(page.path)")
            // The policy comes before anything the page loads.
            #expect(head.range(of: "Content-Security-Policy")!.lowerBound < head.range(of: "<link")!.lowerBound)
        }
    }

    @Test func pagesAreWellFormed() {
        for page in pages {
            #expect(XMLReader(page.contents).error == nil, "\(page.path)")
        }
    }

    @Test func harmlessMarkupIsKept() {
        let lesson = SiteFixtures.page(output, "hostile-lesson.html")
        for kept in [
            "<span style=\"color:green\">A hostile lesson</span>", "<b>bold</b>", "<i>italic</i>", "x<sub>1</sub>",
            "e<sup>2</sup>", "<kbd>Ctrl</kbd>", "<span style=\"color:#cf222e;font-weight:bold\">red and bold</span>",
            "<span style=\"background-color:yellow\">marked</span>",
            "<img src=\"images/dot.png\" width=\"16\" alt=\"a dot\" />",
            "<img src=\"images/dot.png\" alt=\"a green dot\" />",
            "<img src=\"images/diagram.svg\" alt=\"the diagram as an image\" />",
            "<a href=\"https://example.com/?a=1&amp;b=2\">the web</a>", "<details open=\"\"><summary>details</summary>",
            "<rect x=\"1\" y=\"1\" width=\"30\" height=\"30\" fill=\"#0969da\" />",
            "<circle cx=\"60\" cy=\"16\" r=\"14\" fill=\"#1a7f37\" />",
            "<line x1=\"80\" y1=\"2\" x2=\"118\" y2=\"30\" stroke=\"#cf222e\" stroke-width=\"3\" />",
            "<a href=\"https://ok.example/\">first wins</a>", "<span style=\"color:red\">styled</span>",
        ] {
            #expect(lesson.contains(kept), "missing: \(kept)")
        }
        #expect(lesson.contains("<table>"))
        #expect(lesson.contains("<math"))
        let notebook = SiteFixtures.page(output, "hostile-notebook.html")
        for kept in [
            "<td style=\"color:green\">2</td>", "<polyline points=\"10,40 50,10 90,30\"", "<use href=\"#m1\"",
            "<img src=\"data:image/png;base64,iVBORw0KGgo", "<strong>Loss</strong>",
            "<svg><circle r=\"4\" cx=\"5\" cy=\"5\" /><rect width=\"3\" height=\"3\" /></svg>",
            "&lt;script&gt;alert(&#39;nb stream&#39;)&lt;/script&gt;",
        ] {
            #expect(notebook.contains(kept), "missing: \(kept)")
        }
        #expect(!notebook.contains("application/javascript"))
    }

    @Test func theFakeVerdictMarkAndThePagesOwnStructureAreUntouched() {
        let lesson = SiteFixtures.page(output, "hostile-lesson.html")
        #expect(lesson.contains("<span>a fake verified mark</span>"))
        #expect(lesson.components(separatedBy: "id=\"formula-0\"").count == 2)
        #expect(lesson.contains("</article>\n<nav class=\"pager\""))
    }

    @Test func onlyImagesAreCopiedAndTheSVGFileIsSanitized() throws {
        #expect(output.copies == ["images/diagram.svg", "images/dot.png"])
        let svg = String(
            decoding: try Data(contentsOf: SiteFixtures.hostileFolder.appendingPathComponent("images/diagram.svg")),
            as: UTF8.self)
        let copied = SiteBuilder.sanitizedSVGFile(svg)
        #expect(ScriptCapabilityScan.findings(in: copied).isEmpty)
        #expect(copied.contains("<circle cx=\"30\" cy=\"30\" r=\"12\" fill=\"#1a7f37\" />"))
        #expect(XMLReader(copied).error == nil)
    }

    /// The scan itself finds what it is meant to find (else the tests above could not fail).
    @Test func theScanFindsTheVectorsInTheRawFixture() throws {
        let raw = String(
            decoding: try Data(contentsOf: SiteFixtures.hostileFolder.appendingPathComponent("hostile-lesson.md")),
            as: UTF8.self)
        let findings = ScriptCapabilityScan.findings(in: raw)
        #expect(findings.count > 60)
        for expected in ["<script>", "<iframe>", "<object>", "<embed>", "<meta>", "<base>", "<form>", "<style>"] {
            #expect(findings.contains(expected), "\(expected)")
        }
        #expect(findings.contains { $0.hasPrefix("<a href=\"java&#x09;") || $0.hasPrefix("<a href=\"java\tscript") })
        #expect(findings.contains { $0.contains("attributename=\"href\"") })
        #expect(findings.contains { $0.contains("position") })
    }
}
