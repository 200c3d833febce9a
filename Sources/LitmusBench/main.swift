// litmus-bench: the benchmark commands. Each prints JSON lines, one per measured tool, so runs
// can be compared side by side. Build in release: `swift run -c release litmus-bench <name>`.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let benchmarks: [String: ([String]) -> Int32] = [
    "mlp": runMLPBenchmark,
    "numerics": NumericsBenchmark.run,
    "parse": ParseBenchmark.run,
    "check": CheckBenchmark.run,
    "verdicts": VerdictsBenchmark.run,
    "render": RenderBenchmark.run,
    "repro": ReproBenchmark.run,
    "serve": ServeBenchmark.run,
    "sync": SyncBenchmark.run,
    "tex": TeXBenchmark.run,
    "paragraph": ParagraphBenchmark.run,
    "fuzz": FuzzCommand.run,
]

guard let name = arguments.first, let run = benchmarks[name] else {
    let names = benchmarks.keys.sorted().joined(separator: "|")
    FileHandle.standardError.write(Data("usage: litmus-bench <\(names)> [options]\n".utf8))
    exit(2)
}
exit(run(Array(arguments.dropFirst())))
