import Foundation
import LessonMarkdown

/// `litmus-bench parse`: Litmus's lesson parse (math found, masked, parsed by cmark-gfm and
/// restored) against the plain `cmark-gfm` command line on the same generated files.
enum ParseBenchmark {
    static func run(_ arguments: [String]) -> Int32 {
        let lessons = Int(value(of: "--lessons", in: arguments) ?? "") ?? 200
        let bytesPerLesson = Int(value(of: "--bytes", in: arguments) ?? "") ?? 24_000
        let repetitions = Int(value(of: "--repetitions", in: arguments) ?? "") ?? 5
        let corpus = LessonCorpus.generate(lessons: lessons, bytesPerLesson: bytesPerLesson)
        let files = corpus.map { Array($0.utf8) }
        let totalBytes = files.reduce(0) { $0 + $1.count }
        let megabytes = Double(totalBytes) / 1_000_000

        var formulas = 0
        var best = Double.infinity
        for _ in 0..<repetitions {
            let start = DispatchTime.now()
            var found = 0
            for (index, bytes) in files.enumerated() {
                let lesson = try? LessonParser.parse(bytes, path: "lesson\(index).md")
                found += lesson?.math.count ?? 0
            }
            best = min(best, seconds(since: start))
            formulas = found
        }
        let litmusRate = megabytes / best
        print(
            jsonLine([
                ("benchmark", "\"parse\""), ("tool", "\"litmus\""), ("files", "\(files.count)"),
                ("bytes", "\(totalBytes)"),
                ("formulas", "\(formulas)"), ("seconds", format(best)), ("mb_per_s", format(litmusRate)),
            ]))

        guard let cmark = findExecutable("cmark-gfm") else {
            print(jsonLine([("benchmark", "\"parse\""), ("tool", "\"cmark-gfm\""), ("skipped", "\"not installed\"")]))
            return 0
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("litmus-bench-\(getpid())")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for (index, text) in corpus.enumerated() {
            let url = directory.appendingPathComponent("lesson\(index).md")
            try? Data(text.utf8).write(to: url)
            paths.append(url.path)
        }
        var batchBest = Double.infinity
        for _ in 0..<repetitions {
            let start = DispatchTime.now()
            // All files in one process, so process start-up is not what is measured.
            runQuietly(
                cmark,
                ["-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter", "-e", "tasklist"] + paths)
            batchBest = min(batchBest, seconds(since: start))
        }
        let cmarkRate = megabytes / batchBest
        print(
            jsonLine([
                ("benchmark", "\"parse\""), ("tool", "\"cmark-gfm\""),
                ("mode", "\"all files in one process, HTML to /dev/null\""),
                ("seconds", format(batchBest)), ("mb_per_s", format(cmarkRate)),
            ]))
        print(
            jsonLine([("benchmark", "\"parse\""), ("ratio_vs_cmark", format(litmusRate / cmarkRate)), ("goal", "0.5")]))
        return 0
    }
}
