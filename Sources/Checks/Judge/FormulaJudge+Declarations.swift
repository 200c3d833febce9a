import Formulas

extension FormulaJudge {
    /// `x = (x_1, …, x_5)ᵀ \in ℝ^5`, `W \in ℝ^{m×n}`, `t \in \{0, 1\}`: a kind, a shape or a
    /// constraint, recorded for what follows, and checked against the matrix written beside it
    /// or the shape known before.
    mutating func declaration(_ formula: Formula) -> Verdict {
        guard let elementIndex = formula.relations.firstIndex(of: .element),
            elementIndex + 1 == formula.relations.count
        else {
            return Verdict(unchecked: .relationNotChecked("∈ within a chain"))
        }
        let set = formula.terms[elementIndex + 1]
        var subjects: [Symbol] = []
        switch formula.terms[0] {
        case .variable(let symbol): subjects = [symbol]
        case .tuple(let entries): subjects = entries.compactMap(\.asSymbol)
        default: break
        }
        guard !subjects.isEmpty, subjects.count == (formula.terms[0].asSymbol == nil ? subjects.count : 1) else {
            return Verdict(unchecked: .membershipNotRead(printer.print(set)))
        }
        let written = formula.terms[1..<(elementIndex + 1)].first
        if subjects.count > 1 {
            // `x, y \in \mathbb{R}`: each named symbol.
            var verdict = Verdict(.definition, "")
            for subject in subjects { verdict = declare(subject, set, written: nil) }
            return Verdict(
                .definition, "declares \(subjects.map(\.description).joined(separator: ", ")): " + verdict.message)
        }
        return declare(subjects[0], set, written: written)
    }

    private mutating func declare(_ subject: Symbol, _ set: Expression, written: Expression?) -> Verdict {
        switch set {
        case .finiteSet(let elements):
            let numbers = elements.compactMap { Self.constantValue($0) }
            guard numbers.count == elements.count, !numbers.isEmpty else {
                return Verdict(.definition, "declares \(subject) ∈ \(printer.print(set))")
            }
            reading.domains[subject] = .values(numbers)
            if subject.index != nil { reading.domains[subject.withoutIndex] = .values(numbers) }
            reading.note(subject, is: .scalar, evidence: .declared)
            return Verdict(
                .definition,
                "constrains \(subject) to {\(numbers.map(Tensor.format).joined(separator: ", "))}; "
                    + "later checks draw it from there")
        case .realSpace(let dimensions):
            if dimensions.isEmpty {
                reading.note(subject, is: .scalar, evidence: .declared)
                return Verdict(.definition, "declares \(subject) a real number")
            }
            guard dimensions.count <= 2 else {
                return Verdict(
                    .definition, "declares \(subject) ∈ \(printer.print(set)), an array of \(dimensions.count) axes")
            }
            let sizes = dimensions.map(dimension)
            let shape = sizes.count == 1 ? Shape.vector(sizes[0]) : Shape(sizes[0], sizes[1])
            let sizeText = dimensions.map { printer.print($0) }.joined(separator: "×")
            var writtenShape: Shape? = nil
            if case .matrix(let rows)? = written { writtenShape = Shape(.number(rows.count), .number(rows[0].count)) }
            if writtenShape == nil, let (kind, evidence) = reading.kind(of: subject), evidence >= .declared,
                case .array(let known) = kind, known.numbers != nil
            {
                writtenShape = known
            }
            if let writtenShape, let numbers = writtenShape.numbers, let declared = shape.numbers {
                if numbers != declared {
                    return Verdict(
                        .mismatch,
                        "\(subject) is written as a \(writtenShape) matrix, but ℝ^\(sizeText) is \(shape)",
                        against: "shape ℝ^\(sizeText)",
                        counterexample: Counterexample(
                            inputs: [], formula: "\(writtenShape)", expected: "\(shape)"))
                }
                reading.note(subject, is: .array(shape), evidence: .declared)
                reading.definedAt[subject] = reading.definedAt[subject] ?? line
                if written != nil {
                    if let written, reading.definitions[subject] == nil, !isEntryList(written, of: subject) {
                        reading.definitions[subject] = written
                    }
                    return Verdict(
                        .verified, "\(subject): the matrix written is \(shape), as ℝ^\(sizeText) says",
                        against: "shape ℝ^\(sizeText)")
                }
                return Verdict(.definition, "declares \(subject) ∈ ℝ^\(sizeText) (\(shape))")
            }
            reading.note(subject, is: .array(shape), evidence: .declared)
            if let written, !isEntryList(written, of: subject) {
                _ = define(subject, as: written, forms: [])
            }
            return Verdict(.definition, "declares \(subject) ∈ ℝ^\(sizeText), \(SymbolKind.array(shape))")
        default:
            return Verdict(.definition, "declares \(subject) ∈ \(printer.print(set))")
        }
    }

    /// A size written in `\mathbb{R}^{…}`: a whole number, or the name of a symbol (`n`, `n_{l-1}`).
    func dimension(_ expression: Expression) -> Dimension {
        if case .number(let value) = expression, let size = Int(exactly: value), size >= 1, size <= 4096 {
            return .number(size)
        }
        return .named(printer.print(expression))
    }
}
