import CellRecords
import Foundation

/// Results of earlier runs, reused when they cannot have changed: a lesson's record is kept
/// under a key made of its generated file's key (its cells, outputs and formula tests) and of
/// everything else its run depends on — Litmus's version, the package's sources (NeuralCore and
/// the runtime among them, or the local checkouts that provide them), `Package.swift` and
/// `Package.resolved`, the Swift toolchain, and the default time limit. Unlike a cache keyed on
/// the lesson alone (Quarto's freeze), an engine or toolchain change runs everything again.
struct RunCache {
    let directory: URL
    /// A hash of everything but the lesson.
    let environment: String

    init(packageRoot: URL, litmusVersion: String, defaultTimeout: Double) {
        directory = packageRoot.appendingPathComponent(".litmus/cache")
        var text = "litmus \(litmusVersion)\ntimeout \(defaultTimeout)\n"
        text += Self.toolchain(packageRoot) + "\n"
        for name in ["Package.swift", "Package.resolved"] {
            let url = packageRoot.appendingPathComponent(name)
            text += name + " " + ((try? String(contentsOf: url, encoding: .utf8)).map(StableHash.hex128) ?? "-") + "\n"
        }
        for root in [packageRoot] + Self.localDependencies(packageRoot) {
            text += Self.sourcesDigest(root.appendingPathComponent("Sources")) + "\n"
        }
        environment = StableHash.hex128(text)
    }

    private func url(for file: GeneratedFile) -> URL {
        directory.appendingPathComponent(StableHash.hex128(environment + file.key) + ".json")
    }

    /// The cached record of this generated file, if it ran under the same environment.
    func lookup(_ file: GeneratedFile) -> LessonRecord? {
        guard let data = try? Data(contentsOf: url(for: file)),
            let record = try? JSONDecoder().decode(LessonRecord.self, from: data),
            record.key == file.key, record.lesson == file.lessonPath
        else { return nil }
        return record
    }

    /// Keeps a record, unless a time limit decided it (that depends on the machine, not the lesson).
    func store(_ record: LessonRecord, for file: GeneratedFile) {
        guard !record.cells.contains(where: { $0.status == .timedOut }) else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(record) else { return }
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? data.write(to: url(for: file), options: .atomic)
    }

    /// `swift --version`, which names the compiler exactly.
    private static func toolchain(_ packageRoot: URL) -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("litmus-swift-version-\(getpid())")
        defer { try? FileManager.default.removeItem(at: output) }
        guard let process = try? ChildProcess(["swift", "--version"], outputPath: output.path) else { return "?" }
        process.wait()
        return (try? String(contentsOf: output, encoding: .utf8)) ?? "?"
    }

    /// The folders of the package's local (path) dependencies, from SwiftPM's workspace state.
    private static func localDependencies(_ packageRoot: URL) -> [URL] {
        let state = packageRoot.appendingPathComponent(".build/workspace-state.json")
        guard let data = try? Data(contentsOf: state),
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let object = json["object"] as? [String: Any],
            let dependencies = object["dependencies"] as? [[String: Any]]
        else { return [] }
        var out: [URL] = []
        for dependency in dependencies {
            guard let reference = dependency["packageRef"] as? [String: Any],
                reference["kind"] as? String == "fileSystem", let location = reference["location"] as? String
            else { continue }
            out.append(URL(fileURLWithPath: location, relativeTo: packageRoot))
        }
        return out.sorted { $0.path < $1.path }
    }

    /// A hash of every source file under `folder` (paths and contents, in sorted order).
    static func sourcesDigest(_ folder: URL) -> String {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return "-" }
        var paths: [String] = []
        for case let relative as String in enumerator {
            let suffix = (relative as NSString).pathExtension
            if ["swift", "c", "h", "modulemap", "cpp", "md"].contains(suffix) { paths.append(relative) }
        }
        var text = ""
        for path in paths.sorted() {
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(path)) else { continue }
            text += path + " " + StableHash.hex(StableHash.fnv1a(bytes: data)) + "\n"
        }
        return StableHash.hex128(text)
    }
}
