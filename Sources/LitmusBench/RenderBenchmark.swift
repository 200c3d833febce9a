import Foundation
import LessonMarkdown
import Site

/// `litmus-bench render`: the whole page pipeline (read, MathML for every formula, HTML) on a
/// generated corpus, against `cmark-gfm` (no maths at all) and pandoc with MathML on the same
/// files, each peer run once over all files so that process start-up is not what is measured.
enum RenderBenchmark {
    static func run(_ arguments: [String]) -> Int32 {
        let lessons = Int(value(of: "--lessons", in: arguments) ?? "") ?? 200
        let bytesPerLesson = Int(value(of: "--bytes", in: arguments) ?? "") ?? 24_000
        let repetitions = Int(value(of: "--repetitions", in: arguments) ?? "") ?? 3
        let corpus = LessonCorpus.generate(lessons: lessons, bytesPerLesson: bytesPerLesson, seed: 7)
        let files = corpus.map { Array($0.utf8) }
        let totalBytes = files.reduce(0) { $0 + $1.count }
        let megabytes = Double(totalBytes) / 1_000_000

        var best = Double.infinity
        var formulas = 0
        var htmlBytes = 0
        for _ in 0..<repetitions {
            let start = DispatchTime.now()
            // Lessons are read in parallel, as `litmus render` reads them.
            let parsed = ParallelMap.map(files.indices) { index in
                (try? LessonParser.parse(files[index], path: "lesson\(index).md"))
                    ?? LessonParser.parse(markdown: "", path: "lesson\(index).md")
            }
            let items = parsed.enumerated().map { SiteLesson(lesson: $1, relativePath: "lesson\($0).md") }
            let site = SiteBuilder(siteTitle: "Benchmark") { _ in true }.build(items)
            best = min(best, seconds(since: start))
            formulas = items.reduce(0) { $0 + $1.lesson.math.count }
            htmlBytes = site.files.reduce(0) { $0 + $1.contents.utf8.count }
        }
        let litmusRate = megabytes / best
        print(
            jsonLine([
                ("benchmark", "\"render\""), ("tool", "\"litmus\""), ("pages", "\(files.count)"),
                ("bytes", "\(totalBytes)"),
                ("formulas", "\(formulas)"), ("html_bytes", "\(htmlBytes)"), ("seconds", format(best)),
                ("mb_per_s", format(litmusRate)), ("pages_per_s", format(Double(files.count) / best)),
            ]))

        if arguments.contains("--no-peers") { return 0 }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("litmus-render-bench-\(getpid())")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let paths = corpus.enumerated().map { index, text -> String in
            let url = directory.appendingPathComponent("lesson\(index).md")
            try? Data(text.utf8).write(to: url)
            return url.path
        }
        let peers: [(name: String, executable: String, arguments: [String])] = [
            (
                "cmark-gfm", "cmark-gfm",
                ["-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter", "-e", "tasklist"]
            ),
            ("pandoc --mathml", "pandoc", ["-f", "markdown+tex_math_dollars", "-t", "html", "--mathml"]),
        ]
        var cmarkRate: Double?
        for peer in peers {
            guard let executable = findExecutable(peer.executable) else {
                print(
                    jsonLine([
                        ("benchmark", "\"render\""), ("tool", "\"\(peer.name)\""), ("skipped", "\"not installed\""),
                    ]))
                continue
            }
            var peerBest = Double.infinity
            for _ in 0..<(peer.executable == "pandoc" ? 1 : repetitions) {
                let start = DispatchTime.now()
                runQuietly(executable, peer.arguments + paths)
                peerBest = min(peerBest, seconds(since: start))
            }
            let rate = megabytes / peerBest
            if peer.executable == "cmark-gfm" { cmarkRate = rate }
            print(
                jsonLine([
                    ("benchmark", "\"render\""), ("tool", "\"\(peer.name)\""), ("seconds", format(peerBest)),
                    ("mb_per_s", format(rate)), ("pages_per_s", format(Double(files.count) / peerBest)),
                    ("litmus_ratio", format(litmusRate / rate)),
                ]))
        }
        if let cmarkRate {
            print(
                jsonLine([
                    ("benchmark", "\"render\""), ("ratio_vs_cmark", format(litmusRate / cmarkRate)), ("goal", "0.333"),
                ]))
        }
        return 0
    }
}
