import LitmusDiagnostics

/// Puts the formulas back into the tree that cmark built from masked text.
///
/// Masked spans reach cmark's tree in document order, each line of a span as one run of its
/// filler byte. The first run of a span becomes a `.math` node; its further runs (and the soft
/// breaks between them) are dropped. In code the original text is put back and the span is not
/// math after all (cmark decides what is code); in raw HTML the text is put back and the span is
/// kept as a formula, as Jupyter renders math inside HTML blocks.
///
/// A masked reference (d2l's `:eqref:`, MyST's `{eq}`…) comes back the same way, as a
/// `.reference` node; in code or HTML it is its text again.
struct MathRestorer {
    private let source: [UInt8]
    private let spans: [MathScanner.Span]
    private let sourceMap: SourceMap
    private let cell: Int?
    private let firstIndex: Int
    private let firstReference: Int
    private let lineStarts: [Int]
    /// The formulas found so far, in document order.
    private(set) var math: [MathSpan] = []
    /// The references found so far (in the prose and inside formulas), in document order.
    private(set) var references: [LabelReference] = []
    /// Runs that matched no span, by the span they were looked for from: the same run looked
    /// for again from there fails at once.
    private var unmatchedRuns: Set<UnmatchedRun> = []
    /// The next scanned span not yet met.
    private var nextSpan = 0
    /// A span whose first run was met and whose further lines are still to come.
    private var open: (span: Int, segment: Int)?
    /// The last formula of the current paragraph, while only white space has followed it.
    private var groupCandidate: Int?

    private struct UnmatchedRun: Hashable {
        var from: Int
        var filler: UInt8
        var length: Int
    }

    init(
        source: [UInt8], spans: [MathScanner.Span], sourceMap: SourceMap, cell: Int?, firstIndex: Int,
        firstReference: Int, lineStarts: [Int]
    ) {
        self.source = source
        self.spans = spans
        self.sourceMap = sourceMap
        self.cell = cell
        self.firstIndex = firstIndex
        self.firstReference = firstReference
        self.lineStarts = lineStarts
    }

    /// Whether further lines of a multi-line span are expected (soft breaks are then dropped).
    var isInsideSpan: Bool { open != nil }

    /// Something other than text or white space came: the next formula starts a new group.
    mutating func interruptGroup() {
        if open == nil { groupCandidate = nil }
    }

    /// Splits a text node at its filler runs into text and `.math` nodes.
    mutating func restoreInline(_ text: String, range: SourceRange?) -> [MarkdownNode] {
        let bytes = Array(text.utf8)
        guard bytes.contains(where: Self.isFiller) else {
            if !bytes.allSatisfy(Self.isWhitespace) { groupCandidate = nil }
            return [MarkdownNode(.text(text), range: range)]
        }
        var nodes: [MarkdownNode] = []
        var plainStart = 0
        var index = 0
        func flushPlain(upTo end: Int) {
            guard end > plainStart else { return }
            let piece = bytes[plainStart..<end]
            if !piece.allSatisfy(Self.isWhitespace) { groupCandidate = nil }
            nodes.append(MarkdownNode(.text(String(decoding: piece, as: UTF8.self)), range: range))
        }
        while index < bytes.count {
            guard Self.isFiller(bytes[index]) else {
                index += 1
                continue
            }
            let filler = bytes[index]
            var runEnd = index
            while runEnd < bytes.count, bytes[runEnd] == filler { runEnd += 1 }
            flushPlain(upTo: index)
            switch claim(filler: filler, length: runEnd - index) {
            case .first(let span):
                nodes.append(node(for: span))
            case .continuation:
                break
            case .unknown:
                nodes.append(MarkdownNode(.text(String(decoding: bytes[index..<runEnd], as: UTF8.self)), range: range))
            }
            index = runEnd
            plainStart = runEnd
        }
        flushPlain(upTo: bytes.count)
        return nodes
    }

    /// Puts the original text back into a literal (code, HTML). With `keepsMath`, the spans
    /// met are kept as formulas; otherwise they are not math.
    mutating func restoreLiteral(_ text: String, keepsMath: Bool) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(where: Self.isFiller) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard Self.isFiller(bytes[index]) else {
                out.append(bytes[index])
                index += 1
                continue
            }
            let filler = bytes[index]
            var runEnd = index
            while runEnd < bytes.count, bytes[runEnd] == filler { runEnd += 1 }
            let claimed = claim(filler: filler, length: runEnd - index)
            switch claimed {
            case .first(let span), .continuation(let span, _):
                let segment: Int
                if case .continuation(_, let number) = claimed { segment = number } else { segment = 0 }
                out.append(contentsOf: source[spans[span].masked[segment]])
                if keepsMath, segment == 0, spans[span].delimiter != nil { _ = appendMath(span) }
            case .unknown:
                out.append(contentsOf: bytes[index..<runEnd])
            }
            index = runEnd
        }
        groupCandidate = nil
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Matching runs to spans

    private enum Claim {
        case first(Int)
        case continuation(Int, segment: Int)
        case unknown
    }

    private static func isFiller(_ byte: UInt8) -> Bool {
        byte == MathScanner.fillers.0 || byte == MathScanner.fillers.1
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
    }

    private func filler(of span: Int) -> UInt8 {
        span % 2 == 0 ? MathScanner.fillers.0 : MathScanner.fillers.1
    }

    private func maskedLength(_ span: Int, _ segment: Int) -> Int {
        max(spans[span].masked[segment].count, 1)
    }

    /// Decides which span a run belongs to: the open span's next line, or the next span whose
    /// filler and first-line length match (spans cmark swallowed, such as ones in a link
    /// title, are skipped over).
    private mutating func claim(filler: UInt8, length: Int) -> Claim {
        if let (span, segment) = open {
            if filler == self.filler(of: span), length == maskedLength(span, segment) {
                open = segment + 1 < spans[span].masked.count ? (span, segment + 1) : nil
                return .continuation(span, segment: segment)
            }
            open = nil
        }
        let run = UnmatchedRun(from: nextSpan, filler: filler, length: length)
        guard !unmatchedRuns.contains(run) else { return .unknown }
        var candidate = nextSpan
        while candidate < spans.count {
            if filler == self.filler(of: candidate), length == maskedLength(candidate, 0) {
                nextSpan = candidate + 1
                open = spans[candidate].masked.count > 1 ? (candidate, 1) : nil
                return .first(candidate)
            }
            candidate += 1
        }
        unmatchedRuns.insert(run)
        return .unknown
    }

    /// Records a ```` ```math ```` fence or a MyST ```` ```{math} ```` directive (cmark's
    /// literal, `localRange` in parsed-text coordinates) as a display formula and returns its
    /// lesson-wide index. A directive's options (`:label: name`) come first and are not LaTeX.
    mutating func appendFence(_ literal: String, localRange: SourceRange, directive: Bool) -> Int {
        let index = firstIndex + math.count
        var lines = literal.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let contentLine = localRange.start.line + 1
        var labels: [EquationLabel] = []
        var skipped = 0
        if directive {
            // `:key: value` lines, then an optional blank line, as MyST writes options.
            while skipped < lines.count, let option = Self.directiveOption(lines[skipped]) {
                if option.key == "label" {
                    let local = SourceLocation(line: contentLine + skipped, column: localRange.start.column)
                    let end = SourceLocation(line: local.line, column: local.column + lines[skipped].utf8.count)
                    labels.append(
                        EquationLabel(
                            name: option.value, syntax: .myst,
                            range: sourceMap.range(SourceRange(start: local, end: end))
                        ))
                }
                skipped += 1
            }
            if skipped > 0, skipped < lines.count, lines[skipped].allSatisfy({ $0 == " " || $0 == "\t" }) {
                skipped += 1
            }
        }
        let latexLines = Array(lines.dropFirst(skipped))
        let starts = (0..<max(latexLines.count, 1)).map {
            SourceLocation(line: contentLine + skipped + $0, column: localRange.start.column)
        }
        var span = MathSpan(
            index: index, latex: latexLines.joined(separator: "\n"), delimiter: directive ? .directive : .fence,
            range: sourceMap.range(localRange), group: index, cell: cell, isDisplay: true,
            latexLineStarts: starts, sourceMap: sourceMap)
        span.labels = labels
        readLaTeXLabels(into: &span)
        math.append(span)
        groupCandidate = nil
        return index
    }

    /// A MyST directive option line, `:key: value`.
    private static func directiveOption(_ line: String) -> (key: String, value: String)? {
        let trimmed = line.trimmingSpaces
        guard trimmed.hasPrefix(":"), let colon = trimmed.dropFirst().firstIndex(of: ":") else { return nil }
        let key = trimmed[trimmed.index(after: trimmed.startIndex)..<colon]
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "_" }) else { return nil }
        return (String(key), String(trimmed[trimmed.index(after: colon)...]).trimmingSpaces)
    }

    /// The node a claimed span becomes: a formula or a reference.
    private mutating func node(for spanIndex: Int) -> MarkdownNode {
        let span = spans[spanIndex]
        guard case .reference(let syntax, let target, let text) = span.kind else {
            let mathIndex = appendMath(spanIndex)
            return MarkdownNode(.math(mathIndex), range: math[mathIndex - firstIndex].range)
        }
        let range = SourceRange(start: fileLocation(of: span.start), end: fileLocation(of: span.end))
        let index = firstReference + references.count
        references.append(LabelReference(target: target, syntax: syntax, range: range, text: text, cell: cell))
        // Where nothing resolves the reference, a reader sees it as written.
        let written = String(decoding: source[span.start..<span.end], as: UTF8.self)
        groupCandidate = nil
        return MarkdownNode(.reference(index), range: range, children: [MarkdownNode(.text(written), range: range)])
    }

    /// Records a restored span as a formula and returns its lesson-wide index.
    private mutating func appendMath(_ spanIndex: Int) -> Int {
        let span = spans[spanIndex]
        let index = firstIndex + math.count
        let latex = span.latex.map { String(decoding: source[$0], as: UTF8.self) }.joined(separator: "\n")
        let starts = span.latex.map { location(of: $0.lowerBound) }
        let start = fileLocation(of: span.start)
        let end = fileLocation(of: span.end)
        let group = groupCandidate.map { math[$0 - firstIndex].group } ?? index
        var formula = MathSpan(
            index: index, latex: latex, delimiter: span.delimiter ?? .dollar,
            range: SourceRange(start: start, end: max(start, end)), group: group, cell: cell,
            isDisplay: span.isDisplay, latexLineStarts: starts, sourceMap: sourceMap
        )
        if !span.labels.isEmpty {
            formula.labels = span.labels.map { mark in
                EquationLabel(
                    name: mark.name, syntax: mark.syntax,
                    range: SourceRange(
                        start: fileLocation(of: mark.range.lowerBound), end: fileLocation(of: mark.range.upperBound)))
            }
        }
        readLaTeXLabels(into: &formula)
        math.append(formula)
        groupCandidate = index
        return index
    }

    /// Adds the `\label`s, `\tag`s and numbering switches of a formula's LaTeX to it, and its
    /// `\ref`s and `\eqref`s to the lesson's references.
    private mutating func readLaTeXLabels(into formula: inout MathSpan) {
        let scanner = TeXLabelScanner(formula.latex)
        formula.isUnnumbered = scanner.isStarredEnvironment
        for found in scanner.found {
            let range = SourceRange(
                start: formula.fileLocation(ofLatex: found.start), end: formula.fileLocation(ofLatex: found.end))
            switch found.kind {
            case .label:
                formula.labels.append(EquationLabel(name: found.argument, syntax: .tex, range: range, row: found.row))
            case .tag(let starred):
                formula.tags.append(EquationTag(text: found.argument, starred: starred, range: range, row: found.row))
            case .noNumber:
                if found.row == 0 { formula.isUnnumbered = true }
            case .reference(let equation):
                references.append(
                    LabelReference(
                        target: found.argument, syntax: equation ? .texEquation : .texPlain, range: range,
                        formula: formula.index, cell: cell))
            }
        }
    }

    private func fileLocation(of offset: Int) -> SourceLocation {
        sourceMap.location(location(of: offset))
    }

    private func location(of offset: Int) -> SourceLocation {
        LineStarts.location(ofOffset: offset, in: lineStarts)
    }
}
