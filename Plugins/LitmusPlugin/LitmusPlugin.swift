import Foundation
import PackagePlugin

/// `swift package litmus build|check|test|render|sync [options]`: runs the `litmus` tool SwiftPM
/// builds for the package, in the package's folder, so a course that depends on Litmus needs no
/// separate install. Writing `generated/`, `site/` and `.litmus/` takes the package-directory
/// permission (`--allow-writing-to-package-directory` where nobody can answer the prompt, as in CI).
@main
struct LitmusPlugin: CommandPlugin {
    /// The commands the plugin runs; `serve` and `init` are the tool's own (`swift run litmus …`).
    static let verbs = ["build", "check", "test", "render", "sync"]

    func performCommand(context: PluginContext, arguments: [String]) async throws {
        // SwiftPM may pass target selections meant for other plugins; Litmus works on lessons.
        var extractor = ArgumentExtractor(arguments)
        _ = extractor.extractOption(named: "target")
        _ = extractor.extractOption(named: "product")
        let arguments = extractor.remainingArguments
        let help = ["--help", "-h", "help"]
        guard let verb = arguments.first, Self.verbs.contains(verb) || help.contains(verb) else {
            throw LitmusPluginError.usage(arguments.first)
        }
        let tool = try context.tool(named: "litmus")
        let process = Process()
        process.executableURL = tool.url
        var toolArguments = help.contains(verb) ? ["--help"] : arguments
        // SwiftPM holds the lock on `.build` while the plugin runs; the cells' `swift build`
        // must not wait for it (SwiftPM does nothing else meanwhile).
        if verb == "build" || verb == "test" { toolArguments.insert("--ignore-swift-pm-lock", at: 1) }
        process.arguments = toolArguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw LitmusPluginError.failed(verb, status: process.terminationStatus)
        }
    }
}

/// Why the plugin failed.
enum LitmusPluginError: Error, CustomStringConvertible {
    case usage(String?)
    case failed(String, status: Int32)

    var description: String {
        switch self {
        case .usage(let verb):
            let given = verb.map { "'\($0)' is not a litmus command here; " } ?? ""
            return given + "usage: swift package litmus \(LitmusPlugin.verbs.joined(separator: "|")) [options]"
        case .failed(let verb, let status):
            return "litmus \(verb) exited with status \(status)"
        }
    }
}
