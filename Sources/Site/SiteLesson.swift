import CellRecords
import Checks
import LessonMarkdown

/// One lesson to render, with what the other stages know about it.
public struct SiteLesson: Sendable {
    public var lesson: Lesson
    /// The lesson's path relative to the lesson folder (`01-neuron.md`), which decides the
    /// page's path (`01-neuron.html`) and where its images are looked up.
    public var relativePath: String
    /// Verdicts by formula index; formulas without one show no mark.
    public var marks: [Int: FormulaMark]
    /// The lesson as the checker read it: each formula's parse (its macros carried from formula
    /// to formula), which the page renders instead of parsing again, and its verdict.
    public var checked: CheckedLesson?
    /// How each Swift cell ran when the lesson's tests last ran it as it is now — what it printed
    /// and drew, or how it failed — by the line of the cell's opening fence. Empty when it has
    /// not run since it was edited: a page never shows a stale output.
    public var outputs: [Int: CellRecord]

    /// A lesson to render; with `checked`, its marks default to the checked verdicts.
    public init(
        lesson: Lesson, relativePath: String, checked: CheckedLesson? = nil, marks: [Int: FormulaMark]? = nil,
        outputs: [Int: CellRecord] = [:]
    ) {
        self.checked = checked
        self.lesson = lesson
        self.relativePath = relativePath
        self.marks = marks ?? checked.map(FormulaMark.marks(of:)) ?? [:]
        self.outputs = outputs
    }

    /// `01-neuron.html` for `01-neuron.md` or `01-neuron.ipynb`; when two lessons would share a
    /// page (`a.md` and `a.ipynb`), `SiteBuilder` gives the later one its own (`a.ipynb.html`).
    public var pagePath: String {
        get { assignedPagePath ?? SitePaths.pagePath(for: relativePath) }
        set { assignedPagePath = newValue }
    }
    private var assignedPagePath: String?
}

/// Path arithmetic for pages, relative links and images (POSIX paths, `/` separators).
public enum SitePaths {
    /// The page of a lesson path: its extension replaced by `.html`.
    public static func pagePath(for lessonPath: String) -> String {
        let slash = lessonPath.lastIndex(of: "/")
        let dot = lessonPath.lastIndex(of: ".")
        if let dot, slash.map({ dot > $0 }) ?? true {
            return String(lessonPath[..<dot]) + ".html"
        }
        return lessonPath + ".html"
    }

    /// Extensions of the files a page may show as images, and so are copied into the site.
    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "avif", "bmp", "ico", "svg"]

    /// Whether `path` names an image by its extension.
    static func isImageFile(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return imageExtensions.contains(path[path.index(after: dot)...].lowercased())
    }

    /// The folder part of a relative path (`a/b.md` → `a`), empty at the top.
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// Joins a folder and a relative reference and removes `.` and `..` segments; `nil` when the
    /// reference climbs above the top.
    static func resolve(_ reference: String, from directory: String) -> String? {
        var parts = directory.isEmpty ? [] : directory.split(separator: "/").map(String.init)
        for part in reference.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// `../` repeated to climb from a page's folder back to the site's top.
    static func rootPrefix(for pagePath: String) -> String {
        String(repeating: "../", count: pagePath.split(separator: "/").count - 1)
    }
}
