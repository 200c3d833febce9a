import Checks
import Foundation
import LessonMarkdown

/// `litmus-bench check`: formulas checked per second by `LessonChecker` (TeX parse, lowering,
/// evaluation at the sample points, verdicts) on generated lessons, plus the user's seed lesson
/// when `--seed PATH` names it.
enum CheckBenchmark {
    static func run(_ arguments: [String]) -> Int32 {
        let lessons = Int(value(of: "--lessons", in: arguments) ?? "") ?? 40
        let bytesPerLesson = Int(value(of: "--bytes", in: arguments) ?? "") ?? 24_000
        let repetitions = Int(value(of: "--repetitions", in: arguments) ?? "") ?? 3
        let corpus = LessonCorpus.generate(lessons: lessons, bytesPerLesson: bytesPerLesson)
        if let directory = value(of: "--write", in: arguments) {
            // The corpus as files, to read its verdicts with `litmus check DIR`.
            for (index, text) in corpus.enumerated() {
                FileManager.default.createFile(atPath: "\(directory)/lesson\(index).md", contents: Data(text.utf8))
            }
        }
        let parsed = corpus.enumerated().map {
            LessonParser.parse(markdown: $0.element, path: "lesson\($0.offset).md")
        }
        let formulas = parsed.reduce(0) { $0 + $1.math.count }
        let checker = LessonChecker()
        var best = Double.infinity
        var counts = VerdictCounts()
        for _ in 0..<repetitions {
            let start = DispatchTime.now()
            var tally = VerdictCounts()
            for lesson in parsed { tally.add(checker.check(lesson).counts) }
            best = min(best, seconds(since: start))
            counts = tally
        }
        let statuses = Verdict.Status.allCases.map { "\"\($0.rawValue)\":\(counts[$0])" }.joined(separator: ",")
        print(
            jsonLine([
                ("benchmark", "\"check\""), ("tool", "\"litmus\""), ("lessons", "\(lessons)"),
                ("formulas", "\(formulas)"),
                ("seconds", format(best)), ("formulas_per_s", format(Double(formulas) / best)),
                ("statuses", "{\(statuses)}"),
            ]))
        if let seedPath = value(of: "--seed", in: arguments), let data = FileManager.default.contents(atPath: seedPath),
            let seed = try? LessonParser.parse([UInt8](data), path: seedPath)
        {
            var seedBest = Double.infinity
            for _ in 0..<repetitions {
                let start = DispatchTime.now()
                _ = checker.check(seed)
                seedBest = min(seedBest, seconds(since: start))
            }
            print(
                jsonLine([
                    ("benchmark", "\"check\""), ("lesson", "\"seed\""), ("formulas", "\(seed.math.count)"),
                    ("seconds", format(seedBest)), ("goal_seconds", "0.5"),
                ]))
        }
        return 0
    }
}
