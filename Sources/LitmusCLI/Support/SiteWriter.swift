import ArgumentParser
import CellRecords
import Checks
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
    static func recordedOutputs(of lessonPath: String, currentKey: String?) -> [Int: CellRecord] {
        let store = LessonRecordStore(root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return outputs(in: store.read(lessonPath), currentKey: currentKey)
    }

    /// The cells `record` holds, by line, when it is a run of the lesson as it is now.
    static func outputs(in record: LessonRecord?, currentKey: String?) -> [Int: CellRecord] {
        guard let currentKey, let record, record.key == currentKey else { return [:] }
        var outputs: [Int: CellRecord] = [:]
        for cell in record.cells { outputs[cell.line] = cell }
        return outputs
    }

    /// Writes the site; `currentKeys` are the lessons' current `LessonKey`s (records of other
    /// keys are stale and not shown).
    static func write(
        _ workspace: LessonWorkspace, checked: [CheckedLesson] = [], currentKeys: [String: String] = [:],
        to output: String, printer: DiagnosticPrinter = DiagnosticPrinter()
    ) throws -> Result {
        let base = URL(fileURLWithPath: workspace.base)
        let course = try courseFile(for: workspace, printer: printer)
        let builder = SiteBuilder(siteTitle: course?.title ?? "Litmus lessons") { relative in
            FileManager.default.fileExists(atPath: base.appendingPathComponent(relative).path)
        }
        var entries = workspace.entries
        if let course {
            let folder = URL(fileURLWithPath: (course.path as NSString).deletingLastPathComponent).standardizedFileURL
            let paths = entries.map { relativePath(of: $0.lesson.path, to: folder) }
            let (order, diagnostics) = course.order(paths)
            printer.print(diagnostics, path: course.path, lines: course.lines)
            entries = order.map { entries[$0] }
        }
        let checkedByPath = Dictionary(checked.map { ($0.lesson.path, $0) }) { first, _ in first }
        let lessons = entries.map {
            SiteLesson(
                lesson: $0.lesson, relativePath: $0.relativePath, checked: checkedByPath[$0.lesson.path],
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
            let source = base.appendingPathComponent(relative)
            if source.pathExtension.lowercased() == "svg" {
                let text = String(decoding: try Data(contentsOf: source), as: UTF8.self)
                try Data(SiteBuilder.sanitizedSVGFile(text).utf8).write(to: destination)
            } else {
                try FileManager.default.copyItem(at: source, to: destination)
            }
        }
        var warnings = 0
        for entry in entries {
            guard let diagnostics = site.diagnostics[entry.lesson.path] else { continue }
            printer.print(diagnostics, path: entry.lesson.path, lines: entry.lines)
            warnings += diagnostics.count
        }
        return Result(pages: lessons.count, copies: site.copies.count, warnings: warnings)
    }

    /// The course file beside the lessons (or in the current folder); a broken one is printed and
    /// ends the command with exit code 2.
    static func courseFile(for workspace: LessonWorkspace, printer: DiagnosticPrinter) throws -> CourseFile? {
        do {
            return try CourseFile.find(for: workspace.base)
        } catch {
            printer.print([error.diagnostic], path: error.path, lines: error.lines)
            throw ExitCode(2)
        }
    }

    /// `path` relative to `folder` (both resolved against the current folder), with `/` separators.
    static func relativePath(of path: String, to folder: URL) -> String {
        let full = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        let base = folder.pathComponents
        var common = 0
        while common < min(full.count, base.count), full[common] == base[common] { common += 1 }
        return (Array(repeating: "..", count: base.count - common) + full[common...]).joined(separator: "/")
    }
}
