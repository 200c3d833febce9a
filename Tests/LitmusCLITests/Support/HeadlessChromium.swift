import Foundation

/// Headless Chromium (Debian's `chromium`) kept open on a page, watched through its DevTools
/// HTTP endpoint (`/json/list` names each open page's URL and title) — so a test sees what the
/// browser shows without touching the page.
final class HeadlessChromium {
    static let executable: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    private let process = Process()
    private let profile: URL
    private var devToolsPort: Int?

    /// Opens `url` (no sandbox: CI runs as root).
    init(opening url: String) throws {
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("litmus-chromium-\(UUID().uuidString)")
        process.executableURL = URL(fileURLWithPath: Self.executable ?? "/usr/bin/chromium")
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
            "--remote-debugging-port=0", "--user-data-dir=\(profile.path)", url,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// The title of the first open page whose URL ends with `suffix`, if any.
    func title(ofPageEndingWith suffix: String) -> String? {
        guard let list = pages() else { return nil }
        return list.first { ($0["url"] as? String)?.hasSuffix(suffix) == true && $0["type"] as? String == "page" }?[
            "title"] as? String
    }

    /// Waits up to `limit` seconds for the page's title to satisfy `condition`; returns the
    /// last title seen.
    func waitForTitle(ofPageEndingWith suffix: String, limit: Double, _ condition: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(limit)
        var title: String?
        while Date() < deadline {
            title = self.title(ofPageEndingWith: suffix)
            if let title, condition(title) { return title }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return title
    }

    /// What the browser's DevTools endpoint said last (for failure messages).
    private(set) var lastAnswer = ""

    private func pages() -> [[String: Any]]? {
        if devToolsPort == nil {
            // Chromium writes the port it chose to DevToolsActivePort in its profile.
            let file = profile.appendingPathComponent("DevToolsActivePort")
            guard let text = try? String(contentsOf: file, encoding: .utf8),
                let port = text.split(separator: "\n").first.flatMap({ Int($0) })
            else { return nil }
            devToolsPort = port
        }
        guard let devToolsPort, let body = RawHTTP.get(port: devToolsPort, path: "/json/list") else {
            lastAnswer = "no answer from the DevTools endpoint"
            return nil
        }
        lastAnswer = body
        return (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [[String: Any]]
    }

    func close() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: profile)
    }

    deinit { close() }
}
