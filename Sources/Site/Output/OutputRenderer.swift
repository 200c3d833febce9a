import CellRecords
import LessonMarkdown

/// How a cell's outputs appear below it: what the lesson's run recorded (text and charts) and
/// what a notebook stored (text, HTML, Markdown, SVG, PNG, JPEG). The one place that knows the
/// shapes of outputs; everything that came from a lesson or a run goes through the sanitizer.
enum OutputRenderer {
    /// How a cell ran when the lesson's tests ran it: what it printed and drew, and, when it did
    /// not pass, why — a failed comparison shows the expected block beside what it printed.
    static func recorded(_ cell: CellRecord) -> String {
        var out = ""
        switch cell.status {
        case .passed:
            break
        case .skipped:
            return "<p class=\"cell-status skipped\">Not run: an earlier cell stopped the lesson.</p>\n"
        case .failed, .timedOut:
            let heading = cell.status == .timedOut ? "Timed out" : "Failed"
            let message = cell.failure.map { ": " + $0.message } ?? ""
            out +=
                "<div class=\"cell-status failed\" role=\"alert\"><p><strong>\(heading)</strong>"
                + HTMLText.escape(message) + "</p>\n"
            if cell.failure?.kind == .outputMismatch, let expected = cell.expected {
                out += "<pre class=\"output expected\"><samp>" + HTMLText.escape(expected) + "</samp></pre>\n"
                out += "<pre class=\"output recorded actual\"><samp>" + HTMLText.escape(cell.output) + "</samp></pre>\n"
                out += charts(cell.plots) + "</div>\n"
                return out
            }
        }
        if !cell.output.isEmpty {
            out += "<pre class=\"output recorded\"><samp>" + HTMLText.escape(cell.output) + "</samp></pre>\n"
        }
        out += charts(cell.plots)
        if cell.status != .passed { out += "</div>\n" }
        return out
    }

    /// Charts come from LitmusRuntime's own SVG writer; they pass the sanitizer all the same.
    private static func charts(_ plots: [String]) -> String {
        plots.map { "<figure class=\"chart\">\n" + HTMLSanitizer.sanitizeDocument($0) + "</figure>\n" }.joined()
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
