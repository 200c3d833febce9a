import LitmusDiagnostics
import Testing

@testable import LessonMarkdown

struct NotebookTests {
    private func read(_ marked: MarkedSource) throws -> Lesson {
        try LessonParser.parse(Array(marked.text.utf8), path: "lesson.ipynb")
    }

    /// A notebook as Jupyter writes it: `source` as a list of lines, escapes inside strings.
    @Test func markdownCellsAreReadWithTheLessonRulesAndPositionsPointIntoTheFile() throws {
        let source = MarkedSource(
            #"""
            {
             "cells": [
              {
               "cell_type": "markdown",
               "metadata": {},
               "source": [
                "# The \"sigmoid\"\n",
                "\n",
                "It is 1️⃣$\\sigma(x) = \\frac{1}{1+e^{-x}}$, with 2️⃣$x\n",
                "y$ too.\n"
               ]
              },
              {
               "cell_type": "code",
               "execution_count": 1,
               "metadata": {"tags": ["hide"]},
               "outputs": [{"name": "stdout", "output_type": "stream", "text": ["0.5\n"]}],
               "source": "print(sigmoid(0))"
              },
              {
               "cell_type": "markdown",
               "metadata": {},
               "source": "Then 3️⃣$$a_{1}$$"
              }
             ],
             "metadata": {"kernelspec": {"display_name": "Swift", "language": "swift", "name": "swift"}},
             "nbformat": 4,
             "nbformat_minor": 5
            }
            """#)
        let lesson = try read(source)
        #expect(lesson.format == .notebook)
        #expect(lesson.notebookLanguage == "swift")
        #expect(lesson.math.map(\.latex) == [#"\sigma(x) = \frac{1}{1+e^{-x}}"#, "x\ny", "a_{1}"])
        #expect(lesson.math.map(\.range.start) == [source["1"], source["2"], source["3"]])
        #expect(lesson.math.map(\.cell) == [0, 0, 2])
        #expect(lesson.headings.map(\.text) == [#"The "sigmoid""#])
        let cell = try #require(lesson.codeCells.first)
        #expect(cell.language == "swift")
        #expect(cell.options == ["hide"])
        #expect(cell.source == "print(sigmoid(0))")
        #expect(cell.cell == 1)
        #expect(cell.storedOutputs == ["0.5\n"])
    }

    @Test func aTeXPositionAfterEscapesMapsToTheFileColumn() throws {
        let source = MarkedSource(
            #"{"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["$\\alpha + 1️⃣\\beta$"]}], "nbformat": 4}"#
        )
        let lesson = try read(source)
        let span = try #require(lesson.math.first)
        #expect(span.latex == #"\alpha + \beta"#)
        // `\beta` starts at byte 10 of the LaTeX; in the file each backslash is written twice.
        #expect(span.fileLocation(ofLatex: SourceLocation(line: 1, column: 10)) == source["1"])
    }

    @Test func otherKernelsKeepTheirLanguage() throws {
        let lesson = try read(
            MarkedSource(
                #"{"cells": [{"cell_type": "code", "metadata": {}, "source": ["import numpy\n"], "outputs": []}], "metadata": {"language_info": {"name": "Python"}}, "nbformat": 4}"#
            ))
        #expect(lesson.codeCells.map(\.language) == ["python"])
    }

    @Test(arguments: [
        (#"{"cells": [ {"cell_type": "markdown", "source": "x"}, ]}"#, 1, 55, "invalid notebook JSON"),
        (#"{"cells": "#, 1, 11, "unexpected end of file"),
        (#"[1, 2]"#, 1, 1, "not a Jupyter notebook"),
        (#"{"nbformat": 3, "worksheets": []}"#, 1, 14, "nbformat 4"),
        (#"{"cells": [{"cell_type": "markdown", "source": 7}], "nbformat": 4}"#, 1, 48, "string or a list"),
        ("{\"cells\": [\n\"unterminated]}", 2, 16, "unterminated string"),
    ])
    func brokenNotebooksGiveAPositionedError(json: String, line: Int, column: Int, message: String) {
        #expect {
            _ = try LessonParser.parse(Array(json.utf8), path: "broken.ipynb")
        } throws: { error in
            guard let failure = error as? DiagnosticFailure else { return false }
            return failure.diagnostic.severity == .error
                && failure.diagnostic.location == SourceLocation(line: line, column: column)
                && failure.diagnostic.message.contains(message)
        }
    }

    @Test func deeplyNestedJSONIsAnErrorNotACrash() {
        let json = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: DiagnosticFailure.self) {
            _ = try LessonParser.parse(Array(json.utf8), path: "deep.ipynb")
        }
    }
}
