import Checks
import Foundation
import LessonMarkdown

/// `litmus-bench verdicts DIR`: what `litmus check` decides on a folder of lessons nobody here
/// wrote. Per file and in total: the statuses, the claims, how many formulas state a relation
/// and what share of those is left unchecked, `verified` verdicts without a relation (there
/// must be none), crashes and time.
///
/// Each file is checked in a child process (`verdicts --one FILE`), so a crash is counted, not
/// fatal; then the whole folder is checked at once, in parallel as `litmus check` does, in
/// another child (`verdicts --all DIR`), for the time.
enum VerdictsBenchmark {
    static func run(_ arguments: [String]) -> Int32 {
        if let file = value(of: "--one", in: arguments) { return one(file) }
        if let folder = value(of: "--all", in: arguments) { return all(folder) }
        guard let folder = arguments.first(where: { !$0.hasPrefix("--") }) else {
            FileHandle.standardError.write(Data("usage: litmus-bench verdicts DIR\n".utf8))
            return 2
        }
        let files = lessonFiles(in: folder)
        guard !files.isEmpty else {
            FileHandle.standardError.write(Data("litmus-bench verdicts: no lessons in \(folder)\n".utf8))
            return 2
        }
        let executable = CommandLine.arguments[0]
        var total = Tally()
        var crashes: [String] = []
        for file in files {
            let (status, output) = capture(executable, ["verdicts", "--one", file])
            guard status == 0, let line = output.split(separator: "\n").last.map(String.init),
                let tally = Tally(json: line)
            else {
                crashes.append(file)
                print(jsonLine([("file", quoted(file)), ("crashed", "true"), ("exit", "\(status)")]))
                continue
            }
            total.add(tally)
            print(line)
        }
        let (status, output) = capture(executable, ["verdicts", "--all", folder])
        let folderSeconds = status == 0 ? output.split(separator: "\n").last.map(String.init) ?? "null" : "null"
        print(
            jsonLine(
                [("total", quoted(folder)), ("files", "\(files.count)")] + total.pairs
                    + [
                        ("crashes", "\(crashes.count)"), ("folder_crashed", status == 0 ? "false" : "true"),
                        ("folder_seconds", folderSeconds),
                    ]))
        return 0
    }

    /// One file's tally as one JSON line.
    private static func one(_ path: String) -> Int32 {
        guard let data = FileManager.default.contents(atPath: path),
            let lesson = try? LessonParser.parse([UInt8](data), path: path)
        else {
            print(jsonLine([("file", quoted(path)), ("unreadable", "true")] + Tally().pairs))
            return 0
        }
        let start = DispatchTime.now()
        let checked = LessonChecker().checkedLesson(lesson)
        var tally = Tally(checked)
        tally.seconds = seconds(since: start)
        print(jsonLine([("file", quoted(path))] + tally.pairs))
        return 0
    }

    /// The seconds the whole folder takes, checked in parallel as `litmus check` does.
    private static func all(_ folder: String) -> Int32 {
        let start = DispatchTime.now()
        let lessons = lessonFiles(in: folder).compactMap { path in
            FileManager.default.contents(atPath: path).flatMap { try? LessonParser.parse([UInt8]($0), path: path) }
        }
        let checker = LessonChecker()
        _ = ParallelMap.map(lessons.indices) { checker.check(lessons[$0]).formulas.count }
        print(format(seconds(since: start)))
        return 0
    }

    /// The lesson files under `folder`, sorted (as `litmus check` collects them).
    static func lessonFiles(in folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [String] = []
        for case let relative as String in enumerator {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            if ["md", "markdown", "ipynb"].contains((relative as NSString).pathExtension.lowercased()) {
                found.append(folder + "/" + relative)
            }
        }
        return found.sorted()
    }

    /// Runs a program and returns its exit status (a signal counts as a crash: non-zero) and
    /// its standard output.
    private static func capture(_ executable: String, _ arguments: [String]) -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return (-1, "")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let crashed = process.terminationReason == .uncaughtSignal
        return (
            crashed ? 128 + process.terminationStatus : process.terminationStatus, String(decoding: data, as: UTF8.self)
        )
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// What the verdicts benchmark counts for one lesson or a folder.
struct Tally {
    var counts = VerdictCounts()
    /// Formulas (groups) that state a relation, and of those how many are unchecked.
    var relations = 0
    var relationsUnchecked = 0
    /// `verified` verdicts on formulas that state no relation (there must be none).
    var verifiedWithoutRelation = 0
    var seconds = 0.0

    init() {}

    init(_ checked: CheckedLesson) {
        for formula in checked.formulas where formula.group == formula.span.index {
            counts.add(formula.status)
            let members = checked.formulas.filter { $0.group == formula.group }
            let relation = members.contains(where: \.statesRelation)
            if relation {
                relations += 1
                if formula.status == .unchecked { relationsUnchecked += 1 }
            } else if formula.status == .verified {
                verifiedWithoutRelation += 1
            }
        }
    }

    /// Reads a tally back from the JSON line `pairs` wrote.
    init?(json line: String) {
        guard let data = line.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        if object["unreadable"] != nil { return nil }
        for status in Verdict.Status.allCases {
            counts.add(status, count: object[status.rawValue] as? Int ?? 0)
        }
        relations = object["relations"] as? Int ?? 0
        relationsUnchecked = object["relations_unchecked"] as? Int ?? 0
        verifiedWithoutRelation = object["verified_without_relation"] as? Int ?? 0
        seconds = object["seconds"] as? Double ?? 0
    }

    mutating func add(_ other: Tally) {
        counts.add(other.counts)
        relations += other.relations
        relationsUnchecked += other.relationsUnchecked
        verifiedWithoutRelation += other.verifiedWithoutRelation
        seconds += other.seconds
    }

    /// The JSON pairs: each status, the claims, the relations and the unchecked share.
    var pairs: [(String, String)] {
        let share = relations == 0 ? 0 : Double(relationsUnchecked) / Double(relations)
        return [("formulas", "\(counts.total)"), ("claims", "\(counts.claims)")]
            + Verdict.Status.allCases.map { ($0.rawValue, "\(counts[$0])") }
            + [
                ("relations", "\(relations)"), ("relations_unchecked", "\(relationsUnchecked)"),
                ("unchecked_share", format(share)), ("verified_without_relation", "\(verifiedWithoutRelation)"),
                ("seconds", format(seconds)),
            ]
    }
}
