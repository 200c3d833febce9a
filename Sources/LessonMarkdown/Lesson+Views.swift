import LitmusDiagnostics

/// Views of a lesson that commands and later stages use: headings, code cells with their
/// expected outputs, images and links.
extension Lesson {
    /// A heading with its text as a reader sees it (raw HTML stripped).
    public struct Heading: Hashable, Sendable {
        public var level: Int
        public var text: String
        public var range: SourceRange?
    }

    /// A fenced code block of the lesson, or a notebook code cell.
    public struct CodeCell: Hashable, Sendable {
        /// The language: the first word of the info string (`swift`, `python`…), lower-cased.
        public var language: String
        /// The other words of the info string (`hide`, `norun`, `throws`, `key=value`…).
        public var options: [String]
        public var source: String
        public var range: SourceRange?
        /// The notebook cell index, for notebooks.
        public var cell: Int?
        /// The ```` ```output ```` block that follows the cell, if any.
        public var expectedOutput: String?
        /// The line of that block's opening fence.
        public var expectedOutputLine: Int?
        /// The words of that block's info string after `output` (`rtol=1e-6`, `filter="…"`).
        public var expectedOutputOptions: [String] = []
        /// Outputs stored in the notebook for this cell.
        public var storedOutputs: [String]
    }

    /// An image or a link.
    public struct Reference: Hashable, Sendable {
        public var destination: String
        public var title: String
        /// The link text or the image's alt text.
        public var text: String
        public var range: SourceRange?
    }

    /// Every heading, in order.
    public var headings: [Heading] {
        var out: [Heading] = []
        document.forEachDescendant { node in
            if case .heading(let level) = node.kind {
                out.append(Heading(level: level, text: Self.squeezed(node.plainText(math: math)), range: node.range))
            }
        }
        return out
    }

    /// The lesson's title: its first level-1 heading, else its first heading.
    public var title: String? {
        var first: MarkdownNode?
        var stack: [MarkdownNode] = [document]
        while let node = stack.popLast() {
            if case .heading(let level) = node.kind {
                if level == 1 { return Self.squeezed(node.plainText(math: math)) }
                if first == nil { first = node }
                continue
            }
            // Headings are blocks: only containers of blocks can hold one.
            switch node.kind {
            case .document, .blockQuote, .list, .item, .notebookCell:
                stack.append(contentsOf: node.children.reversed())
            default:
                break
            }
        }
        return first.map { Self.squeezed($0.plainText(math: math)) }
    }

    /// Code blocks (other than ```` ```output ```` and ```` ```math ````) with their outputs.
    public var codeCells: [CodeCell] {
        var out: [CodeCell] = []
        var cellIndex: Int?
        document.forEachDescendant { node in
            switch node.kind {
            case .notebookCell(let index, _):
                cellIndex = index
            case .codeBlock(let info, let literal):
                let words = Self.infoWords(info)
                let language = words.first?.lowercased() ?? ""
                if language == "output", !out.isEmpty, out[out.count - 1].expectedOutput == nil {
                    out[out.count - 1].expectedOutput = literal
                    out[out.count - 1].expectedOutputLine = node.range?.start.line
                    out[out.count - 1].expectedOutputOptions = Array(words.dropFirst())
                    return
                }
                guard language != "math", language != "output" else { return }
                out.append(
                    CodeCell(
                        language: language, options: Array(words.dropFirst()), source: literal, range: node.range,
                        cell: cellIndex, expectedOutput: nil, expectedOutputLine: nil, storedOutputs: []))
            case .notebookOutput(let kind, let text):
                guard !out.isEmpty else { return }
                out[out.count - 1].storedOutputs.append(text)
                // As nbval does: a notebook's saved standard output is the cell's expected output.
                if kind == "stream" {
                    out[out.count - 1].expectedOutput = (out[out.count - 1].expectedOutput ?? "") + text
                    if out[out.count - 1].expectedOutputLine == nil {
                        out[out.count - 1].expectedOutputLine = node.range?.start.line
                    }
                }
            default:
                break
            }
        }
        return out
    }

    /// Every image, in order.
    public var images: [Reference] { references(images: true) }

    /// Every link (autolinks included), in order; raw HTML `<a>` tags are not parsed.
    public var links: [Reference] { references(images: false) }

    private func references(images: Bool) -> [Reference] {
        var out: [Reference] = []
        document.forEachDescendant { node in
            switch node.kind {
            case .image(let source, let title) where images:
                out.append(
                    Reference(destination: source, title: title, text: node.plainText(math: math), range: node.range))
            case .link(let destination, let title) where !images:
                out.append(
                    Reference(
                        destination: destination, title: title, text: node.plainText(math: math), range: node.range))
            case .htmlBlock(let html) where images, .htmlInline(let html) where images:
                out += HTMLImageScanner.images(in: html, at: node.range)
            default:
                break
            }
        }
        return out
    }

    /// The words of a code block's info string: split at white space, except inside double
    /// quotes, which are removed (`filter="[0-9]+ ms"` is one word, `filter=[0-9]+ ms`).
    public static func infoWords(_ info: String) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quoted = false
        var characters = info.makeIterator()
        while let character = characters.next() {
            if quoted {
                if character == "\\", let next = characters.next() {
                    word.append(next == "\"" || next == "\\" ? next : character)
                    if next != "\"" && next != "\\" { word.append(next) }
                } else if character == "\"" {
                    quoted = false
                } else {
                    word.append(character)
                }
            } else if character == " " || character == "\t" {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else if character == "\"" {
                quoted = true
                inWord = true
            } else {
                word.append(character)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    /// Collapses runs of white space and trims the ends.
    public static func squeezed(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}
