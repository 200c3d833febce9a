import Foundation
import LessonMarkdown
import LitmusDiagnostics

/// Rewrites a lesson's local links for its page and checks them: links to other lessons
/// (`.md`, `.ipynb`) point to their pages, image files are copied beside the page (SVG files
/// sanitized on the way, see `SiteBuilder.sanitizedSVGFile`), and a missing target is a warning
/// at the link's position.
struct LinkResolver {
    let lessonPath: String
    let pagePaths: Set<String>
    /// Each lesson's page, by the lesson's path relative to the lesson folder.
    let pages: [String: String]
    let fileExists: @Sendable (String) -> Bool
    private(set) var copies: Set<String> = []
    private(set) var diagnostics: [Diagnostic] = []

    init(
        lessonPath: String, pagePaths: Set<String>, pages: [String: String] = [:],
        fileExists: @escaping @Sendable (String) -> Bool
    ) {
        self.lessonPath = lessonPath
        self.pagePaths = pagePaths
        self.pages = pages
        self.fileExists = fileExists
    }

    /// A local reference split into path and what follows it (`#anchor`, `?query`), with the
    /// path percent-decoded; `nil` for external URLs, fragments and absolute paths.
    private static func localPath(_ destination: String) -> (path: String, suffix: String)? {
        guard !destination.isEmpty, !destination.hasPrefix("#"), !destination.hasPrefix("/"),
            !destination.contains("://"), !destination.lowercased().hasPrefix("mailto:"),
            !destination.lowercased().hasPrefix("data:")
        else { return nil }
        let cut = destination.firstIndex { $0 == "#" || $0 == "?" } ?? destination.endIndex
        let path = String(destination[..<cut])
        return (path.removingPercentEncoding ?? path, String(destination[cut...]))
    }

    private static func isLesson(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".ipynb") || lower.hasSuffix(".markdown")
    }

    /// The destination the page uses.
    mutating func rewrite(_ destination: String, isImage: Bool) -> String {
        guard let (path, suffix) = Self.localPath(destination) else { return destination }
        if isImage {
            if let resolved = SitePaths.resolve(path, from: SitePaths.directory(of: lessonPath)), fileExists(resolved),
                SitePaths.isImageFile(resolved)
            {
                copies.insert(resolved)
            }
            return Self.encode(path) + suffix
        }
        return Self.encode(Self.isLesson(path) ? page(forLink: path) : path) + suffix
    }

    /// The page a link to a lesson leads to, relative as the link was: the lesson's assigned page
    /// (its name may differ from its file's, `SiteBuilder.assignPages`), in the link's folder.
    private func page(forLink path: String) -> String {
        let linked = SitePaths.pagePath(for: path)
        guard let resolved = SitePaths.resolve(path, from: SitePaths.directory(of: lessonPath)),
            let assigned = pages[resolved], assigned != SitePaths.pagePath(for: resolved)
        else { return linked }
        let folder = SitePaths.directory(of: path)
        let name = assigned.split(separator: "/").last.map(String.init) ?? assigned
        return folder.isEmpty ? name : folder + "/" + name
    }

    /// Warns about every link and image whose target is missing.
    mutating func check(_ lesson: Lesson) {
        let directory = SitePaths.directory(of: lessonPath)
        for image in lesson.images {
            guard let (path, _) = Self.localPath(image.destination) else { continue }
            if let resolved = SitePaths.resolve(path, from: directory), fileExists(resolved) {
                // Only images are copied beside the pages: an `.html` file named as an image would
                // otherwise be served from the site with its scripts.
                if SitePaths.isImageFile(resolved) { copies.insert(resolved) }
                continue
            }
            diagnostics.append(
                Diagnostic(
                    .warning, "site.missing-image", "missing image '\(image.destination)'", at: image.range))
        }
        for link in lesson.links {
            guard let (path, _) = Self.localPath(link.destination), !path.isEmpty else { continue }
            let resolved = SitePaths.resolve(path, from: directory)
            if let resolved, fileExists(resolved) || pagePaths.contains(SitePaths.pagePath(for: resolved)) { continue }
            diagnostics.append(
                Diagnostic(
                    .warning, "site.broken-link", "broken link: '\(link.destination)' does not exist", at: link.range))
        }
    }

    /// Percent-encodes what may not stand in a URL (spaces, quotes, non-ASCII), keeping `/`.
    static func encode(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}
