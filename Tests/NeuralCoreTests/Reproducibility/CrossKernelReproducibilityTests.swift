import Foundation
import GoldenFiles
import Testing

/// Same seed, same bits, whatever kernels the machine offers: `litmus-bench repro` runs the same
/// battery of `Double` computations (products, activations, losses, initialisation, training,
/// the tape, the elementary functions) in child processes under every OpenBLAS core this CPU
/// supports, with one and two OpenBLAS threads, and with the C library's AVX2/FMA variants
/// switched off; every section's digest must equal the default run's, and on x86-64 the digests
/// recorded on another machine.
///
/// The child also reports two witnesses that bypass NeuralCore (raw `cblas_dgemm` and the C
/// library's `exp`, `log`, …): where the CPU has AVX2, some setting must change one of them, which
/// shows the settings really changed the kernels — so a `Double` path that still went through
/// them would change its section and fail this test.
@Suite struct CrossKernelReproducibilityTests {
    /// One way of running the child: extra environment variables and what it should report.
    struct Setting: CustomStringConvertible {
        var environment: [String: String]
        var core: String?
        var threads: Int?

        var description: String {
            environment.isEmpty
                ? "default"
                : environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        }
    }

    /// What one child printed.
    struct Report {
        var blas: String
        var threads: Int
        var sections: [String: String]
        var witnesses: [String: String]
    }

    @Test func doubleComputationsAreBitIdenticalUnderEveryKernelAndThreadCount() throws {
        let bench = try #require(Self.benchExecutable, "litmus-bench is not built: run `swift build --build-tests`")
        let flags = Self.cpuFlags
        // OpenBLAS's x86-64 cores this CPU can run: Prescott (SSE3) always, Haswell with AVX2 and FMA,
        // SkylakeX with AVX-512. Elsewhere the default core runs with one and two threads.
        var cores: [String?] = [nil]
        #if arch(x86_64)
            cores = ["Prescott"]
            if flags.isSuperset(of: ["avx2", "fma"]) { cores.append("Haswell") }
            if flags.isSuperset(of: ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]) {
                cores.append("SkylakeX")
            }
        #endif
        var settings = cores.flatMap { core in
            [1, 2].map { threads in
                var environment = ["OPENBLAS_NUM_THREADS": "\(threads)"]
                environment["OPENBLAS_CORETYPE"] = core
                return Setting(environment: environment, core: core, threads: threads)
            }
        }
        settings.append(Setting(environment: ["GLIBC_TUNABLES": "glibc.cpu.hwcaps=-AVX2,-FMA"]))

        let baseline = try Self.run(bench, Setting(environment: [:]))
        #expect(baseline.sections.count >= 7, "the battery reported \(baseline.sections.keys.sorted())")
        #if arch(x86_64)
            // The same bits as on the machine that recorded them (another CPU, another kernel). A
            // deliberate change to NeuralCore's Double results (or to the battery: a new activation or
            // loss joins it by itself) changes this file; a change to results also changes lessons'
            // outputs. LITMUS_RECORD=1 re-records it.
            let digests = baseline.sections.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            try Self.golden.check(digests.joined(separator: "\n"), named: "repro-digests.txt")
        #endif
        var witnessesChanged = false
        for setting in settings {
            let report = try Self.run(bench, setting)
            if let core = setting.core {
                #expect(report.blas.contains(" \(core) "), "\(setting): OpenBLAS reports \(report.blas)")
            }
            if let threads = setting.threads {
                #expect(report.threads == threads, "\(setting): OpenBLAS reports \(report.threads) threads")
            }
            let differing = baseline.sections.keys.sorted().filter { baseline.sections[$0] != report.sections[$0] }
            #expect(differing.isEmpty, "\(setting) changed the bits of: \(differing.joined(separator: ", "))")
            if report.witnesses != baseline.witnesses { witnessesChanged = true }
        }
        if flags.contains("avx2") {
            #expect(witnessesChanged, "no setting changed raw dgemm or the C library: the test would prove nothing")
        }
    }

    /// `litmus-bench repro`'s sections as recorded (debug and release builds print the same).
    static let golden = GoldenFiles(
        directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden"),
        endsWithLineEnd: true)

    // MARK: - Running the child

    static func run(_ executable: URL, _ setting: Setting) throws -> Report {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["repro"]
        var environment = ProcessInfo.processInfo.environment
        for key in ["OPENBLAS_CORETYPE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "GLIBC_TUNABLES"] {
            environment[key] = nil
        }
        environment.merge(setting.environment) { $1 }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(
            process.terminationStatus == 0, "litmus-bench repro exited \(process.terminationStatus) (\(setting))")
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return Report(
            blas: object["blas"] as? String ?? "", threads: object["threads"] as? Int ?? 0,
            sections: object["sections"] as? [String: String] ?? [:],
            witnesses: object["witnesses"] as? [String: String] ?? [:])
    }

    /// `litmus-bench` beside the test bundle (`swift build --build-tests` builds every product).
    static var benchExecutable: URL? {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("litmus-bench"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
                    ".build/debug/litmus-bench"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// The CPU's feature flags from `/proc/cpuinfo` (empty where there is none).
    static var cpuFlags: Set<String> {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
        else { return [] }
        return Set(line.split(separator: " ").map(String.init))
    }
}
