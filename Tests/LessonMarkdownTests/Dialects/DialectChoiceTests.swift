import LitmusDiagnostics
import Testing

@testable import LessonMarkdown

/// Which dialect a lesson is read in: its own declaration, then its markup when only one
/// dialect writes it, then the course's, then Jupyter's.
struct DialectChoiceTests {
    @Test func theLessonsDeclarationWins() {
        let lesson = LessonParser.parse(
            markdown: "<!-- litmus: dialect=kramdown -->\n\nA :eqref:`x` and \\\\(y\\\\).\n", dialect: .myst)
        #expect(lesson.dialect == .kramdown)
        #expect(lesson.dialectSource == .lesson)
        #expect(lesson.math.map(\.latex) == ["y"])
    }

    @Test func markupWinsOverTheCourse() {
        let lesson = LessonParser.parse(markdown: "See :eqref:`eq_x`.\n", dialect: .kramdown)
        #expect(lesson.dialect == .d2l)
        #expect(lesson.dialectSource == .detected)
    }

    @Test func theCourseDecidesWhenTheMarkupDoesNot() {
        let lesson = LessonParser.parse(markdown: "Plain $x$.\n", dialect: .quarto)
        #expect(lesson.dialect == .quarto)
        #expect(lesson.dialectSource == .course)
        let standard = LessonParser.parse(markdown: "Plain $x$.\n")
        #expect(standard.dialect == .jupyter)
        #expect(standard.dialectSource == .standard)
        #expect(standard.diagnostics.isEmpty)
    }

    @Test func mixedMarkupIsAWarningAndReadsAsJupyter() throws {
        let lesson = LessonParser.parse(markdown: "A :eqref:`x` and {eq}`y`.\n")
        #expect(lesson.dialect == .jupyter)
        let warning = try #require(lesson.diagnostics.first)
        #expect(warning.id.rawValue == "dialect.ambiguous")
        #expect(warning.message.contains("d2l and myst"))
    }

    @Test func anUnknownNameIsAWarningAtItsPlace() throws {
        let source = MarkedSource("Text.\n\n1️⃣<!-- litmus: dialect=texinfo -->\n")
        let lesson = LessonParser.parse(markdown: source.text)
        let warning = try #require(lesson.diagnostics.first)
        #expect(warning.id.rawValue == "dialect.unknown")
        #expect(warning.location == source["1"])
        #expect(lesson.dialect == .jupyter)
    }

    @Test func aNotebookIsSurveyedAcrossItsCells() throws {
        let notebook = """
            {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
             {"cell_type": "markdown", "metadata": {}, "source": ["$$x$$\\n", ":eqlabel:`eq_x`"]},
             {"cell_type": "markdown", "metadata": {}, "source": "By :eqref:`eq_x`."}
            ]}
            """
        let lesson = try LessonParser.parse(Array(notebook.utf8), path: "n.ipynb")
        #expect(lesson.dialect == .d2l)
        #expect(lesson.math.first?.labels.map(\.name) == ["eq_x"])
        #expect(lesson.references.map(\.cell) == [1])
        #expect(lesson.references.first?.range.start == SourceLocation(line: 3, column: 58))
    }
}
