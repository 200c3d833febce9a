import FormulaCorpus
// `litmus-bench tex [--count N] [--seed S] [--no-katex] [--show-errors] [--parse-only]`:
// parse + MathML throughput of the TeX module on seeded lesson-like formulas, and KaTeX's on
// the same formulas when node and Debian's `katex` package are installed (bench/katex_mathml.js
// does the KaTeX side).
// `litmus-bench tex --errors FILE`: for bench/oracle.py, the first TeX error of each formula of
// FILE (JSON: lessons, each a list of {"latex", "display"}; macros carry over within a lesson),
// printed as the same nesting of messages or null.
import Foundation
import TeX

/// The `tex` benchmark: one JSON line for Litmus, one for KaTeX with the ratio.
enum TeXBenchmark {
    /// Runs the benchmark with its command-line options; returns the exit code.
    static func run(_ arguments: [String]) -> Int32 {
        var count = 20_000
        var seed: UInt64 = 42
        var withKaTeX = true
        var showErrors = false
        var parseOnly = false
        var index = 0
        while index < arguments.count {
            switch arguments[index] {
            case "--errors" where index + 1 < arguments.count:
                return reportErrors(of: arguments[index + 1])
            case "--count" where index + 1 < arguments.count:
                count = Int(arguments[index + 1]) ?? count
                index += 1
            case "--seed" where index + 1 < arguments.count:
                seed = UInt64(arguments[index + 1]) ?? seed
                index += 1
            case "--no-katex":
                withKaTeX = false
            case "--show-errors":
                showErrors = true
            case "--parse-only":
                parseOnly = true
            default:
                printError("usage: litmus-bench tex [--count N] [--seed S] [--no-katex] [--show-errors] [--parse-only]")
                return 2
            }
            index += 1
        }
        var generator = TeXFormulaGenerator(seed: seed)
        let formulas = generator.formulas(count)
        if showErrors {
            for formula in formulas {
                for diagnostic in TeX.parse(formula.latex, display: formula.display).diagnostics {
                    printError("\(diagnostic.location): \(diagnostic.message) in \(formula.latex)")
                }
            }
        }
        let (seconds, bytes, errors) = measureLitmus(formulas, writeMathML: !parseOnly)
        let litmusRate = Double(formulas.count) / seconds
        print(
            jsonLine([
                ("benchmark", "\"tex\""), ("tool", parseOnly ? "\"litmus-parse-only\"" : "\"litmus\""),
                ("formulas", "\(formulas.count)"),
                ("formulas_per_s", "\(Int(litmusRate.rounded()))"), ("seconds", String(format: "%.4f", seconds)),
                ("output_bytes", "\(bytes)"), ("formulas_with_errors", "\(errors)"),
            ]))
        guard withKaTeX, !parseOnly else { return 0 }
        guard let katex = measureKaTeX(formulas) else {
            printError("tex: KaTeX skipped (needs node, Debian's katex and bench/katex_mathml.js)")
            return 0
        }
        let katexRate = (katex["formulas_per_s"] as? NSNumber)?.doubleValue ?? 0
        print(
            jsonLine([
                ("benchmark", "\"tex\""), ("tool", "\"katex\""), ("version", "\"\(katex["version"] ?? "?")\""),
                ("formulas", "\(formulas.count)"), ("formulas_per_s", "\(Int(katexRate.rounded()))"),
                ("litmus_over_katex", String(format: "%.2f", katexRate > 0 ? litmusRate / katexRate : 0)),
            ]))
        return 0
    }

    /// Prints the first error of each formula of the lessons in the JSON file at `path`.
    private static func reportErrors(of path: String) -> Int32 {
        guard let data = FileManager.default.contents(atPath: path),
            let lessons = try? JSONSerialization.jsonObject(with: data) as? [[[String: Any]]]
        else {
            printError("tex --errors: \(path) is not a JSON list of lessons of {\"latex\", \"display\"}")
            return 2
        }
        let errors: [[Any]] = lessons.map { formulas in
            var macros = MacroTable.standard
            return formulas.map { formula -> Any in
                let result = TeX.parse(
                    formula["latex"] as? String ?? "", display: formula["display"] as? Bool ?? false, macros: macros)
                macros = result.macros
                return result.diagnostics.first { $0.severity == .error }.map { $0.message as Any } ?? NSNull()
            }
        }
        guard let output = try? JSONSerialization.data(withJSONObject: errors) else { return 1 }
        print(String(decoding: output, as: UTF8.self))
        return 0
    }

    /// The best of several timed rounds of parse + MathML over all formulas, after a warm-up.
    private static func measureLitmus(_ formulas: [(latex: String, display: Bool)], writeMathML: Bool)
        -> (Double, Int, Int)
    {
        var best = Double.infinity
        var bytes = 0
        var errors = 0
        let clock = ContinuousClock()
        for _ in 0..<4 {
            bytes = 0
            errors = 0
            let elapsed = clock.measure {
                for formula in formulas {
                    let result = TeX.parse(formula.latex, display: formula.display)
                    bytes += writeMathML ? result.mathML.utf8.count : result.diagnostics.count
                    if result.hasErrors { errors += 1 }
                }
            }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            best = min(best, seconds)
        }
        return (best, bytes, errors)
    }

    /// Runs bench/katex_mathml.js on the same formulas; `nil` when node or KaTeX is missing.
    private static func measureKaTeX(_ formulas: [(latex: String, display: Bool)]) -> [String: Any]? {
        let script = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .appendingPathComponent("bench/katex_mathml.js")
        guard FileManager.default.fileExists(atPath: script.path),
            let node = ["/usr/bin/node", "/usr/local/bin/node", "/usr/bin/nodejs"]
                .first(where: FileManager.default.isExecutableFile(atPath:))
        else { return nil }
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("litmus-tex-bench-\(getpid()).json")
        defer { try? FileManager.default.removeItem(at: input) }
        let json = formulas.map { ["latex": $0.latex, "display": $0.display] as [String: Any] }
        guard let data = try? JSONSerialization.data(withJSONObject: json), (try? data.write(to: input)) != nil else {
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = [script.path, input.path]
        let output = Pipe()
        process.standardOutput = output
        guard (try? process.run()) != nil else { return nil }
        let text = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let line = String(decoding: text, as: UTF8.self).split(separator: "\n").last,
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        else {
            return nil
        }
        return object
    }

    private static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    private static func jsonLine(_ fields: [(String, String)]) -> String {
        "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }
}
