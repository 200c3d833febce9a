import LessonMarkdown

/// Keeps the course's library (the exported cells, `ExportedFile`) and the lessons in step, both
/// ways, by the rule Entangled and jupytext's pairing follow: a cell edited on one side since the
/// last sync flows to the other; a cell edited on both sides is a conflict, and nothing of that
/// lesson is written, so no edit is ever lost.
public enum LibrarySync {
    /// A cell changed on both sides, or a change that cannot be brought across.
    public struct Conflict: Sendable, Equatable {
        public var lessonPath: String
        /// The line of the cell's fence in the lesson (0 when it concerns the whole file).
        public var line: Int
        public var message: String
    }

    /// What bringing the library in line with the lessons takes.
    public struct Plan: Sendable, Equatable {
        /// Files to write, by name.
        public var writes: [String: String] = [:]
        /// Exported files whose lesson is gone or exports nothing any more.
        public var deletions: [String] = []
        /// Names a lesson needs that are taken by a file Litmus did not write.
        public var refusals: [String] = []
        public var conflicts: [Conflict] = []
        public var unchanged: [String] = []

        public init(conflicts: [Conflict] = []) {
            self.conflicts = conflicts
        }

        public var isInSync: Bool { writes.isEmpty && deletions.isEmpty && refusals.isEmpty && conflicts.isEmpty }
    }

    /// Lessons → library. `existing` is the library folder's `.swift` files by name; `isGone`
    /// says whether a lesson path no longer exists.
    public static func forward(
        _ lessons: [(path: String, lesson: Lesson)], existing: [String: String], isGone: (String) -> Bool
    ) -> Plan {
        var plan = Plan()
        var expected: Set<String> = []
        for (path, lesson) in lessons {
            guard let file = ExportedFile.of(lesson, lessonPath: path) else { continue }
            expected.insert(file.fileName)
            guard let current = existing[file.fileName] else {
                plan.writes[file.fileName] = file.contents
                continue
            }
            guard let old = ExportedFile.parse(current) else {
                plan.refusals.append(file.fileName)
                continue
            }
            let edited = unsyncedEdits(old)
            let conflicts = edited.compactMap { index -> Conflict? in
                guard index >= file.blocks.count || old.blocks[index].text != file.blocks[index].text else {
                    return nil
                }
                return Conflict(
                    lessonPath: path, line: index < file.blocks.count ? file.blocks[index].line : 0,
                    message: "cell \(index + 1) was edited in the library's \(file.fileName) since the last sync; "
                        + "run 'litmus sync --from-code' to bring the edit into the lesson first")
            }
            if !conflicts.isEmpty {
                plan.conflicts += conflicts
            } else if current == file.contents {
                plan.unchanged.append(file.fileName)
            } else {
                plan.writes[file.fileName] = file.contents
            }
        }
        for (name, contents) in existing.sorted(by: { $0.key < $1.key }) where !expected.contains(name) {
            guard let old = ExportedFile.parse(contents) else { continue }
            let lessonExists = !isGone(old.lessonPath)
            let ownLesson = lessons.contains { $0.path == old.lessonPath }
            // A file of a lesson that exists but was not synced this time stays as it is.
            guard !lessonExists || ownLesson else { continue }
            if !unsyncedEdits(old).isEmpty {
                plan.conflicts.append(
                    Conflict(
                        lessonPath: old.lessonPath, line: 0,
                        message: "the library's \(name) has edits no lesson holds, and its lesson "
                            + (lessonExists ? "exports nothing any more" : "is gone") + "; move the edits away first"))
            } else {
                plan.deletions.append(name)
            }
        }
        return plan
    }

    /// What bringing a library's edits back into a lesson gives.
    public enum Backward: Sendable, Equatable {
        /// The lesson's new text and the fence lines of the cells replaced (none: nothing to do).
        case success(text: String, lines: [Int])
        /// Cells that cannot be brought back; nothing of the lesson is to be written.
        case failure([Conflict])
    }

    /// Library → lesson for one Markdown lesson: the lesson's text with every cell edited only in
    /// `exported` replaced by its edit, the fence lines of the cells it replaced, or the conflicts
    /// (then nothing is to be written).
    public static func backward(lesson: Lesson, text: String, exported: ExportedFile) -> Backward {
        let cells = ExportedFile.exportCells(of: lesson)
        let path = exported.lessonPath
        guard cells.count == exported.blocks.count else {
            return .failure([
                Conflict(
                    lessonPath: path, line: 0,
                    message: "the lesson has \(cells.count) export cells and the library \(exported.blocks.count); "
                        + "the cells changed since the last sync, so edits cannot be matched to them")
            ])
        }
        guard lesson.format == .markdown else {
            let edited = unsyncedEdits(exported)
            if edited.isEmpty { return .success(text: text, lines: []) }
            return .failure(
                edited.map {
                    Conflict(
                        lessonPath: path, line: cells[$0].range?.start.line ?? 0,
                        message: "edits to a notebook's exported cells are not written back; copy cell "
                            + "\($0 + 1) into the notebook by hand")
                })
        }
        let lineEnding = text.contains("\r\n") ? "\r\n" : "\n"
        var lines = text.components(separatedBy: lineEnding)
        var replaced: [Int] = []
        var conflicts: [Conflict] = []
        // From the bottom up, so the fences above keep their line numbers.
        for index in cells.indices.reversed() {
            let block = exported.blocks[index]
            let cell = cells[index]
            let fence = cell.range?.start.line ?? 1
            guard ExportedFile.hash(block.text) != block.base, block.text != cell.source else { continue }
            guard ExportedFile.hash(cell.source) == block.base else {
                conflicts.append(
                    Conflict(
                        lessonPath: path, line: fence,
                        message: "cell \(index + 1) changed both in the lesson and in the library since the last "
                            + "sync; make the two the same by hand (or delete the library's file to keep the "
                            + "lesson's), then run 'litmus sync'"))
                continue
            }
            guard let fenced = FencedBlock(lines: lines, opening: fence - 1) else {
                conflicts.append(Conflict(lessonPath: path, line: fence, message: "the cell's fence is not closed"))
                continue
            }
            lines = fenced.replacingContents(of: lines, with: block.text)
            replaced.append(fence)
        }
        if !conflicts.isEmpty { return .failure(conflicts.reversed()) }
        return .success(text: lines.joined(separator: lineEnding), lines: replaced.sorted())
    }

    /// The blocks edited in the library since the last sync.
    static func unsyncedEdits(_ file: ExportedFile) -> [Int] {
        file.blocks.indices.filter { ExportedFile.hash(file.blocks[$0].text) != file.blocks[$0].base }
    }
}
