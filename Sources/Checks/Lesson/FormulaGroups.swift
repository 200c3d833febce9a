import Formulas
import LessonMarkdown

/// Which spans of a lesson are read as one formula.
enum FormulaGroups {
    /// For each span, the first span of the formula it belongs to. Spans of one group (only white
    /// space between them) are read as one formula where a span ends with a relation (`$x =$ $z$`)
    /// or the next starts with one, together with relation-free spans just before such a run
    /// (`$W$ $x =$ $z$`); otherwise each span stands alone (`$b$ $L = …$` are two formulas).
    static func leaders(_ spans: [MathSpan], layouts: [Lowerer.RelationLayout]) -> [Int] {
        var leaders = spans.map(\.index)
        var index = 1
        while index < spans.count {
            let previous = index - 1
            if spans[index].group == spans[previous].group,
                layouts[previous].endsWithRelation || layouts[index].startsWithRelation
            {
                leaders[index] = leaders[previous]
            }
            index += 1
        }
        // `$W$ $x =$ $z$`: a relation-free span joins a run whose first span only ends with its relation.
        for index in spans.indices.dropLast().reversed() {
            let next = index + 1
            let layout = layouts[next]
            guard spans[index].group == spans[next].group, leaders[next] == next, leaders[index] == index,
                layouts[index].count == 0, layout.count == 1, layout.endsWithRelation
            else { continue }
            for later in spans.indices where leaders[later] == next { leaders[later] = index }
        }
        return leaders
    }
}
