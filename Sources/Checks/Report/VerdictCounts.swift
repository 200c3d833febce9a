/// How many formulas got each status, with the claims (verified, mismatch, unchecked) counted
/// apart from definitions and mentions.
public struct VerdictCounts: Hashable, Sendable {
    /// The count of each status.
    public private(set) var byStatus: [Verdict.Status: Int] = [:]
    /// Formulas that state a relation (an equation, an inequality, a definition, a stated shape)…
    public private(set) var relations = 0
    /// …and how many of them are left `unchecked`: the share the reading could not decide.
    public private(set) var uncheckedRelations = 0

    /// No formulas yet.
    public init() {}

    /// Counts one formula of `status`.
    public mutating func add(_ status: Verdict.Status, count: Int = 1) { byStatus[status, default: 0] += count }

    /// Counts one formula of `status` that states a relation or not.
    public mutating func add(_ status: Verdict.Status, statesRelation: Bool) {
        add(status)
        guard statesRelation else { return }
        relations += 1
        if status == .unchecked { uncheckedRelations += 1 }
    }

    /// The counts of several lessons together.
    public init(_ reports: [LessonReport]) {
        for report in reports { add(report.counts) }
    }

    /// Adds another lesson's counts.
    public mutating func add(_ other: VerdictCounts) {
        for (status, count) in other.byStatus { add(status, count: count) }
        relations += other.relations
        uncheckedRelations += other.uncheckedRelations
    }

    /// The count of `status`.
    public subscript(status: Verdict.Status) -> Int { byStatus[status, default: 0] }

    /// Formulas that state a claim: verified, mismatch and unchecked.
    public var claims: Int { self[.verified] + self[.mismatch] + self[.unchecked] }
    /// Every formula counted.
    public var total: Int { byStatus.values.reduce(0, +) }

    /// `12 claims: 9 verified, 1 mismatch, 2 unchecked; 20 definitions; 31 mentions` (and
    /// `; 1 error` when a formula does not parse).
    public var summary: String {
        func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
        var text =
            "\(plural(claims, "claim")): \(self[.verified]) verified, \(self[.mismatch]) mismatch, "
            + "\(self[.unchecked]) unchecked; \(plural(self[.definition], "definition")); "
            + plural(self[.mention], "mention")
        if self[.error] > 0 { text += "; " + plural(self[.error], "error") }
        return text
    }

    /// `262 of 931 formulas that state a relation are unchecked (28%)`.
    public var uncheckedShare: String {
        let percent = relations == 0 ? 0 : (100 * uncheckedRelations + relations / 2) / relations
        return "\(uncheckedRelations) of \(relations) formulas that state a relation are unchecked (\(percent)%)"
    }
}
