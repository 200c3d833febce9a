import Foundation

/// A line chart as SVG, for a lesson's cell to show a training curve on its page; drawn in
/// SVG so the page needs no script. Deterministic: the same numbers give the same bytes.
public struct SVGLineChart: Sendable {
    /// One line of the chart.
    public struct Series: Sendable {
        public var name: String
        public var values: [Double]

        public init(_ name: String, _ values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series]
    public var width = 560.0
    public var height = 320.0

    /// A chart; the axis labels are the caller's, and an empty one is not drawn.
    public init(title: String, xLabel: String = "", yLabel: String = "", series: [Series]) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
    }

    static let colours = ["#0969da", "#cf222e", "#1a7f37", "#8250df", "#9a6700", "#57606a"]

    /// The chart's SVG text.
    public func svg() -> String {
        let left = 64.0, right = 16.0, top = 36.0, bottom = 44.0
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let finite = series.flatMap(\.values).filter(\.isFinite)
        var low = finite.min() ?? 0
        var high = finite.max() ?? 1
        if high - low < 1e-12 { high += 0.5; low -= 0.5 }
        let count = max(series.map(\.values.count).max() ?? 1, 2)
        func x(_ index: Int) -> Double { left + plotWidth * Double(index) / Double(count - 1) }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - (value - low) / (high - low)) }
        func number(_ value: Double) -> String { String(format: "%.1f", value) }
        func label(_ value: Double) -> String { String(format: abs(high - low) < 0.1 ? "%.4g" : "%.3g", value) }

        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"\(number(width))\" height=\"\(number(height))\" "
            + "viewBox=\"0 0 \(number(width)) \(number(height))\" role=\"img\" aria-label=\"\(escape(title))\">\n"
        out += "<title>\(escape(title))</title>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(number(width))\" height=\"\(number(height))\" fill=\"#ffffff\" />\n"
        out +=
            "<text x=\"\(number(width / 2))\" y=\"22\" text-anchor=\"middle\" font-size=\"14\" font-family=\"sans-serif\">\(escape(title))</text>\n"
        for tick in 0...4 {
            let value = low + (high - low) * Double(tick) / 4
            out +=
                "<line x1=\"\(number(left))\" y1=\"\(number(y(value)))\" x2=\"\(number(left + plotWidth))\" y2=\"\(number(y(value)))\" stroke=\"#d1d9e0\" stroke-width=\"1\" />\n"
            out +=
                "<text x=\"\(number(left - 6))\" y=\"\(number(y(value) + 4))\" text-anchor=\"end\" font-size=\"11\" font-family=\"sans-serif\">\(label(value))</text>\n"
        }
        if !xLabel.isEmpty {
            out +=
                "<text x=\"\(number(left + plotWidth / 2))\" y=\"\(number(height - 8))\" text-anchor=\"middle\" font-size=\"12\" font-family=\"sans-serif\">\(escape(xLabel))</text>\n"
        }
        if !yLabel.isEmpty {
            out +=
                "<text x=\"14\" y=\"\(number(top + plotHeight / 2))\" text-anchor=\"middle\" font-size=\"12\" font-family=\"sans-serif\" transform=\"rotate(-90 14 \(number(top + plotHeight / 2)))\">\(escape(yLabel))</text>\n"
        }
        out +=
            "<text x=\"\(number(left))\" y=\"\(number(height - 24))\" text-anchor=\"middle\" font-size=\"11\" font-family=\"sans-serif\">1</text>\n"
        out +=
            "<text x=\"\(number(left + plotWidth))\" y=\"\(number(height - 24))\" text-anchor=\"middle\" font-size=\"11\" font-family=\"sans-serif\">\(count)</text>\n"
        for (index, line) in series.enumerated() {
            let colour = Self.colours[index % Self.colours.count]
            // A NaN or an infinity is a gap: the line stops before it and starts again after it
            // (a lone point between two gaps is a dot).
            for run in Self.finiteRuns(line.values) {
                if run.count == 1 {
                    out +=
                        "<circle cx=\"\(number(x(run.lowerBound)))\" cy=\"\(number(y(line.values[run.lowerBound])))\" r=\"2\" fill=\"\(colour)\" />\n"
                    continue
                }
                let points = run.map { "\(number(x($0))),\(number(y(line.values[$0])))" }.joined(separator: " ")
                out += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(points)\" />\n"
            }
            if series.count > 1 {
                let legendY = top + 14 * Double(index)
                out +=
                    "<text x=\"\(number(left + plotWidth - 4))\" y=\"\(number(legendY + 4))\" text-anchor=\"end\" font-size=\"11\" font-family=\"sans-serif\" fill=\"\(colour)\">\(escape(line.name))</text>\n"
            }
        }
        if let note = gapNote() {
            out +=
                "<text x=\"4\" y=\"\(number(height - 8))\" font-size=\"10\" font-family=\"sans-serif\" fill=\"#9a6700\">\(escape(note))</text>\n"
        }
        out += "</svg>\n"
        return out
    }

    /// The index ranges of the runs of finite values.
    static func finiteRuns(_ values: [Double]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int?
        for (index, value) in values.enumerated() {
            if value.isFinite {
                if start == nil { start = index }
            } else if let first = start {
                runs.append(first..<index)
                start = nil
            }
        }
        if let first = start { runs.append(first..<values.count) }
        return runs
    }

    /// `not drawn: NaN at 4, ∞ at 9` (1-based positions, the series named when there are
    /// several), or `nil` when every value is finite.
    func gapNote() -> String? {
        var gaps: [String] = []
        for line in series {
            for (index, value) in line.values.enumerated() where !value.isFinite {
                let kind = value.isNaN ? "NaN" : value > 0 ? "∞" : "−∞"
                gaps.append((series.count > 1 ? line.name + ": " : "") + "\(kind) at \(index + 1)")
            }
        }
        guard !gaps.isEmpty else { return nil }
        let shown = gaps.prefix(3).joined(separator: ", ")
        return "not drawn: " + shown + (gaps.count > 3 ? " and \(gaps.count - 3) more" : "")
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// Draws a line chart from a cell: on the lesson's page it appears below the cell.
/// Outside a lesson run, the SVG is printed.
public func plot(_ values: [Double], title: String, xLabel: String = "", yLabel: String = "") {
    plot([SVGLineChart.Series(yLabel, values)], title: title, xLabel: xLabel, yLabel: yLabel)
}

/// Draws several lines in one chart (e.g. one training curve per learning rate).
public func plot(_ series: [SVGLineChart.Series], title: String, xLabel: String = "", yLabel: String = "") {
    let svg = SVGLineChart(title: title, xLabel: xLabel, yLabel: yLabel, series: series).svg()
    if let run = CellRun.current {
        run.addPlot(svg)
    } else {
        Swift.print(svg, terminator: "")
    }
}
