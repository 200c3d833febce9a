import CellRecords
import Foundation
import LessonMarkdown
import Site
import Testing

/// How a page shows its cells' last run: outputs of cells that passed, a failing cell as
/// failing with what it expected and what it printed, a hidden cell that failed all the same.
struct CellRecordPageTests {
    static let lesson = """
        # Cells

        ```swift
        print(1)
        ```

        ```output
        1
        ```

        ```swift
        print(3)
        ```

        ```output
        2
        ```

        ```swift hide
        let xs = [1]
        print(xs[4])
        ```

        ```swift
        print("after")
        ```
        """

    private func page(_ records: [Int: CellRecord]) -> String {
        let item = SiteLesson(
            lesson: LessonParser.parse(markdown: Self.lesson, path: "a.md"), relativePath: "a.md", outputs: records)
        return SiteFixtures.page(SiteBuilder(siteTitle: "Course") { _ in false }.build([item]), "a.html")
    }

    @Test func aFailingCellShowsExpectedAndActualAndNothingStale() {
        let html = page([
            3: CellRecord(line: 3, status: .passed, output: "1\n", expected: "1\n", expectedLine: 7),
            11: CellRecord(
                line: 11, status: .failed, output: "3\n", expected: "2\n", expectedLine: 15,
                failure: CellFailure(
                    kind: .outputMismatch, message: "output differs from the ```output block", line: 15)),
            19: CellRecord(
                line: 19, status: .failed,
                failure: CellFailure(
                    kind: .trapped, message: "the cell trapped: Fatal error: Index out of range", line: 19)),
            24: CellRecord(line: 24, status: .skipped),
        ])
        #expect(XMLReader(html).error == nil)
        #expect(html.contains("<pre class=\"output recorded\"><samp>1\n</samp></pre>"))
        #expect(html.contains("<strong>Failed</strong>: output differs from the ```output block"))
        #expect(html.contains("<pre class=\"output expected\"><samp>2\n</samp></pre>"))
        #expect(html.contains("<pre class=\"output recorded actual\"><samp>3\n</samp></pre>"))
        // The hidden cell's code stays hidden; its failure does not.
        #expect(!html.contains("xs[4]"))
        #expect(html.contains("the cell trapped: Fatal error: Index out of range"))
        #expect(html.contains("Not run: an earlier cell stopped the lesson."))
        // The expected block is shown once, inside the failure, not again as the lesson's block.
        #expect(html.components(separatedBy: "<samp>2\n</samp>").count == 2)
    }

    @Test func withoutARecordThePageShowsTheLessonsOwnOutputBlocks() {
        let html = page([:])
        #expect(html.contains("<pre class=\"output\"><samp>2\n</samp></pre>"))
        #expect(!html.contains("recorded"))
        #expect(!html.contains("cell-status"))
    }

    @Test func aLessonNamedIndexIsTheHomePageAndTheListMoves() {
        let output = SiteFixtures.build([
            ("index.md", "# Welcome\n\nStart here.\n"), ("b.md", "# B\n\n[home](index.md)\n"),
        ])
        let paths = output.files.map(\.path)
        #expect(paths.filter { $0 == "index.html" }.count == 1)
        #expect(SiteFixtures.page(output, "index.html").contains("Start here."))
        #expect(SiteFixtures.page(output, "contents.html").contains("href=\"b.html\""))
        #expect(SiteFixtures.page(output, "b.html").contains("<a href=\"contents.html\">All lessons</a>"))
    }

    @Test func twoLessonsThatWouldShareAPageGetOneEach() {
        let notebook =
            ##"{"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["# From the notebook"]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}"##
        let items = [
            SiteLesson(
                lesson: LessonParser.parse(markdown: "# From Markdown\n\n[other](a.ipynb)\n", path: "a.md"),
                relativePath: "a.md"),
            SiteLesson(lesson: try! LessonParser.parse(Array(notebook.utf8), path: "a.ipynb"), relativePath: "a.ipynb"),
        ]
        let output = SiteBuilder(siteTitle: "Course") { _ in true }.build(items)
        #expect(SiteFixtures.page(output, "a.html").contains("From Markdown"))
        #expect(SiteFixtures.page(output, "a.ipynb.html").contains("From the notebook"))
        #expect(SiteFixtures.page(output, "a.html").contains("href=\"a.ipynb.html\""))
    }
}
