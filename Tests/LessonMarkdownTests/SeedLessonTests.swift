import LitmusDiagnostics
import Testing

@testable import LessonMarkdown

@Suite("The seed lesson", .enabled(if: Seed.isAvailable, "../shared/seeds is absent (a user's clone)"))
struct SeedLessonTests {
    let bytes = Seed.bytes
    let lesson: Lesson

    init() throws {
        lesson = try LessonParser.parse(Seed.bytes, path: "seed.md")
    }

    /// The bytes of the file between two positions.
    private func slice(from start: SourceLocation, to end: SourceLocation) -> String {
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        var offsets: [Int] = []
        var offset = 0
        for line in lines {
            offsets.append(offset)
            offset += line.count + 1
        }
        let from = offsets[start.line - 1] + start.column - 1
        let to = offsets[end.line - 1] + end.column - 1
        return String(decoding: bytes[from..<to], as: UTF8.self)
    }

    @Test func findsExactly64FormulasWith11Display() {
        #expect(lesson.math.count == 64)
        #expect(lesson.math.filter(\.isDisplay).count == 11)
        #expect(lesson.math.filter { !$0.isDisplay }.count == 53)
        #expect(lesson.diagnostics.isEmpty)
    }

    @Test func everyFormulaIsTheSourceTextBetweenItsDelimitersByteForByte() {
        for span in lesson.math {
            let opener = span.delimiter.opening.utf8.count
            let closer = span.delimiter.closing.utf8.count
            let start = SourceLocation(line: span.range.start.line, column: span.range.start.column + opener)
            let end = SourceLocation(line: span.range.end.line, column: span.range.end.column - closer)
            #expect(slice(from: span.range.start, to: start) == span.delimiter.opening, "span #\(span.index)")
            #expect(slice(from: start, to: end) == span.latex, "span #\(span.index) at \(span.range.start)")
            #expect(slice(from: end, to: span.range.end) == span.delimiter.closing, "span #\(span.index)")
        }
    }

    @Test func theSixByFiveWeightMatrixKeepsItsRowBreaks() throws {
        let span = try #require(lesson.math.first { $0.latex.contains("w_{65}") && $0.latex.hasPrefix(" W") })
        #expect(span.range.start == SourceLocation(line: 59, column: 5))
        #expect(
            span.latex == """
                 W = 
                \\begin{pmatrix}
                w_{11} & w_{12} & w_{13} & w_{14} & w_{15} \\\\
                w_{21} & w_{22} & w_{23} & w_{24} & w_{25} \\\\
                w_{31} & w_{32} & w_{33} & w_{34} & w_{35} \\\\
                w_{41} & w_{42} & w_{43} & w_{44} & w_{45} \\\\
                w_{51} & w_{52} & w_{53} & w_{54} & w_{55} \\\\
                w_{61} & w_{62} & w_{63} & w_{64} & w_{65} \\\\
                \\end{pmatrix}

                """)
    }

    @Test func theLeakyReLUCasesKeepTheSpacedEnd() throws {
        let span = try #require(lesson.math.first { $0.latex.contains("Leaky") })
        #expect(span.range.start == SourceLocation(line: 39, column: 5))
        #expect(!span.isDisplay)
        #expect(
            span.latex
                == #" \text{Leaky ReLU}(x) = \begin{cases} x & \text{if } x \geq 0 \\ \alpha x & \text{if } x < 0 \end {cases} "#
        )
    }

    @Test func theChainRuleGradientsAreDisplayMath() {
        let display = lesson.math.filter(\.isDisplay)
        #expect(display.map(\.range.start.line) == [32, 206, 211, 214, 218, 220, 222, 232, 233, 234, 235])
        #expect(display[2].latex.hasPrefix(#"\frac{\partial L}{\partial W^{(2)}} = "#))
        #expect(display[2].latex.contains(#"\sigma'(W{(2)}a^{(1)} + b^{(2)})"#))
    }

    @Test func theMatrixProductWrittenAsThreeSpansIsOneGroup() {
        let grouped = Dictionary(grouping: lesson.math, by: \.group).values.filter { $0.count > 1 }
            .map { $0.map(\.range.start.line).sorted() }.sorted { $0[0] < $1[0] }
        #expect(grouped == [[97, 105, 112], [122, 130, 138]])
    }

    @Test func imagesLinksAndHeadingsAreListed() {
        #expect(
            lesson.images.map(\.destination) == [
                "./images/FullyConnectedNN_allWeightsDrawn.png", "./images/ASingleArtificialNeuron.png",
                "./images/FullyConnectedNN_SomeWeightsDrawn.png",
            ])
        #expect(lesson.images.map(\.text) == ["An MLP", "A Single Neuron", "A Single Neuron"])
        #expect(lesson.links.map(\.destination) == ["./003_Multi Layer Perceptrons.ipynb"])
        #expect(lesson.links.first?.range?.start == SourceLocation(line: 193, column: 75))
        #expect(lesson.headings.first?.text == "Deep Learning Basics")
        #expect(lesson.title == "Deep Learning Basics")
        #expect(lesson.headings.map(\.text).contains("Backpropagation when loss function is Binary Cross Entropy"))
    }
}
