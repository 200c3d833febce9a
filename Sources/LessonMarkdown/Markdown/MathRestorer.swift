import LitmusDiagnostics

/// Puts the formulas back into the tree that cmark built from masked text.
///
/// Masked spans reach cmark's tree in document order, each line of a span as one run of its
/// filler byte. The first run of a span becomes a `.math` node; its further runs (and the soft
/// breaks between them) are dropped. In code the original text is put back and the span is not
/// math after all (cmark decides what is code); in raw HTML the text is put back and the span is
/// kept as a formula, as Jupyter renders math inside HTML blocks.
struct MathRestorer {
    private let source: [UInt8]
    private let spans: [MathScanner.Span]
    private let sourceMap: SourceMap
    private let cell: Int?
    private let firstIndex: Int
    private let lineStarts: [Int]
    /// The formulas found so far, in document order.
    private(set) var math: [MathSpan] = []
    /// The next scanned span not yet met.
    private var nextSpan = 0
    /// A span whose first run was met and whose further lines are still to come.
    private var open: (span: Int, segment: Int)?
    /// The last formula of the current paragraph, while only white space has followed it.
    private var groupCandidate: Int?

    init(
        source: [UInt8], spans: [MathScanner.Span], sourceMap: SourceMap, cell: Int?, firstIndex: Int, lineStarts: [Int]
    ) {
        self.source = source
        self.spans = spans
        self.sourceMap = sourceMap
        self.cell = cell
        self.firstIndex = firstIndex
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
                let mathIndex = appendMath(span)
                nodes.append(MarkdownNode(.math(mathIndex), range: math[mathIndex - firstIndex].range))
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
                if keepsMath, segment == 0 { _ = appendMath(span) }
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
        var candidate = nextSpan
        while candidate < spans.count {
            if filler == self.filler(of: candidate), length == maskedLength(candidate, 0) {
                nextSpan = candidate + 1
                open = spans[candidate].masked.count > 1 ? (candidate, 1) : nil
                return .first(candidate)
            }
            candidate += 1
        }
        return .unknown
    }

    /// Records a ```` ```math ```` fence (cmark's literal, `localRange` in parsed-text
    /// coordinates) as a display formula and returns its lesson-wide index.
    mutating func appendFence(_ literal: String, localRange: SourceRange) -> Int {
        let index = firstIndex + math.count
        var latex = literal
        if latex.hasSuffix("\n") { latex.removeLast() }
        let lineCount = max(latex.split(separator: "\n", omittingEmptySubsequences: false).count, 1)
        let starts = (0..<lineCount).map {
            SourceLocation(line: localRange.start.line + 1 + $0, column: localRange.start.column)
        }
        math.append(
            MathSpan(
                index: index, latex: latex, delimiter: .fence, range: sourceMap.range(localRange), group: index,
                cell: cell, latexLineStarts: starts, sourceMap: sourceMap
            )
        )
        groupCandidate = nil
        return index
    }

    /// Records a restored span as a formula and returns its lesson-wide index.
    private mutating func appendMath(_ spanIndex: Int) -> Int {
        let span = spans[spanIndex]
        let index = firstIndex + math.count
        let latex = span.latex.map { String(decoding: source[$0], as: UTF8.self) }.joined(separator: "\n")
        let starts = span.latex.map { location(of: $0.lowerBound) }
        let start = sourceMap.location(location(of: span.start))
        let end = sourceMap.location(location(of: span.end))
        let group = groupCandidate.map { math[$0 - firstIndex].group } ?? index
        math.append(
            MathSpan(
                index: index, latex: latex, delimiter: span.delimiter,
                range: SourceRange(start: start, end: max(start, end)), group: group, cell: cell,
                latexLineStarts: starts, sourceMap: sourceMap
            )
        )
        groupCandidate = index
        return index
    }

    private func location(of offset: Int) -> SourceLocation {
        LineStarts.location(ofOffset: offset, in: lineStarts)
    }
}
