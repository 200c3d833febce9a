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
            // `H = XW + \mathbf{1}\mathbf{b}^\top`, then `H \in \mathbb{R}^{B \times h}`: a claim about the
            // shape the definition gives, where the lesson's own declarations fix that shape.
            if written == nil, let verdict = declaredShapeOfDefinition(subject, shape, sizeText: sizeText) {
                return verdict
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
    /// The shape a definition of this section gives `subject`, against the one a declaration
    /// states: verified when they are the same sizes, a mismatch when the definition's sizes — all
    /// of them sizes the lesson declared, none the reader made up — are others (`X·W` of a B×d X
    /// and a d×h W is B×h, not B×d). `nil` where the definition's shape is not fixed by the lesson.
    func declaredShapeOfDefinition(_ subject: Symbol, _ shape: Shape, sizeText: String) -> Verdict? {
        guard let body = reading.definitions[subject], reading.definedIn[subject] == context.section,
            let defined = reading.definedAt[subject]
        else { return nil }
        let inputs = ClaimReadings.inputs(of: [body], reading: reading)
        // Every input's shape declared by then (`W_{hq} \in …` written after `O = HW_{hq} + b_q` and
        // its declaration leaves O's shape open there).
        guard !inputs.isEmpty, inputs.allSatisfy({ reading.isArrayStated($0) && reading.arrayShape($0) != nil })
        else { return nil }
        // Only functions whose shapes are known (the engine's, applied entry by entry): an open `\phi`
        // may map its argument to anything.
        let along = ClaimReadings.definedAlongTheWay([body], reading: reading).compactMap { reading.definitions[$0] }
        let called = ([body] + along).flatMap(\.calledFunctions)
        guard
            called.allSatisfy({
                reading.shapePreservingKeys.contains($0.key) || ShapeInference.elementwiseKeys.contains($0.key)
            })
        else { return nil }
        let stated = ClaimReadings.statedShapes(
            inputs: inputs, definedAlongTheWay: ClaimReadings.definedAlongTheWay([body], reading: reading),
            reading: reading)
        guard let inferred = inferredShape(body, inputs: inputs, statedShapes: stated),
            !inferred.rows.isUnstated, !inferred.columns.isUnstated
        else { return nil }
        let against = "the definition of \(subject) (line \(defined))"
        if inferred == shape {
            return Verdict(
                .verified, "\(subject) ∈ ℝ^\(sizeText): the definition at line \(defined) makes it \(inferred)",
                against: against)
        }
        return Verdict(
            .mismatch,
            "\(subject) is declared ℝ^\(sizeText) (\(shape)), but its definition at line \(defined), "
                + "`\(printer.print(body))`, makes it \(inferred)",
            against: against,
            counterexample: Counterexample(inputs: [], formula: "\(shape)", expected: "\(inferred)"))
    }

    func dimension(_ expression: Expression) -> Dimension {
        if case .number(let value) = expression, let size = Int(exactly: value), size >= 1, size <= 4096 {
            return .number(size)
        }
        return .named(printer.print(expression))
    }
}
