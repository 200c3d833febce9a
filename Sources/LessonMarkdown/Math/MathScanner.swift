import LitmusDiagnostics

/// Finds the math spans of a Markdown text *before* cmark-gfm parses it, and masks them.
///
/// cmark would eat `\\` (matrix rows), `\{` and `\_`, read `*…*` and `_…_` inside formulas as
/// emphasis, split `$|x|$` in table cells and start lists inside multi-line `$$`. So each span's
/// bytes are replaced by a filler that cmark passes through as plain text (`0x01` and `0x02`,
/// alternating so that neighbouring spans stay apart), line ends kept, so every line and column
/// outside the spans is unchanged. `CommonMarkConverter` puts the formulas back.
///
/// The same masking carries the references of the lesson's dialect (d2l's `:eqref:`, MyST's
/// `{eq}`, Quarto's `@eq-…`), which come back as `.reference` nodes, and its markup that is not
/// shown (labels, front matter, MyST's cell markers) is replaced by spaces.
///
/// The scanner knows just enough block structure to leave code alone: fenced and indented code
/// blocks, code spans, HTML tags and comments, link destinations and reference definitions.
/// Where its guess differs from cmark's (a line it took for prose is code to cmark), the
/// converter restores the text and drops the span, so cmark always has the last word on code.
///
/// Every search that may fail remembers where it failed, so no input makes the scan quadratic.
struct MathScanner {
    /// A span found by the scanner, in byte offsets of the normalised source.
    struct Span {
        /// What the masked bytes stand for.
        enum Kind {
            case math(MathDelimiter)
            /// A reference in the prose; `text` is the text a ``{ref}`text <name>` `` gives.
            case reference(LabelReference.Syntax, target: String, text: String?)
        }

        var kind: Kind
        /// Whether a math span is display math.
        var isDisplay: Bool
        /// Offset of the opening delimiter's first byte and just past the closing delimiter.
        var start: Int
        var end: Int
        /// The LaTeX, one byte range per source line (continuation-line quote markers excluded).
        var latex: [Range<Int>]
        /// The masked byte ranges, one per source line; an empty range is a blank line inside
        /// the span, which gets one filler byte so that it does not end the paragraph.
        var masked: [Range<Int>]
        /// Labels written around a display formula (`:eqlabel:`, `(label)`, `{#eq-…}`).
        var labels: [LabelMark] = []

        /// The delimiter of a math span; `nil` for a reference.
        var delimiter: MathDelimiter? {
            if case .math(let delimiter) = kind { return delimiter }
            return nil
        }
    }

    /// A label in the dialect's markup, in byte offsets.
    struct LabelMark {
        var name: String
        var syntax: EquationLabel.Syntax
        var range: Range<Int>
    }

    /// A block label in byte offsets.
    struct BlockLabelMark {
        var name: String
        var syntax: BlockLabel.Syntax
        var range: Range<Int>
    }

    /// The result: spans in order, masked bytes, and warnings for unterminated delimiters and
    /// math the dialect does not read.
    struct Result {
        var spans: [Span]
        var masked: [UInt8]
        var diagnostics: [Diagnostic]
        /// Byte offset of each line start (and the length as a sentinel), for positions.
        var lineStarts: [Int]
        var blockLabels: [BlockLabelMark]
    }

    static let fillers: (UInt8, UInt8) = (0x01, 0x02)

    enum LineKind {
        case text, blank, code, referenceDefinition
        /// Markup that is not shown (front matter, MyST's `+++` and `(label)=` lines): it ends a
        /// paragraph as a blank line does.
        case hidden
    }

    let bytes: [UInt8]
    var lineStarts: [Int] = []
    /// End of each line's content (offset of its `\n`, or the text's length).
    var lineEnds: [Int] = []
    /// Offset just past each line's block-quote markers.
    var contentStarts: [Int] = []
    var kinds: [LineKind] = []
    /// The lines opening a fence whose info string starts with `{` (a MyST directive).
    var directiveFenceLines: [Int] = []
    /// The lines of a YAML front matter block, if the text starts with one.
    var frontMatterLines: Range<Int>?
    var rules = DialectRules()
    var dialect = MathDialect.jupyter
    var spans: [Span] = []
    var diagnostics: [Diagnostic] = []
    /// Byte ranges replaced by spaces in the masked text, in order.
    var hidden: [Range<Int>] = []
    var blockLabels: [BlockLabelMark] = []
    /// Memo of failed searches: a search for the same closer starting before the stored
    /// offset fails too, which keeps pathological inputs (thousands of unmatched `\(`) linear.
    var failedSearches: [String: Int] = [:]
    /// Pairs of a delimiter the dialect does not read as math, with the first one's range.
    var unreadPairs: [MathDelimiter: (count: Int, first: Range<Int>)] = [:]
    /// The dialect markup counted while scanning, when a survey is being taken.
    var surveying: DialectSurvey?

    /// Indexes and classifies the lines of normalised lesson bytes (see `LessonSource`).
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        indexLines()
        classifyLines(mystDirectives: false)
    }

    /// Scans the text under `dialect`'s rules.
    mutating func scan(dialect: MathDialect) -> Result {
        self.dialect = dialect
        rules = dialect.rules
        spans = []
        diagnostics = []
        hidden = []
        blockLabels = []
        failedSearches = [:]
        unreadPairs = [:]
        if rules.myst { classifyLines(mystDirectives: true) }
        hideFrontMatter()
        if rules.myst { hideMySTLines() }
        scanInline()
        reportUnreadPairs()
        hidden.sort { $0.lowerBound < $1.lowerBound }
        return Result(
            spans: spans, masked: mask(), diagnostics: diagnostics, lineStarts: lineStarts + [bytes.count],
            blockLabels: blockLabels)
    }

    /// Scans normalised lesson bytes under `dialect`'s rules.
    static func scan(_ bytes: [UInt8], dialect: MathDialect = .jupyter) -> Result {
        var scanner = MathScanner(bytes)
        return scanner.scan(dialect: dialect)
    }

    // MARK: - Lines and blocks

    private mutating func indexLines() {
        var start = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            lineStarts.append(start)
            lineEnds.append(index)
            start = index + 1
        }
        if start < bytes.count || lineStarts.isEmpty {
            lineStarts.append(start)
            lineEnds.append(bytes.count)
        }
        contentStarts = lineStarts.indices.map { quotePrefixEnd(line: $0) }
    }

    /// Past the block-quote markers (`>`, each after up to three spaces, with one optional space).
    private func quotePrefixEnd(line: Int) -> Int {
        var position = lineStarts[line]
        let end = lineEnds[line]
        while true {
            var probe = position
            var spaces = 0
            while probe < end, bytes[probe] == UInt8(ascii: " "), spaces < 3 {
                probe += 1
                spaces += 1
            }
            guard probe < end, bytes[probe] == UInt8(ascii: ">") else { return position }
            probe += 1
            if probe < end, bytes[probe] == UInt8(ascii: " ") { probe += 1 }
            position = probe
        }
    }

    /// Indentation in columns (tabs to the next multiple of 4) and the offset of the first
    /// non-blank byte after the quote markers.
    func indentation(line: Int) -> (columns: Int, first: Int) {
        var columns = 0
        var position = contentStarts[line]
        while position < lineEnds[line] {
            switch bytes[position] {
            case UInt8(ascii: " "): columns += 1
            case UInt8(ascii: "\t"): columns += 4 - columns % 4
            default: return (columns, position)
            }
            position += 1
        }
        return (columns, position)
    }

    /// Classifies every line. With `mystDirectives`, the fences of MyST directives whose
    /// content is Markdown (```` ```{note} ````) are hidden, with their options, and their
    /// content is read as the lesson's text.
    private mutating func classifyLines(mystDirectives: Bool) {
        kinds = Array(repeating: .text, count: lineStarts.count)
        directiveFenceLines = []
        var fence: (byte: UInt8, count: Int)?
        /// The open Markdown directives, innermost last, and whether options may follow.
        var directives: [(byte: UInt8, count: Int)] = []
        var optionsMayFollow = false
        var inIndentedCode = false
        var inList = false
        var previousBlank = true
        var firstLine = 0
        if let frontMatter = findFrontMatter() {
            frontMatterLines = frontMatter
            for line in frontMatter { kinds[line] = .hidden }
            firstLine = frontMatter.upperBound
        }
        for line in firstLine..<lineStarts.count {
            let (columns, first) = indentation(line: line)
            let blank = first == lineEnds[line]
            if let open = fence {
                kinds[line] = .code
                if fenceRun(at: first, line: line).map({ $0.byte == open.byte && $0.count >= open.count && $0.closes })
                    == true
                {
                    fence = nil
                }
                continue
            }
            if blank {
                kinds[line] = .blank
                previousBlank = true
                optionsMayFollow = false
                continue
            }
            if mystDirectives, columns < 4 {
                if let open = directives.last,
                    fenceRun(at: first, line: line).map({ $0.byte == open.byte && $0.count >= open.count && $0.closes })
                        == true
                {
                    directives.removeLast()
                    hideLine(line)
                    continue
                }
                if optionsMayFollow, bytes[first] == UInt8(ascii: ":"), isDirectiveOption(from: first, line: line) {
                    hideLine(line)
                    continue
                }
                optionsMayFollow = false
                if let run = fenceRun(at: first, line: line), run.opens,
                    opensDirective(after: first + run.count, line: line),
                    Self.isMarkdownDirective(directiveName(line: line))
                {
                    directives.append((run.byte, run.count))
                    hideLine(line)
                    optionsMayFollow = true
                    previousBlank = true
                    continue
                }
            }
            if inIndentedCode, columns >= 4 {
                kinds[line] = .code
                continue
            }
            inIndentedCode = false
            if columns >= 4, previousBlank, !inList {
                inIndentedCode = true
                kinds[line] = .code
                continue
            }
            previousBlank = false
            if let run = fenceRun(at: first, line: line), run.opens {
                fence = (run.byte, run.count)
                kinds[line] = .code
                if opensDirective(after: first + run.count, line: line) {
                    directiveFenceLines.append(line)
                }
                continue
            }
            if startsListItem(at: first, line: line) {
                inList = true
            } else if columns < 2, kinds[max(line - 1, 0)] == .blank || line == 0 {
                inList = false
            }
            if columns < 4, isReferenceDefinition(at: first, line: line) {
                kinds[line] = .referenceDefinition
            }
        }
    }

    /// Whether a fence's info string, from `position`, is `{name}` (a MyST directive or a
    /// Quarto cell), not pandoc's attributes (`{.python .input}`).
    private func opensDirective(after position: Int, line: Int) -> Bool {
        let info = skipBlanks(from: position, line: line)
        guard info < lineEnds[line], bytes[info] == UInt8(ascii: "{") else { return false }
        var probe = info + 1
        while probe < lineEnds[line], Self.isLabelByte(bytes[probe]) { probe += 1 }
        return probe > info + 1 && bytes[info + 1].isASCIILetter && probe < lineEnds[line]
            && (bytes[probe] == UInt8(ascii: "}") || bytes[probe] == UInt8(ascii: " "))
    }

    /// Marks `line` as markup that is not shown.
    private mutating func hideLine(_ line: Int) {
        kinds[line] = .hidden
        hidden.append(contentStarts[line]..<lineEnds[line])
    }

    /// `:key: value` from `position` to the end of `line`: a directive's option.
    private func isDirectiveOption(from position: Int, line: Int) -> Bool {
        var probe = position + 1
        while probe < lineEnds[line],
            bytes[probe].isASCIILetter || bytes[probe] == UInt8(ascii: "-")
                || bytes[probe] == UInt8(ascii: "_")
        {
            probe += 1
        }
        return probe > position + 1 && probe < lineEnds[line] && bytes[probe] == UInt8(ascii: ":")
    }

    /// MyST directives whose content is Markdown: admonitions, dropdowns, cards, proofs…
    static func isMarkdownDirective(_ name: String) -> Bool {
        markdownDirectives.contains(name) || name.hasPrefix("prf:")
    }

    private static let markdownDirectives: Set<String> = [
        "note", "warning", "tip", "important", "hint", "caution", "danger", "error", "attention", "seealso",
        "admonition", "topic", "sidebar", "margin", "dropdown", "epigraph", "pull-quote", "div", "card",
        "tab-item", "exercise", "solution", "proof", "theorem", "lemma", "definition", "example", "remark",
    ]

    /// The offset of the first byte after `position` on `line` that is not a space or tab (the
    /// line's end if none).
    func skipBlanks(from position: Int, line: Int) -> Int {
        var probe = position
        while probe < lineEnds[line], bytes[probe] == UInt8(ascii: " ") || bytes[probe] == UInt8(ascii: "\t") {
            probe += 1
        }
        return probe
    }

    /// A run of three or more backticks or tildes at `position`: whether it can open a fence
    /// (a backtick fence's info string has no backtick) and whether it can close one.
    private func fenceRun(at position: Int, line: Int) -> (byte: UInt8, count: Int, opens: Bool, closes: Bool)? {
        let end = lineEnds[line]
        guard position < end, bytes[position] == UInt8(ascii: "`") || bytes[position] == UInt8(ascii: "~") else {
            return nil
        }
        let byte = bytes[position]
        var probe = position
        while probe < end, bytes[probe] == byte { probe += 1 }
        let count = probe - position
        guard count >= 3 else { return nil }
        let rest = bytes[probe..<end]
        let opens = byte == UInt8(ascii: "~") || !rest.contains(UInt8(ascii: "`"))
        let closes = rest.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        return (byte, count, opens, closes)
    }

    private func startsListItem(at position: Int, line: Int) -> Bool {
        let end = lineEnds[line]
        guard position < end else { return false }
        let byte = bytes[position]
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") {
            return position + 1 == end || bytes[position + 1] == UInt8(ascii: " ")
                || bytes[position + 1] == UInt8(ascii: "\t")
        }
        var probe = position
        while probe < end, probe - position < 9, bytes[probe] >= UInt8(ascii: "0"), bytes[probe] <= UInt8(ascii: "9") {
            probe += 1
        }
        guard probe > position, probe < end, bytes[probe] == UInt8(ascii: ".") || bytes[probe] == UInt8(ascii: ")")
        else {
            return false
        }
        return probe + 1 == end || bytes[probe + 1] == UInt8(ascii: " ")
    }

    /// `[label]: destination` — cmark removes such lines from the tree, so nothing in them is math.
    private func isReferenceDefinition(at position: Int, line: Int) -> Bool {
        let end = lineEnds[line]
        guard position < end, bytes[position] == UInt8(ascii: "[") else { return false }
        var probe = position + 1
        while probe < end, bytes[probe] != UInt8(ascii: "]") {
            if bytes[probe] == UInt8(ascii: "\\") { probe += 1 }
            probe += 1
        }
        return probe + 1 < end && bytes[probe + 1] == UInt8(ascii: ":") && probe > position + 1
    }

    /// The lines of a YAML front matter block: `---` on the first line, `key:` lines, and a
    /// closing `---` or `...` (as Jekyll, Jupyter Book, jupytext and Quarto write it).
    private func findFrontMatter() -> Range<Int>? {
        guard lineStarts.count >= 3, isLine(0, exactly: "---"), !isBlank(line: 1) else { return nil }
        for line in 1..<lineStarts.count {
            if isLine(line, exactly: "---") || isLine(line, exactly: "...") { return 0..<(line + 1) }
        }
        return nil
    }

    func isLine(_ line: Int, exactly text: StaticString) -> Bool {
        let length = text.utf8CodeUnitCount
        var end = lineEnds[line]
        while end > lineStarts[line], bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        guard end - lineStarts[line] == length else { return false }
        for index in 0..<length where bytes[lineStarts[line] + index] != text.utf8Start[index] { return false }
        return true
    }

    func isBlank(line: Int) -> Bool {
        skipBlanks(from: lineStarts[line], line: line) == lineEnds[line]
    }

    private mutating func hideFrontMatter() {
        guard let lines = frontMatterLines else { return }
        hidden.append(lineStarts[lines.lowerBound]..<lineEnds[lines.upperBound - 1])
    }

    // MARK: - Inline scan

    /// A position in the text that the inline scan walks: a line and a byte offset in it.
    struct Cursor {
        var line: Int
        var offset: Int
    }

    private mutating func scanInline() {
        var cursor = Cursor(line: 0, offset: 0)
        guard !lineStarts.isEmpty else { return }
        cursor.offset = contentStarts[0]
        // The bytes that may start something: every other byte of prose is skipped at once.
        var special = [Bool](repeating: false, count: 256)
        for byte in "\\$`<]".utf8 { special[Int(byte)] = true }
        if rules.d2lRoles || surveying != nil { special[Int(UInt8(ascii: ":"))] = true }
        if rules.myst || rules.quarto || surveying != nil { special[Int(UInt8(ascii: "{"))] = true }
        if rules.quarto || surveying != nil { special[Int(UInt8(ascii: "@"))] = true }
        while cursor.line < lineStarts.count {
            let line = cursor.line
            let end = lineEnds[line]
            if kinds[line] != .text || cursor.offset >= end {
                cursor = Cursor(line: line + 1, offset: line + 1 < lineStarts.count ? contentStarts[line + 1] : 0)
                continue
            }
            cursor.offset = special.withUnsafeBufferPointer { special in
                bytes.withUnsafeBufferPointer { bytes in
                    var offset = cursor.offset
                    while offset < end, !special[Int(bytes[offset])] { offset += 1 }
                    return offset
                }
            }
            if cursor.offset < end { cursor = scanToken(at: cursor) }
        }
    }

    /// Looks at the byte under `cursor` outside math and returns where to continue.
    private mutating func scanToken(at cursor: Cursor) -> Cursor {
        let position = cursor.offset
        let end = lineEnds[cursor.line]
        let byte = bytes[position]
        let next: UInt8? = position + 1 < end ? bytes[position + 1] : nil
        switch byte {
        case UInt8(ascii: "\\"):
            return scanBackslash(at: cursor, next: next)
        case UInt8(ascii: "$"):
            if next == UInt8(ascii: "$") {
                return openSpan(.doubleDollar, at: cursor, openerLength: 2)
            }
            if rules.pandocDollars, !opensPandocDollar(at: position, end: end) {
                return Cursor(line: cursor.line, offset: position + 1)
            }
            return openSpan(.dollar, at: cursor, openerLength: 1)
        case UInt8(ascii: "`"):
            return skipCodeSpan(at: cursor)
        case UInt8(ascii: "<"):
            return skipHTML(at: cursor)
        case UInt8(ascii: "]"):
            if next == UInt8(ascii: "(") { return skipLinkDestination(at: cursor) }
            return Cursor(line: cursor.line, offset: position + 1)
        case UInt8(ascii: ":"):
            if rules.d2lRoles { return scanD2LRole(at: cursor) ?? Cursor(line: cursor.line, offset: position + 1) }
            surveyColon(at: cursor)
            return Cursor(line: cursor.line, offset: position + 1)
        case UInt8(ascii: "{"):
            if rules.myst || rules.quarto {
                return scanBrace(at: cursor) ?? Cursor(line: cursor.line, offset: position + 1)
            }
            surveyBrace(at: cursor)
            return Cursor(line: cursor.line, offset: position + 1)
        case UInt8(ascii: "@"):
            if rules.quarto {
                return scanQuartoReference(at: cursor) ?? Cursor(line: cursor.line, offset: position + 1)
            }
            surveyAt(cursor)
            return Cursor(line: cursor.line, offset: position + 1)
        default:
            return Cursor(line: cursor.line, offset: position + 1)
        }
    }

    /// A backslash outside math: `\(`, `\[`, kramdown's `\\(` and `\\[`, a bare `\begin{…}`,
    /// or an escape, each as the dialect reads it.
    private mutating func scanBackslash(at cursor: Cursor, next: UInt8?) -> Cursor {
        let position = cursor.offset
        let end = lineEnds[cursor.line]
        if next == UInt8(ascii: "(") || next == UInt8(ascii: "[") {
            let delimiter: MathDelimiter = next == UInt8(ascii: "(") ? .parenthesis : .bracket
            if rules.singleBackslash { return openSpan(delimiter, at: cursor, openerLength: 2) }
            noteUnreadPair(delimiter, at: cursor, openerLength: 2)
            return Cursor(line: cursor.line, offset: position + 2)
        }
        if next == UInt8(ascii: "\\"), position + 2 < end,
            bytes[position + 2] == UInt8(ascii: "(") || bytes[position + 2] == UInt8(ascii: "[")
        {
            let delimiter: MathDelimiter =
                bytes[position + 2] == UInt8(ascii: "(") ? .doubleBackslashParenthesis : .doubleBackslashBracket
            if rules.doubleBackslash { return openSpan(delimiter, at: cursor, openerLength: 3) }
            noteUnreadPair(delimiter, at: cursor, openerLength: 3)
            return Cursor(line: cursor.line, offset: position + 3)
        }
        if next == UInt8(ascii: "r") || next == UInt8(ascii: "e"), rules.texReferencesInProse,
            let cursor = scanTeXReference(at: cursor)
        {
            return cursor
        }
        if next == UInt8(ascii: "b"), let name = environmentName(at: position, prefix: "\\begin"),
            MathDelimiter.bareEnvironments.contains(name), onlyBlanksBefore(position, line: cursor.line)
        {
            return openSpan(.environment(name), at: cursor, openerLength: closingBrace(after: position) - position)
        }
        return Cursor(line: cursor.line, offset: min(position + 2, end))
    }

    func onlyBlanksBefore(_ position: Int, line: Int) -> Bool {
        bytes[contentStarts[line]..<position].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// The `name` of `\begin{name}` / `\end {name}` at `position` (spaces allowed before `{`).
    func environmentName(at position: Int, prefix: String) -> String? {
        let prefixBytes = Array(prefix.utf8)
        guard position + prefixBytes.count < bytes.count,
            bytes[position..<(position + prefixBytes.count)].elementsEqual(prefixBytes)
        else { return nil }
        var probe = position + prefixBytes.count
        while probe < bytes.count, bytes[probe] == UInt8(ascii: " ") { probe += 1 }
        guard probe < bytes.count, bytes[probe] == UInt8(ascii: "{") else { return nil }
        let nameStart = probe + 1
        probe = nameStart
        while probe < bytes.count, probe - nameStart < 40,
            bytes[probe].isASCIILetter || bytes[probe] == UInt8(ascii: "*")
        {
            probe += 1
        }
        guard probe < bytes.count, bytes[probe] == UInt8(ascii: "}"), probe > nameStart else { return nil }
        return String(decoding: bytes[nameStart..<probe], as: UTF8.self)
    }

    // MARK: - Math spans

    /// Tries to read a span whose opener starts at `cursor`; on success records it and returns
    /// the position after its closer (and any label the dialect writes after it), otherwise
    /// warns and returns the position after the opener.
    private mutating func openSpan(_ delimiter: MathDelimiter, at cursor: Cursor, openerLength: Int) -> Cursor {
        let contentStart = Cursor(line: cursor.line, offset: cursor.offset + openerLength)
        if let (closerStart, closerEnd) = findCloser(for: delimiter, from: contentStart) {
            var display = delimiter.isDisplay
            if delimiter == .doubleDollar, rules.doubleDollarInlineInText {
                display = standsAlone(from: cursor, to: closerEnd)
            }
            record(
                .math(delimiter), display: display, opener: cursor, contentStart: contentStart,
                closerStart: closerStart, closerEnd: closerEnd)
            if surveying != nil, delimiter == .doubleDollar { surveyDisplayLabel(after: closerEnd) }
            if display { return labelAfterDisplay(closerEnd) }
            return closerEnd
        }
        let openerEnd = cursor.offset + max(openerLength, 1)
        if case .environment = delimiter {
            // A bare \begin without its \end is left to the TeX reader; not a dollar problem.
        } else if !(delimiter == .dollar && rules.pandocDollars) {
            // pandoc leaves a `$` without its partner as a dollar sign, silently.
            let location = location(ofOffset: cursor.offset)
            let endLocation = SourceLocation(line: location.line, column: location.column + max(openerLength, 1))
            diagnostics.append(.unterminatedMath(delimiter, at: SourceRange(start: location, end: endLocation)))
        }
        return Cursor(line: cursor.line, offset: openerEnd)
    }

    /// Finds the closing delimiter. Inline spans stop at a blank line; display spans may cross
    /// blank lines. No span crosses a code block. Backslash pairs inside math are skipped, so
    /// `\$`, `\\` and `\)` inside an environment are not closers.
    mutating func findCloser(for delimiter: MathDelimiter, from start: Cursor) -> (Cursor, Cursor)? {
        let key = delimiter.closing
        let startOffset = start.offset
        // pandoc's `$` stops at the next `$` whatever it finds, so it needs no memo.
        let remembers = !(delimiter == .dollar && rules.pandocDollars)
        if remembers, let failedUpTo = failedSearches[key], startOffset < failedUpTo { return nil }
        let allowsBlankLines = delimiter.isDisplay
        var cursor = start
        var depth = 0
        var lastOffset = startOffset
        while cursor.line < lineStarts.count {
            let line = cursor.line
            let end = lineEnds[line]
            var position = cursor.offset
            while position < end {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\\") {
                    switch delimiter {
                    case .parenthesis where position + 1 < end && bytes[position + 1] == UInt8(ascii: ")"):
                        return (Cursor(line: line, offset: position), Cursor(line: line, offset: position + 2))
                    case .bracket where position + 1 < end && bytes[position + 1] == UInt8(ascii: "]"):
                        return (Cursor(line: line, offset: position), Cursor(line: line, offset: position + 2))
                    case .doubleBackslashParenthesis
                    where position + 2 < end && bytes[position + 1] == UInt8(ascii: "\\")
                        && bytes[position + 2] == UInt8(ascii: ")"):
                        return (Cursor(line: line, offset: position), Cursor(line: line, offset: position + 3))
                    case .doubleBackslashBracket
                    where position + 2 < end && bytes[position + 1] == UInt8(ascii: "\\")
                        && bytes[position + 2] == UInt8(ascii: "]"):
                        return (Cursor(line: line, offset: position), Cursor(line: line, offset: position + 3))
                    case .environment(let name):
                        if environmentName(at: position, prefix: "\\begin") == name {
                            depth += 1
                        } else if environmentName(at: position, prefix: "\\end") == name {
                            if depth == 0 {
                                let close = closingBrace(after: position)
                                return (Cursor(line: line, offset: close), Cursor(line: line, offset: close))
                            }
                            depth -= 1
                        }
                    default:
                        break
                    }
                    position += 2
                    continue
                }
                if byte == UInt8(ascii: "$") {
                    if delimiter == .dollar {
                        // pandoc closes at the first `$`, or the opener is a dollar sign.
                        if rules.pandocDollars, !closesPandocDollar(at: position, end: end) { return nil }
                        return (Cursor(line: line, offset: position), Cursor(line: line, offset: position + 1))
                    }
                    if delimiter == .doubleDollar, position + 1 < end, bytes[position + 1] == UInt8(ascii: "$") {
                        return (Cursor(line: line, offset: position), Cursor(line: line, offset: position + 2))
                    }
                }
                position += 1
            }
            lastOffset = end
            // Move to the next line, honouring blank lines and code blocks.
            var nextLine = line + 1
            while nextLine < lineStarts.count, kinds[nextLine] == .blank {
                if !allowsBlankLines { break }
                nextLine += 1
            }
            guard nextLine < lineStarts.count, kinds[nextLine] == .text || kinds[nextLine] == .referenceDefinition,
                allowsBlankLines || nextLine == line + 1
            else { break }
            cursor = Cursor(line: nextLine, offset: contentStarts[nextLine])
        }
        if remembers { failedSearches[key] = max(failedSearches[key] ?? 0, lastOffset) }
        return nil
    }

    /// Offset just past the `}` of the `\end{…}` starting at `position`.
    func closingBrace(after position: Int) -> Int {
        var probe = position
        while probe < bytes.count, bytes[probe] != UInt8(ascii: "}") { probe += 1 }
        return min(probe + 1, bytes.count)
    }

    /// Records a span from its opener to its closer, one masked range per line.
    mutating func record(
        _ kind: Span.Kind, display: Bool, opener: Cursor, contentStart: Cursor, closerStart: Cursor, closerEnd: Cursor
    ) {
        var latex: [Range<Int>] = []
        var masked: [Range<Int>] = []
        var line = opener.line
        while line <= closerStart.line {
            let latexStart = line == opener.line ? contentStart.offset : contentStarts[line]
            let latexEnd = line == closerStart.line ? closerStart.offset : lineEnds[line]
            let maskStart = line == opener.line ? opener.offset : contentStarts[line]
            let maskEnd = line == closerStart.line ? closerEnd.offset : lineEnds[line]
            latex.append(latexStart..<max(latexStart, latexEnd))
            masked.append(maskStart..<max(maskStart, maskEnd))
            line += 1
        }
        if case .math(.environment) = kind {
            // The environment's LaTeX is the whole `\begin…\end` block: it is its own delimiter.
            latex[0] = opener.offset..<latex[0].upperBound
            latex[latex.count - 1] = latex[latex.count - 1].lowerBound..<closerEnd.offset
        }
        spans.append(
            Span(
                kind: kind, isDisplay: display, start: opener.offset, end: closerEnd.offset, latex: latex,
                masked: masked))
    }

    // MARK: - Things that are never math

    /// A backtick run opens a code span when the same run closes it in the same paragraph;
    /// otherwise the backticks are literal.
    private mutating func skipCodeSpan(at cursor: Cursor) -> Cursor {
        let position = runEnd(of: UInt8(ascii: "`"), from: cursor.offset, line: cursor.line)
        return closingRun(at: cursor, runEnd: position)?.end ?? Cursor(line: cursor.line, offset: position)
    }

    /// The end of the run of `byte` starting at `position` on `line`.
    func runEnd(of byte: UInt8, from position: Int, line: Int) -> Int {
        var probe = position
        while probe < lineEnds[line], bytes[probe] == byte { probe += 1 }
        return probe
    }

    /// The backtick run closing the one that starts at `cursor` and ends at `runEnd`, within the
    /// paragraph: where it starts and where it ends; `nil` when none does.
    mutating func closingRun(at cursor: Cursor, runEnd position: Int) -> (start: Cursor, end: Cursor)? {
        let count = position - cursor.offset
        let key = "`" + String(count)
        if let failedUpTo = failedSearches[key], position < failedUpTo { return nil }
        var line = cursor.line
        var probe = position
        while line < lineStarts.count {
            let lineEnd = lineEnds[line]
            while probe < lineEnd {
                if bytes[probe] == UInt8(ascii: "`") {
                    let runStart = probe
                    while probe < lineEnd, bytes[probe] == UInt8(ascii: "`") { probe += 1 }
                    if probe - runStart == count {
                        return (Cursor(line: line, offset: runStart), Cursor(line: line, offset: probe))
                    }
                } else {
                    probe += 1
                }
            }
            line += 1
            guard line < lineStarts.count, kinds[line] == .text else { break }
            probe = contentStarts[line]
        }
        failedSearches[key] = max(failedSearches[key] ?? 0, lineEnds[min(line, lineStarts.count - 1)])
        return nil
    }

    /// Skips an HTML comment, a raw-text element (`<pre>`, `<code>`, `<script>`, …) with its
    /// content, or a tag with its attributes; a `<` that starts none of these is literal.
    private mutating func skipHTML(at cursor: Cursor) -> Cursor {
        let position = cursor.offset
        if starts(with: "<!--", at: position) {
            if surveying != nil { surveyComment(at: position) }
            if let close = find("-->", from: position + 4) { return cursorAfter(offset: close + 3) }
            return Cursor(line: cursor.line, offset: position + 4)
        }
        guard position + 1 < bytes.count,
            bytes[position + 1].isASCIILetter || bytes[position + 1] == UInt8(ascii: "/")
                || bytes[position + 1] == UInt8(ascii: "!") || bytes[position + 1] == UInt8(ascii: "?")
        else { return Cursor(line: cursor.line, offset: position + 1) }
        guard let tagEnd = endOfTag(from: position + 1, line: cursor.line) else {
            return Cursor(line: cursor.line, offset: position + 1)
        }
        for element in ["pre", "code", "script", "style", "textarea"] where startsTag(element, at: position) {
            if let close = find("</" + element, from: tagEnd.offset, caseInsensitive: true) {
                return cursorAfter(offset: close + element.utf8.count + 2)
            }
        }
        return tagEnd
    }

    /// Past the `>` closing a tag, quotes respected, within the paragraph.
    private func endOfTag(from start: Int, line: Int) -> Cursor? {
        var line = line
        var position = start
        var quote: UInt8?
        while line < lineStarts.count {
            while position < lineEnds[line] {
                let byte = bytes[position]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    return Cursor(line: line, offset: position + 1)
                } else if byte == UInt8(ascii: "<") {
                    return nil
                }
                position += 1
            }
            line += 1
            guard line < lineStarts.count, kinds[line] == .text else { return nil }
            position = contentStarts[line]
        }
        return nil
    }

    private func startsTag(_ name: String, at position: Int) -> Bool {
        let nameBytes = Array(name.utf8)
        let after = position + 1 + nameBytes.count
        guard after < bytes.count else { return false }
        for (index, byte) in nameBytes.enumerated() where bytes[position + 1 + index] | 0x20 != byte {
            return false
        }
        let terminator = bytes[after]
        return terminator == UInt8(ascii: ">") || terminator == UInt8(ascii: " ") || terminator == UInt8(ascii: "\n")
            || terminator == UInt8(ascii: "\t") || terminator == UInt8(ascii: "/")
    }

    /// How far a link destination is looked for: a bound keeps a line of many `](` linear.
    private static let maximumDestinationLength = 4096

    /// `](destination "title")`: skipped to its closing parenthesis on the same line.
    private func skipLinkDestination(at cursor: Cursor) -> Cursor {
        let end = min(lineEnds[cursor.line], cursor.offset + Self.maximumDestinationLength)
        var position = cursor.offset + 2
        var depth = 0
        var inAngle = false
        while position < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\\") {
                position += 2
                continue
            }
            if byte == UInt8(ascii: "<") { inAngle = true }
            if byte == UInt8(ascii: ">") { inAngle = false }
            if !inAngle {
                if byte == UInt8(ascii: "(") { depth += 1 }
                if byte == UInt8(ascii: ")") {
                    if depth == 0 { return Cursor(line: cursor.line, offset: position + 1) }
                    depth -= 1
                }
            }
            position += 1
        }
        return Cursor(line: cursor.line, offset: cursor.offset + 1)
    }

    // MARK: - Byte search helpers

    func starts(with text: String, at position: Int) -> Bool {
        let needle = Array(text.utf8)
        return position + needle.count <= bytes.count
            && bytes[position..<(position + needle.count)].elementsEqual(needle)
    }

    /// The first offset from `start` where `text` occurs; a failed search is remembered, so a
    /// later one for the same text from no further on fails at once.
    private mutating func find(_ text: String, from start: Int, caseInsensitive: Bool = false) -> Int? {
        let key = (caseInsensitive ? "i" : "s") + text
        if let failedFrom = failedSearches[key], start >= failedFrom { return nil }
        let needle = Array(text.utf8)
        let fold: UInt8 = caseInsensitive ? 0x20 : 0
        var position = start
        while position + needle.count <= bytes.count {
            if bytes[position] | fold == needle[0] | fold {
                var matches = true
                for index in 1..<needle.count where bytes[position + index] | fold != needle[index] | fold {
                    matches = false
                    break
                }
                if matches { return position }
            }
            position += 1
        }
        failedSearches[key] = min(failedSearches[key] ?? start, start)
        return nil
    }

    /// The cursor at a byte offset (used after skipping across lines).
    private func cursorAfter(offset: Int) -> Cursor {
        let line = lineIndex(ofOffset: offset)
        return Cursor(line: line, offset: max(offset, contentStarts[line]))
    }

    func lineIndex(ofOffset offset: Int) -> Int {
        LineStarts.lineIndex(ofOffset: offset, in: lineStarts)
    }

    func location(ofOffset offset: Int) -> SourceLocation {
        LineStarts.location(ofOffset: offset, in: lineStarts)
    }

    func range(_ offsets: Range<Int>) -> SourceRange {
        SourceRange(start: location(ofOffset: offsets.lowerBound), end: location(ofOffset: offsets.upperBound))
    }

    // MARK: - Mask

    /// The source with every span's bytes replaced by its filler and every hidden range by
    /// spaces, line ends kept.
    private func mask() -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + 16)
        var copied = 0
        var nextHidden = 0
        /// Copies the source up to `offset`, blanking the hidden ranges on the way.
        func copy(upTo offset: Int) {
            while nextHidden < hidden.count, hidden[nextHidden].lowerBound < offset {
                let range = hidden[nextHidden].clamped(to: copied..<max(copied, offset))
                out.append(contentsOf: bytes[copied..<range.lowerBound])
                for byte in bytes[range] { out.append(byte == UInt8(ascii: "\n") ? byte : UInt8(ascii: " ")) }
                copied = range.upperBound
                if hidden[nextHidden].upperBound <= offset { nextHidden += 1 } else { break }
            }
            out.append(contentsOf: bytes[copied..<max(copied, offset)])
            copied = max(copied, offset)
        }
        for (index, span) in spans.enumerated() {
            let filler = index % 2 == 0 ? Self.fillers.0 : Self.fillers.1
            for range in span.masked {
                copy(upTo: range.lowerBound)
                if range.isEmpty {
                    out.append(filler)
                } else {
                    out.append(contentsOf: repeatElement(filler, count: range.count))
                }
                copied = range.upperBound
            }
        }
        copy(upTo: bytes.count)
        return out
    }
}

extension UInt8 {
    var isASCIILetter: Bool { (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z") }

    var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}
