import LessonMarkdown

/// How a cell's outputs appear below it: what the lesson's run recorded (text and charts) and
/// what a notebook stored (text, HTML, Markdown, SVG, PNG, JPEG). The one place that knows the
/// shapes of outputs; everything that came from a lesson or a run goes through the sanitizer.
enum OutputRenderer {
    /// What a cell printed and drew when the lesson's tests ran.
    static func recorded(_ output: RecordedOutput) -> String {
        var out = ""
        if !output.text.isEmpty {
            out += "<pre class=\"output recorded\"><samp>" + HTMLText.escape(output.text) + "</samp></pre>\n"
        }
        for svg in output.plots {
            out += "<figure class=\"chart\">\n" + HTMLSanitizer.sanitizeDocument(svg) + "</figure>\n"
        }
        return out
    }

    /// A notebook's stored output: its richest form when it has one, else its text.
    static func stored(kind: String, text: String, richer: MarkdownNode?) -> String {
        if let richer, case .notebookDisplay(let type, let data) = richer.kind,
            let html = display(mimeType: type, data: data)
        {
            return html
        }
        return "<pre class=\"output stored \(HTMLText.escape(kind))\"><samp>" + HTMLText.escape(text)
            + "</samp></pre>\n"
    }

    /// A rich output as HTML; `nil` when its data cannot be shown (an image that is not base64).
    static func display(mimeType: String, data: String) -> String? {
        switch mimeType {
        case "image/png", "image/jpeg":
            let base64 = data.filter { !$0.isWhitespace }
            guard !base64.isEmpty, base64.unicodeScalars.allSatisfy(isBase64) else { return nil }
            return "<figure class=\"output image\"><img src=\"data:\(mimeType);base64,\(base64)\" alt=\"output\" />"
                + "</figure>\n"
        case "image/svg+xml":
            return "<figure class=\"output image\">\n" + HTMLSanitizer.sanitizeDocument(data) + "</figure>\n"
        case "text/html":
            return "<div class=\"output html\">\n" + HTMLSanitizer.sanitizeDocument(data) + "\n</div>\n"
        case "text/markdown":
            return "<div class=\"output markdown\">\n" + markdown(data) + "</div>\n"
        default:
            return nil
        }
    }

    private static func isBase64(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            || scalar == "+" || scalar == "/" || scalar == "="
    }

    /// Markdown a cell displayed, written as the lesson's prose is (formulas as MathML, HTML
    /// sanitized), with no verdicts and no anchors of its own.
    private static func markdown(_ text: String) -> String {
        let lesson = LessonParser.parse(markdown: text, path: "output.md")
        let formulas = MathRenderer.render(lesson, marks: [:], anchors: false)
        var writer = HTMLWriter(lesson: lesson, formulas: formulas, outputs: [:]) { destination, _ in destination }
        return writer.write()
    }
}
