import ArgumentParser
import Foundation
import Site

/// `litmus render [PATH…] [-o DIR]`: the lessons as a static HTML site, nothing else.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render lessons to a static HTML site that opens from disk (default folder: site/)."
    )

    @OptionGroup var lessons: LessonOptions

    @Option(name: [.short, .customLong("output")], help: "The folder to write the site to.")
    var output = "site"

    func run() throws {
        let workspace = try LessonWorkspace.loadForCommand(lessons.paths)
        // Pages show each formula's verdict, so the formulas are checked (nothing is compiled);
        // the cells' outputs come from the last run, where it ran the lessons as they are now.
        let checked = LessonChecking.checkedLessons(workspace)
        var keys: [String: String] = [:]
        for file in GeneratedDirectory(path: lessons.generated).files(for: workspace, checked: checked) {
            keys[file.lessonPath] = file.key
        }
        let result = try SiteWriter.write(workspace, checked: checked, currentKeys: keys, to: output)
        print(
            "litmus render: \(result.pages) page\(result.pages == 1 ? "" : "s") in \(output)/ "
                + "(\(result.copies) image\(result.copies == 1 ? "" : "s") copied, \(result.warnings) warning\(result.warnings == 1 ? "" : "s"))"
        )
        if workspace.unreadable > 0 { throw ExitCode(2) }
    }
}
