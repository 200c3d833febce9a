import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `litmus-bench serve`: the time from a saved edit to the updated page in `litmus serve`.
///
/// Starts the `litmus` built beside this benchmark as `litmus serve --no-run` on a course,
/// subscribes to one page's reload events as an open page does, then saves edits to that
/// lesson — a new paragraph of prose, or a new display formula — and times, from the moment
/// the file is written, (1) the reload event reaching the page, (2) a fetch of the page
/// returning the new text and (3) the page with the new check's verdict marks (the server shows
/// a lesson whose check outlasts its budget with the marks of its unchanged formulas first). Two courses: this repository's `notebooks/` (when run from the
/// repository) and `--lessons` generated lessons of 24 KB, to show that the time depends on
/// the lesson saved, not on the course's size. Goal: under 300 ms for prose and formulas.
enum ServeBenchmark {
    static func run(_ arguments: [String]) -> Int32 {
        let count = Int(value(of: "--lessons", in: arguments) ?? "") ?? 100
        let edits = Int(value(of: "--edits", in: arguments) ?? "") ?? 20
        let litmus =
            value(of: "--litmus", in: arguments)
            ?? Bundle.main.executableURL.map { $0.deletingLastPathComponent().appendingPathComponent("litmus").path }
        guard let litmus, FileManager.default.isExecutableFile(atPath: litmus) else {
            FileHandle.standardError.write(
                Data(
                    "litmus-bench serve: no litmus beside this benchmark; build it first (swift build -c release --product litmus) or pass --litmus PATH\n"
                        .utf8))
            return 2
        }
        var courses: [(name: String, files: [(String, String)])] = []
        let notebooks = URL(fileURLWithPath: "notebooks")
        if let names = try? FileManager.default.contentsOfDirectory(atPath: notebooks.path) {
            let files = names.sorted().compactMap { name -> (String, String)? in
                guard name.hasSuffix(".md") || name.hasSuffix(".ipynb"),
                    let text = try? String(contentsOf: notebooks.appendingPathComponent(name), encoding: .utf8)
                else { return nil }
                return (name, text)
            }
            if !files.isEmpty { courses.append(("notebooks", files)) }
        }
        let generated = LessonCorpus.generate(lessons: count, bytesPerLesson: 24_000, seed: 5).enumerated().map {
            (String(format: "%03d-lesson.md", $0.offset), $0.element)
        }
        courses.append(("generated-\(count)", generated))

        var failed = false
        for course in courses {
            guard measure(course.name, files: course.files, edits: edits, litmus: litmus) else {
                failed = true
                continue
            }
        }
        return failed ? 1 : 0
    }

    /// Serves `files`, edits the first Markdown lesson `edits` times, prints one line per kind
    /// of edit.
    private static func measure(_ name: String, files: [(String, String)], edits: Int, litmus: String) -> Bool {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("litmus-serve-bench-\(getpid())")
        let lessons = root.appendingPathComponent("lessons")
        try? FileManager.default.removeItem(at: root)
        try? FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        for (file, text) in files { try? Data(text.utf8).write(to: lessons.appendingPathComponent(file)) }
        guard let (file, original) = files.first(where: { $0.0.hasSuffix(".md") }) else { return false }
        let lesson = lessons.appendingPathComponent(file)
        let page = "/" + file.replacingOccurrences(of: ".md", with: ".html")

        let server = ServeUnderTest(litmus: litmus, directory: root)
        guard let port = server.start() else {
            FileHandle.standardError.write(Data("litmus-bench serve: litmus serve did not start\n".utf8))
            return false
        }
        defer { server.stop() }
        let startup = server.startupSeconds

        guard let body = LoopbackHTTP.get(port: port, path: page),
            let version = body.firstMatch(of: /data-version="([0-9]+)"/)?.1,
            let events = LoopbackHTTP.EventStream(
                port: port, path: "/_litmus/events?page=\(page.dropFirst())&version=\(version)")
        else { return false }
        defer { events.close() }
        usleep(200_000)

        var pageTimes: [String: [Double]] = ["prose": [], "formula": []]
        var eventTimes: [String: [Double]] = ["prose": [], "formula": []]
        var markedTimes: [String: [Double]] = ["prose": [], "formula": []]
        var text = original
        for edit in 0..<edits {
            let kind = edit % 2 == 0 ? "prose" : "formula"
            let marker = 7_000_000 + edit
            // A paragraph with a word no lesson has; a formula with a number no lesson has.
            text +=
                kind == "prose"
                ? "\nA sentence saved as edit number litmusmarker\(marker).\n"
                : "\n$$\nz = \\sigma(\(marker) x)\n$$\n"
            let needle = kind == "prose" ? "litmusmarker\(marker)" : "<mn>\(marker)</mn>"
            guard FileManager.default.createFile(atPath: lesson.path, contents: Data(text.utf8)) else { return false }
            let saved = DispatchTime.now().uptimeNanoseconds
            var seen: UInt64?
            while DispatchTime.now().uptimeNanoseconds - saved < 10_000_000_000 {
                if let body = LoopbackHTTP.get(port: port, path: page), body.contains(needle) {
                    seen = DispatchTime.now().uptimeNanoseconds
                    break
                }
                usleep(2000)
            }
            guard let seen else {
                FileHandle.standardError.write(Data("litmus-bench serve: edit \(edit) never showed\n".utf8))
                return false
            }
            pageTimes[kind]!.append(Double(seen - saved) / 1e6)
            // The page with the check's marks (at once when the check fit in the server's budget).
            while DispatchTime.now().uptimeNanoseconds - saved < 10_000_000_000 {
                if let body = LoopbackHTTP.get(port: port, path: page), body.contains(needle),
                    !body.contains("Checking the formulas")
                {
                    markedTimes[kind]!.append(Double(DispatchTime.now().uptimeNanoseconds - saved) / 1e6)
                    break
                }
                usleep(2000)
            }
            if let arrived = events.firstArrival(after: saved, limit: 5) {
                eventTimes[kind]!.append(Double(arrived - saved) / 1e6)
            }
            // A pause of 150–250 ms, so saves fall at every phase of the server's look at the files.
            usleep(150_000 + UInt32(edit * 37 % 100) * 1000)
        }
        let serverTimes = server.updateMilliseconds()
        for kind in ["prose", "formula"] {
            let times = pageTimes[kind]!.sorted()
            let reloads = eventTimes[kind]!.sorted()
            print(
                jsonLine([
                    ("benchmark", "\"serve\""), ("course", "\"\(name)\""), ("lessons", "\(files.count)"),
                    ("lesson_bytes", "\(original.utf8.count)"), ("edit", "\"\(kind)\""), ("edits", "\(times.count)"),
                    ("page_median_ms", format(percentile(times, 0.5))),
                    ("page_p90_ms", format(percentile(times, 0.9))), ("page_max_ms", format(times.last ?? 0)),
                    ("reload_event_median_ms", format(percentile(reloads, 0.5))),
                    ("marked_median_ms", format(percentile(markedTimes[kind]!.sorted(), 0.5))),
                    ("check_and_render_median_ms", format(percentile(serverTimes.sorted(), 0.5))),
                    ("startup_seconds", format(startup)), ("goal_ms", "300"),
                ]))
        }
        return true
    }

    private static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
    }
}
