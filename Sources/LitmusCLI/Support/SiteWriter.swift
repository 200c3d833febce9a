import CellRecords
import Foundation
import LessonMarkdown
import Site

/// Renders a workspace's lessons to a folder: writes the pages, copies the images, prints the
/// warnings. The one place the site touches the disk.
enum SiteWriter {
    struct Result {
        var pages: Int
        var copies: Int
        var warnings: Int
    }

    /// What the lesson's last run recorded (`.litmus/outputs/<lesson>.json`), by cell line — only
    /// when it ran the lesson as it is now (`currentKey`), so a page never shows stale outputs.
    static func recordedOutputs(of lessonPath: String, currentKey: String?) -> [Int: RecordedOutput] {
        let store = LessonRecordStore(root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        guard let currentKey, let record = store.read(lessonPath), record.key == currentKey else { return [:] }
        var outputs: [Int: RecordedOutput] = [:]
        for cell in record.cells where cell.status != .skipped {
            outputs[cell.line] = RecordedOutput(text: cell.output, plots: cell.plots)
        }
        return outputs
    }

    /// Writes the site; `currentKeys` are the lessons' current `LessonKey`s (records of other
    /// keys are stale and not shown).
    static func write(
        _ workspace: LessonWorkspace, marks: [String: [Int: FormulaMark]] = [:], currentKeys: [String: String] = [:],
        to output: String, printer: DiagnosticPrinter = DiagnosticPrinter()
    ) throws -> Result {
        let base = URL(fileURLWithPath: workspace.base)
        let builder = SiteBuilder(siteTitle: "Litmus lessons") { relative in
            FileManager.default.fileExists(atPath: base.appendingPathComponent(relative).path)
        }
        let lessons = workspace.entries.map {
            SiteLesson(
                lesson: $0.lesson, relativePath: $0.relativePath, marks: marks[$0.lesson.path] ?? [:],
                outputs: recordedOutputs(of: $0.lesson.path, currentKey: currentKeys[$0.lesson.path]))
        }
        let site = builder.build(lessons)
        let root = URL(fileURLWithPath: output)
        for (path, contents) in site.files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
        for relative in site.copies {
            let destination = root.appendingPathComponent(relative)
            try FileManager.default.createDirectory(
                at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: destination)
            try FileManager.default.copyItem(at: base.appendingPathComponent(relative), to: destination)
        }
        var warnings = 0
        for entry in workspace.entries {
            guard let diagnostics = site.diagnostics[entry.lesson.path] else { continue }
            printer.print(diagnostics, path: entry.lesson.path, lines: entry.lines)
            warnings += diagnostics.count
        }
        return Result(pages: lessons.count, copies: site.copies.count, warnings: warnings)
    }
}
