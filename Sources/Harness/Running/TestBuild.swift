import CellRecords
import Foundation

/// Builds the package's tests (`swift build --build-tests`) so that a lesson that does not
/// compile fails alone: when the build fails, the compiler's errors are traced to their lessons
/// (through `#sourceLocation`, they name the lesson's path; else the generated file), those
/// lessons' generated files are replaced for the length of the run by a stand-in that declares
/// nothing, the package is built again, and the files are put back as they were.
struct TestBuild {
    /// A lesson the compiler rejected, with its errors.
    struct Rejected {
        var plan: LessonPlan
        var errors: [CompilerDiagnostic]
        /// The build log that holds them, relative to the package.
        var log: String
    }

    /// What building left: the lessons that compile and the path of the test bundle, the
    /// lessons that do not, or the build's own failure (not traceable to any lesson).
    struct Outcome {
        var bundle: String?
        var rejected: [Rejected] = []
        /// The log (relative path) of a failed build no lesson explains; every lesson of the run
        /// fails with it.
        var failure: String?
        /// The generated files set aside (name → contents), to put back once the lessons ran.
        var quarantined: [String: String] = [:]
        /// Lessons outside this run whose generated tests did not compile either (set aside too).
        var otherRejected: [String] = []
        /// What puts each set-aside file back if Litmus is interrupted first.
        var cleanups: [Int] = []
    }

    let packageRoot: URL
    let generatedDirectory: URL
    /// Where the build logs go, relative to the package: `build.log`, then `build-2.log`… for
    /// the builds after a lesson was set aside.
    let logDirectory: String
    /// Added to every `swift build` (`LessonRunner.Options.buildArguments`).
    var buildArguments: [String] = []

    /// Builds, setting aside lessons that do not compile, at most once per lesson.
    func build(_ plans: [LessonPlan]) throws -> Outcome {
        var outcome = Outcome()
        var remaining = plans
        var attempt = 0
        while true {
            attempt += 1
            let logPath = logDirectory + (attempt == 1 ? "/build.log" : "/build-\(attempt).log")
            let (succeeded, log) = try runBuild(logPath: logPath)
            if succeeded {
                outcome.bundle = try testBundle()
                return outcome
            }
            let errors = CompilerDiagnostic.parse(log).filter(\.isError)
            var rejectedNow: [Rejected] = []
            for plan in remaining {
                let own = errors.filter { belongs($0, lesson: plan.path, fileName: plan.file.fileName) }
                if !own.isEmpty { rejectedNow.append(Rejected(plan: plan, errors: own, log: logPath)) }
            }
            // Generated files of lessons outside this run are in the same test target: set aside
            // those the errors point at as well.
            var others: [(name: String, lesson: String)] = []
            let planned = Set(plans.map(\.file.fileName))
            for (name, contents) in generatedFiles() where !planned.contains(name) && outcome.quarantined[name] == nil {
                guard let lesson = TestFileGenerator.lessonPath(inHeaderOf: contents),
                    errors.contains(where: { belongs($0, lesson: lesson, fileName: name) })
                else { continue }
                outcome.quarantined[name] = contents
                others.append((name, lesson))
            }
            guard !rejectedNow.isEmpty || !others.isEmpty else {
                outcome.failure = logPath
                return outcome
            }
            for rejected in rejectedNow {
                outcome.quarantined[rejected.plan.file.fileName] = rejected.plan.file.contents
            }
            outcome.otherRejected += others.map(\.lesson)
            let setAside =
                rejectedNow.map { ($0.plan.file.fileName, $0.plan.path, $0.plan.file.contents) }
                + others.map { ($0.name, $0.lesson, outcome.quarantined[$0.name]!) }
            for (name, lesson, contents) in setAside {
                let url = generatedDirectory.appendingPathComponent(name)
                outcome.cleanups.append(
                    ChildProcess.addCleanup { try? Data(contents.utf8).write(to: url, options: .atomic) })
                try quarantine(fileName: name, lesson: lesson)
            }
            outcome.rejected += rejectedNow
            let names = Set(rejectedNow.map(\.plan.path))
            remaining.removeAll { names.contains($0.path) }
        }
    }

    /// Puts the generated files set aside back.
    func restore(_ outcome: Outcome) {
        for token in outcome.cleanups { ChildProcess.removeCleanup(token) }
        for (name, contents) in outcome.quarantined {
            try? Data(contents.utf8).write(to: generatedDirectory.appendingPathComponent(name), options: .atomic)
        }
    }

    /// The generated files in the test target's folder, by name.
    private func generatedFiles() -> [String: String] {
        var files: [String: String] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: generatedDirectory.path)) ?? []
        for name in names where name.hasSuffix(".swift") {
            files[name] = try? String(contentsOf: generatedDirectory.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }

    private func runBuild(logPath: String) throws -> (Bool, String) {
        let logURL = packageRoot.appendingPathComponent(logPath)
        try FileManager.default.createDirectory(
            at: logURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        let process = try ChildProcess(
            ["swift", "build", "--build-tests"] + buildArguments, directory: packageRoot.path, outputPath: logURL.path)
        let ending = process.wait()
        let log = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        return (ending == .exited(0), log)
    }

    /// The `.xctest` bundle SwiftPM built (on Linux an executable that runs the tests).
    private func testBundle() throws -> String? {
        // SwiftPM's default build folder, where `swift build` leaves it; else ask SwiftPM.
        let debug = packageRoot.appendingPathComponent(".build/debug")
        if let names = try? FileManager.default.contentsOfDirectory(atPath: debug.path),
            let bundle = names.sorted().first(where: { $0.hasSuffix("PackageTests.xctest") })
        {
            return debug.appendingPathComponent(bundle).path
        }
        let output = packageRoot.appendingPathComponent(".litmus/logs/bin-path.txt")
        let process = try ChildProcess(
            ["swift", "build", "--show-bin-path"] + buildArguments, directory: packageRoot.path,
            outputPath: output.path,
            errorPath: "/dev/null")
        process.wait()
        let directory = ((try? String(contentsOf: output, encoding: .utf8)) ?? "").trimmingCharacters(
            in: .whitespacesAndNewlines)
        guard !directory.isEmpty,
            let names = try? FileManager.default.contentsOfDirectory(atPath: directory)
        else { return nil }
        return names.sorted().first { $0.hasSuffix("PackageTests.xctest") }.map { directory + "/" + $0 }
    }

    private func belongs(_ error: CompilerDiagnostic, lesson: String, fileName: String) -> Bool {
        let path = error.path
        return path == lesson || path.hasSuffix("/" + lesson) || path.hasSuffix("/" + fileName) || path == fileName
    }

    /// Writes the stand-in: the generator's header (so it stays Litmus's to overwrite) and nothing
    /// the compiler could reject.
    private func quarantine(fileName: String, lesson: String) throws {
        let text =
            TestFileGenerator.header(for: lesson) + "\n"
            + "// A stand-in while `litmus test` runs the other lessons: this lesson does not compile.\n"
            + "// `litmus sync` (or the end of that run) writes its tests back.\n"
        try Data(text.utf8).write(to: generatedDirectory.appendingPathComponent(fileName), options: .atomic)
    }
}
