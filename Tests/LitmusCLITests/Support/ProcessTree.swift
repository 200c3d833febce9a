import Foundation

/// The processes below a process, read from `/proc` (Linux).
enum ProcessTree {
    /// Every process whose parent, grandparent… is `root`.
    static func descendants(of root: Int32) -> Set<Int32> {
        var children: [Int32: [Int32]] = [:]
        for (pid, parent, _) in all() { children[parent, default: []].append(pid) }
        var found: Set<Int32> = []
        var queue = children[root] ?? []
        while let pid = queue.popLast() {
            guard found.insert(pid).inserted else { continue }
            queue += children[pid] ?? []
        }
        return found
    }

    /// Whether `pid` still runs (a zombie — ended, not yet reaped — does not).
    static func isRunning(_ pid: Int32) -> Bool {
        guard let entry = entry(pid) else { return false }
        return entry.state != "Z" && entry.state != "X"
    }

    private static func all() -> [(pid: Int32, parent: Int32, state: Character)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap(Int32.init).compactMap { pid in entry(pid).map { (pid, $0.parent, $0.state) } }
    }

    /// `/proc/PID/stat`: `pid (name) state ppid …`; the name may hold spaces and parentheses.
    private static func entry(_ pid: Int32) -> (parent: Int32, state: Character)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 2, let state = fields[0].first, let parent = Int32(fields[1]) else { return nil }
        return (parent, state)
    }
}
