import Foundation

/// `litmus-bench paragraph [--counts 5000,10000,20000,50000] [--repetitions 3]`: `litmus inspect`,
/// `check` and `render` on one lesson whose single paragraph holds N formulas, for growing N, so
/// the growth is measured: time per formula should stay flat (linear time). Runs the `litmus`
/// executable built beside this one (`swift build -c release --product litmus`).
///
/// The formulas cycle through what lessons write: a mention of an indexed symbol, a definition
/// of a new one, a declaration, an equation over earlier symbols, a function applied.
enum ParagraphBenchmark {
    static func run(_ arguments: [String]) -> Int32 {
        let counts =
            (value(of: "--counts", in: arguments) ?? "5000,10000,20000,50000")
            .split(separator: ",").compactMap { Int($0) }
        let repetitions = Int(value(of: "--repetitions", in: arguments) ?? "") ?? 3
        let litmus = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("litmus").path
        guard FileManager.default.isExecutableFile(atPath: litmus) else {
            FileHandle.standardError.write(
                Data("paragraph: no litmus beside litmus-bench; swift build -c release --product litmus\n".utf8))
            return 2
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("litmus-paragraph-\(getpid())")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        var perFormula: [String: Double] = [:]
        for count in counts {
            let lesson = directory.appendingPathComponent("paragraph-\(count).md")
            try? Data(paragraph(count).utf8).write(to: lesson)
            for command in ["inspect", "check", "render"] {
                var commandArguments = [command, lesson.path]
                if command == "render" { commandArguments += ["-o", directory.appendingPathComponent("site").path] }
                var best = Double.infinity
                for _ in 0..<repetitions {
                    best = min(best, timedRun(litmus, commandArguments))
                }
                let microseconds = best / Double(count) * 1e6
                let growth = perFormula[command].map { microseconds / $0 } ?? 1
                if perFormula[command] == nil { perFormula[command] = microseconds }
                print(
                    jsonLine([
                        ("benchmark", "\"paragraph\""), ("command", "\"\(command)\""), ("formulas", "\(count)"),
                        ("seconds", format(best)), ("us_per_formula", format(microseconds)),
                        ("growth_per_formula_vs_first", format(growth)), ("goal_seconds_at_50000", "2"),
                    ]))
            }
        }
        return 0
    }

    /// One heading and one paragraph of `count` formulas with a few words between them.
    /// Seconds from spawning `executable` to its exit, its output thrown away. `posix_spawn`
    /// and `waitpid`: Foundation's `Process.waitUntilExit` looks every 50 ms, which rounds short
    /// runs up by as much.
    static func timedRun(_ executable: String, _ arguments: [String]) -> Double {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let start = DispatchTime.now()
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { return .infinity }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        return seconds(since: start)
    }

    static func paragraph(_ count: Int) -> String {
        var out = "# One paragraph of \(count) formulas\n\n"
        out.reserveCapacity(count * 32)
        for index in 0..<count {
            let formula: String
            switch index % 5 {
            case 0: formula = "$x_{\(index)}$"
            case 1: formula = "$w_{\(index)} = 2 x_{\(index - 1)} + b$"
            case 2: formula = "$w_{\(index - 1)} \\in \\mathbb{R}$"
            case 3: formula = "$y_{\(index)} = w_{\(index - 2)} + 1$"
            default: formula = "$\\sigma(z_{\(index)})$"
            }
            out += formula + (index % 7 == 6 ? ", then " : " and ")
        }
        return out + "the end.\n"
    }
}
