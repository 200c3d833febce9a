import ArgumentParser
import Checks
import Foundation
import Harness
import LessonMarkdown

/// `litmus init [DIR]`: a starter course — a Swift package with a first lesson, its generated
/// tests, a course file, a `.gitignore` and a GitHub Actions workflow. It writes only new files:
/// if any of them exists, it names it and writes nothing.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make a starter course: a package with a first lesson, its tests, a course file and a CI workflow.",
        discussion: """
            The course depends on Litmus by --litmus-path (a checkout on this machine) or by --litmus-url \
            and --litmus-version (a Git repository). Without either, it depends on the checkout this \
            litmus was built from, when there is one, else on \(LitmusRelease.url).
            """
    )

    @Argument(help: "The folder to make the course in (created when missing).")
    var directory = "."

    @Option(help: "The package's name (default: the folder's name).")
    var name: String?

    @Option(help: "Depend on the Litmus checkout at this path.")
    var litmusPath: String?

    @Option(name: .customLong("litmus-url"), help: "Depend on Litmus from this Git URL.")
    var litmusURL: String?

    @Option(help: "The first version of Litmus to accept, with --litmus-url (default: this litmus's version).")
    var litmusVersion: String?

    func validate() throws {
        if litmusPath != nil, litmusURL != nil {
            throw ValidationError("give --litmus-path or --litmus-url, not both")
        }
        if litmusVersion != nil, litmusURL == nil {
            throw ValidationError("--litmus-version goes with --litmus-url")
        }
    }

    func run() throws {
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        let folderName = root.lastPathComponent
        let starter = StarterCourse(
            name: name ?? Self.packageName(folderName), title: Self.title(folderName),
            dependency: try dependency())
        var files = starter.files
        files.append(try Self.generatedTests())

        // Nothing is written unless every file is new.
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            DiagnosticPrinter.writeStandardError(
                "\(directory): error: exists and is not a folder; nothing was written\n")
            throw ExitCode(1)
        }
        let existing = files.map(\.path).filter {
            FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path)
        }
        guard existing.isEmpty else {
            let shown = directory == "." ? "" : directory.hasSuffix("/") ? directory : directory + "/"
            for path in existing {
                DiagnosticPrinter.writeStandardError(
                    "\(shown)\(path): error: already exists; litmus init writes only new files, and wrote nothing\n")
            }
            throw ExitCode(1)
        }
        for (path, contents) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url, options: .withoutOverwriting)
        }
        let place = directory == "." ? "here" : "in \(directory)"
        print("litmus init: a course \(place) — \(files.count) files, depending on \(starter.dependency.summary)")
        let enter = directory == "." ? "" : "cd \(directory) && "
        print(
            "next: \(enter)swift run litmus serve   (then open the page it names and edit \(StarterCourse.lessonPath))")
    }

    /// The dependency on Litmus the options ask for.
    private func dependency() throws -> StarterCourse.Dependency {
        if let litmusPath {
            let url = URL(fileURLWithPath: litmusPath).standardizedFileURL
            guard FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) else {
                DiagnosticPrinter.writeStandardError(
                    "\(litmusPath): error: no Package.swift there; nothing was written\n")
                throw ExitCode(2)
            }
            return .path(url.path)
        }
        if let litmusURL {
            return .url(litmusURL, version: litmusVersion ?? Litmus.configuration.version)
        }
        if let checkout = LitmusRelease.checkout() { return .path(checkout.path) }
        return .url(LitmusRelease.url, version: Litmus.configuration.version)
    }

    /// The first lesson's generated tests, as `litmus sync` writes them.
    private static func generatedTests() throws -> (path: String, contents: String) {
        let lesson = try LessonParser.parse(Array(StarterCourse.firstLesson.utf8), path: StarterCourse.lessonPath)
        let file = GeneratedFiles.files(
            for: [(path: StarterCourse.lessonPath, checked: LessonChecker().checkedLesson(lesson))])[0]
        return ("generated/" + file.fileName, file.contents)
    }

    /// A package name from a folder's name: letters, digits, `-` and `_`.
    static func packageName(_ folder: String) -> String {
        let kept = String(folder.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
        let trimmed = kept.trimmingCharacters(in: CharacterSet(charactersIn: "-_"))
        return trimmed.isEmpty ? "Course" : trimmed
    }

    /// A title from a folder's name: `neural-nets` gives `Neural nets`.
    static func title(_ folder: String) -> String {
        let words = folder.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " }).joined(separator: " ")
        guard let first = words.first else { return "A course" }
        return first.uppercased() + words.dropFirst()
    }
}
