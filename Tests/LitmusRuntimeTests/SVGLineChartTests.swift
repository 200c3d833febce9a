import Foundation
import Testing

@testable import LitmusRuntime

#if canImport(FoundationXML)
    import FoundationXML
#endif

struct SVGLineChartTests {
    @Test func aChartIsWellFormedDeterministicSVG() {
        let chart = SVGLineChart(
            title: "loss <per> epoch",
            series: [.init("η = 0.1", [1, 0.5, 0.25, 0.2]), .init("η = 1", [1, 0.1, 0.05])])
        let svg = chart.svg()
        #expect(svg == chart.svg())
        #expect(XMLParser(data: Data(svg.utf8)).parse())
        #expect(svg.components(separatedBy: "<polyline").count == 3)
        #expect(svg.contains("loss &lt;per&gt; epoch"))
    }

    @Test func pointsFollowTheValues() {
        let svg = SVGLineChart(title: "t", series: [.init("a", [2, 1])]).svg()
        // 560 × 320 with margins 64/16/36/44: the first point is top-left, the last bottom-right.
        #expect(svg.contains("points=\"64.0,36.0 544.0,276.0\""))
    }

    @Test func nonFiniteValuesAreGapsWithANote() {
        let chart = SVGLineChart(title: "t", series: [.init("a", [1, 2, .nan, 3, .infinity, 4, 5])])
        let svg = chart.svg()
        #expect(XMLParser(data: Data(svg.utf8)).parse())
        // Two lines (1–2 and 6–7) and a dot (4), nothing bridging the gaps.
        #expect(svg.components(separatedBy: "<polyline").count == 3)
        #expect(svg.components(separatedBy: "<circle").count == 2)
        #expect(svg.contains(">not drawn: NaN at 3, ∞ at 5</text>"))
        #expect(SVGLineChart(title: "t", series: [.init("a", [1, 2])]).gapNote() == nil)
        #expect(SVGLineChart.finiteRuns([.nan, 1, 2, -.infinity, 3]) == [1..<3, 4..<5])
    }

    @Test func axisLabelsAreTheCallers() {
        let unlabelled = SVGLineChart(title: "t", series: [.init("a", [1, 2])]).svg()
        #expect(!unlabelled.contains("epoch") && !unlabelled.contains("loss"))
        let labelled = SVGLineChart(title: "t", xLabel: "step", yLabel: "accuracy", series: [.init("a", [1, 2])]).svg()
        #expect(labelled.contains(">step</text>") && labelled.contains(">accuracy</text>"))
    }
}
