import CellRecords
import Foundation

/// Runs lessons' generated tests so that each lesson fails alone: one build of the test bundle
/// (a lesson that does not compile is set aside, `TestBuild`), then each lesson in a process of
/// its own (`LessonProcess`), `jobs` at a time, each cell under its time limit. Lessons whose
/// results cannot have changed come from the cache (`RunCache`). Records are written to
/// `.litmus/outputs/` for the pages, and every process started is stopped if Litmus is interrupted.
public struct LessonRunner {
    /// How to run.
    public struct Options: Sendable {
        /// Lessons running at once.
        public var jobs: Int
        /// A cell's time limit when its info string gives none, in seconds.
        public var timeout: Double
        /// Whether to reuse cached results.
        public var useCache: Bool
        /// Litmus's version, part of the cache key.
        public var litmusVersion: String
        /// Added to every `swift build` of the package: `--ignore-lock` when SwiftPM itself runs
        /// Litmus (the package plugin), whose own lock on `.build` would otherwise wait forever.
        public var buildArguments: [String]

        public init(
            jobs: Int, timeout: Double = CellEvent.defaultTimeout, useCache: Bool = true, litmusVersion: String,
            buildArguments: [String] = []
        ) {
            self.jobs = max(1, jobs)
            self.timeout = timeout
            self.useCache = useCache
            self.litmusVersion = litmusVersion
            self.buildArguments = buildArguments
        }
    }

    /// What a run found.
    public struct Outcome: Sendable {
        /// One record per lesson, in the order the plans were given.
        public var records: [LessonRecord]
        /// Lessons whose record came from the cache.
        public var cached: Set<String>
        /// The compiler's errors, by lesson, for lessons that did not compile.
        public var compileErrors: [String: [String]]
        /// Set when the test bundle could not be built for a reason no lesson explains.
        public var buildFailure: String?
    }

    public let packageRoot: URL
    public let generatedDirectory: URL
    public let options: Options

    public init(packageRoot: URL, generatedDirectory: URL, options: Options) {
        self.packageRoot = packageRoot
        self.generatedDirectory = generatedDirectory
        self.options = options
    }

    /// Runs `plans`; `progress` is called as each lesson finishes (on the calling thread).
    public func run(_ plans: [LessonPlan], progress: (LessonRecord, _ cached: Bool) -> Void = { _, _ in }) throws
        -> Outcome
    {
        ChildProcess.stopChildrenOnInterrupt()
        let store = LessonRecordStore(root: packageRoot)
        let cache = RunCache(
            packageRoot: packageRoot, litmusVersion: options.litmusVersion, defaultTimeout: options.timeout)
        var records: [String: LessonRecord] = [:]
        var cached: Set<String> = []
        var toRun: [LessonPlan] = []
        for plan in plans {
            if options.useCache, let record = cache.lookup(plan.file) {
                records[plan.path] = record
                cached.insert(plan.path)
                try? store.write(record)
                progress(record, true)
            } else {
                toRun.append(plan)
            }
        }
        var outcome = Outcome(records: [], cached: cached, compileErrors: [:])
        if !toRun.isEmpty {
            let build = TestBuild(
                packageRoot: packageRoot, generatedDirectory: generatedDirectory, logDirectory: ".litmus/logs",
                buildArguments: options.buildArguments)
            let built = try build.build(toRun)
            defer { build.restore(built) }
            for rejected in built.rejected {
                let record = Self.compileFailure(rejected)
                records[rejected.plan.path] = record
                outcome.compileErrors[rejected.plan.path] = rejected.errors.map {
                    "\($0.path):\($0.line):\($0.column): error: \($0.message)"
                }
                try? store.write(record)
                progress(record, false)
            }
            let runnable = toRun.filter { records[$0.path] == nil }
            if built.failure != nil || built.bundle == nil {
                let log = built.failure ?? ".litmus/logs/build.log"
                outcome.buildFailure = log
                for plan in runnable {
                    let record = Self.buildFailure(plan, log: log)
                    records[plan.path] = record
                    progress(record, false)
                }
            } else if let bundle = built.bundle {
                try runLessons(runnable, bundle: bundle) { record, plan in
                    records[plan.path] = record
                    try? store.write(record)
                    cache.store(record, for: plan.file)
                    progress(record, false)
                }
            }
        }
        outcome.records = plans.compactMap { records[$0.path] }
        return outcome
    }

    /// Runs the lessons, `jobs` at a time, polling their processes.
    private func runLessons(
        _ plans: [LessonPlan], bundle: String, finished: (LessonRecord, LessonPlan) -> Void
    ) throws {
        let work = packageRoot.appendingPathComponent(".litmus/run")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        var queue = plans[...]
        var running: [LessonProcess] = []
        defer { for process in running { process.kill() } }
        while !queue.isEmpty || !running.isEmpty {
            while running.count < options.jobs, let plan = queue.popFirst() {
                running.append(try start(plan, bundle: bundle, work: work))
            }
            var stillRunning: [LessonProcess] = []
            for process in running {
                if process.step() {
                    finished(try complete(process, bundle: bundle, work: work), process.plan)
                } else {
                    stillRunning.append(process)
                }
            }
            running = stillRunning
            if !running.isEmpty { usleep(20_000) }
        }
    }

    private func start(_ plan: LessonPlan, bundle: String, work: URL, formulasOnly: Bool = false) throws
        -> LessonProcess
    {
        let suite = "NotebookTests\\." + NSRegularExpression.escapedPattern(for: plan.file.typeName) + "\\b"
        let cells = plan.file.cellsTestName.map {
            "NotebookTests\\." + NSRegularExpression.escapedPattern(for: plan.file.typeName) + "/"
                + NSRegularExpression.escapedPattern(for: $0) + "\\("
        }
        return try LessonProcess(
            plan: plan, bundle: bundle, filter: suite, skip: formulasOnly ? cells : nil, workDirectory: work,
            logPath: ".litmus/logs/" + plan.path + (formulasOnly ? ".formulas.log" : ".log"),
            packageRoot: packageRoot, defaultTimeout: options.timeout)
    }

    /// The record of a finished lesson process; when it stopped early, its formula tests run
    /// again on their own, so a trap in a cell does not hide them.
    private func complete(_ process: LessonProcess, bundle: String, work: URL) throws -> LessonRecord {
        let module = "NotebookTests"
        var cells = process.cellRecords(module: module)
        var formulas = process.formulaRecords()
        if process.stoppedEarly, formulas.contains(where: { $0.status == .skipped }) {
            let rerun = try start(process.plan, bundle: bundle, work: work, formulasOnly: true)
            while !rerun.step() { usleep(20_000) }
            formulas = rerun.formulaRecords()
        }
        let ties = process.tieRecords()
        // An issue Swift Testing saw in the cells' test that no cell record (nor a formula
        // compared with a cell's function) explains.
        if !process.stoppedEarly, !cells.contains(where: { $0.status != .passed && $0.status != .skipped }),
            !ties.contains(where: { $0.status == .failed }),
            let name = process.plan.file.cellsTestName, let message = process.cellsTestFailure(named: name),
            let first = cells.indices.first
        {
            cells[first].status = .failed
            cells[first].failure = CellFailure(kind: .threw, message: message, line: cells[first].line)
        }
        return LessonRecord(
            lesson: process.plan.path, key: process.plan.file.key, cells: cells, formulas: Self.ordered(formulas + ties)
        )
    }

    /// Formula tests in the order of the lesson.
    static func ordered(_ formulas: [FormulaTestRecord]) -> [FormulaTestRecord] {
        formulas.enumerated().sorted {
            ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
        }.map(\.element)
    }

    /// A lesson the compiler rejected: the cells its errors fall in failed, the others skipped.
    static func compileFailure(_ rejected: TestBuild.Rejected) -> LessonRecord {
        let plan = rejected.plan
        var failures: [Int: CellFailure] = [:]
        for error in rejected.errors {
            let onLesson = error.path == plan.path || error.path.hasSuffix("/" + plan.path)
            guard let cellLine = onLesson ? plan.cellLine(containing: error.line) : plan.file.cellLines.first,
                failures[cellLine] == nil
            else { continue }
            let at = onLesson ? (error.line, error.column) : (cellLine, 1)
            failures[cellLine] = CellFailure(
                kind: .compileError, message: "does not compile: " + error.message, line: at.0, column: at.1,
                log: rejected.log)
        }
        if failures.isEmpty, let first = plan.file.cellLines.first {
            failures[first] = CellFailure(
                kind: .compileError, message: "the lesson's generated tests do not compile", line: first,
                log: rejected.log)
        }
        let cells = plan.file.cellLines.map { line in
            CellRecord(line: line, status: failures[line] == nil ? .skipped : .failed, failure: failures[line])
        }
        let formulas = ordered(
            plan.file.formulas.map {
                FormulaTestRecord(line: $0.line, column: $0.column, name: $0.name, status: .skipped)
            }
                + plan.file.ties.map {
                    FormulaTestRecord(
                        line: $0.line, column: $0.column, name: $0.function, status: .skipped, function: $0.function)
                })
        return LessonRecord(lesson: plan.path, key: plan.file.key, cells: cells, formulas: formulas)
    }

    /// A lesson that could not run because the test bundle did not build.
    static func buildFailure(_ plan: LessonPlan, log: String) -> LessonRecord {
        let cells = plan.file.cellLines.enumerated().map { index, line in
            index == 0
                ? CellRecord(
                    line: line, status: .failed,
                    failure: CellFailure(
                        kind: .compileError, message: "the package's tests do not build (see \(log))",
                        line: line, log: log))
                : CellRecord(line: line, status: .skipped)
        }
        return LessonRecord(lesson: plan.path, key: plan.file.key, cells: cells)
    }
}
