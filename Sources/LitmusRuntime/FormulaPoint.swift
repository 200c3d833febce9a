import Foundation
import NeuralCore

/// The inputs drawn for one point of a formula's comparison, by name: numbers, vectors and
/// matrices of the sizes drawn for that point.
public struct FormulaPoint: Sendable, CustomStringConvertible {
    /// The inputs in the order they were described, with their values (vectors as columns).
    public private(set) var values: [(name: String, value: Matrix<Double>, isNumber: Bool)] = []

    /// Draws every input of `inputs` with `rng`: sizes first (a named size once), then each input
    /// from its domain, numbers away from `kinks`.
    init(_ inputs: [FormulaInput], kinks: [Double], rng: inout SeededGenerator) {
        var sizes: [String: Int] = [:]
        func size(_ size: FormulaInput.Size) -> Int {
            switch size {
            case .fixed(let value): return max(1, value)
            case .named(let name):
                if let known = sizes[name] { return known }
                let drawn = 2 + Int(rng.next() % 4)
                sizes[name] = drawn
                return drawn
            }
        }
        let shapes: [(rows: Int, columns: Int)] = inputs.map { input in
            switch input.shape {
            case .number: (1, 1)
            case .vector(let length): (size(length), 1)
            case .matrix(let rows, let columns): (size(rows), size(columns))
            }
        }
        for (input, shape) in zip(inputs, shapes) {
            let count = shape.rows * shape.columns
            var entries: [Double]
            switch input.domain {
            case .distribution:
                let raw = (0..<count).map { _ in 0.1 + 0.9 * rng.nextUniform() }
                let total = raw.reduce(0, +)
                entries = raw.map { $0 / total }
            case .oneHot:
                let hot = Int(rng.next() % UInt64(count))
                entries = (0..<count).map { $0 == hot ? 1 : 0 }
            default:
                entries = (0..<count).map { _ in Self.number(input.domain, kinks: kinks, rng: &rng) }
            }
            let isNumber: Bool = if case .number = input.shape { true } else { false }
            values.append((input.name, Matrix(rows: shape.rows, columns: shape.columns, elements: entries), isNumber))
        }
    }

    /// A number from `domain`, at least 0.05 from every kink.
    static func number(_ domain: FormulaInput.Domain, kinks: [Double], rng: inout SeededGenerator) -> Double {
        var value = 0.0
        for _ in 0..<32 {
            switch domain {
            case .real, .distribution, .oneHot:
                let magnitude = 0.05 + 3.95 * rng.nextUniform()
                value = rng.next() & 1 == 0 ? magnitude : -magnitude
            case .positive: value = 0.01 + 0.49 * rng.nextUniform()
            case .probability: value = 0.05 + 0.9 * rng.nextUniform()
            case .values(let choices):
                return choices.isEmpty ? 0 : choices[Int(rng.next() % UInt64(choices.count))]
            }
            if kinks.allSatisfy({ abs(value - $0) >= 0.05 }) { break }
        }
        return value
    }

    private func value(_ name: String) -> Matrix<Double> {
        guard let entry = values.first(where: { $0.name == name }) else {
            preconditionFailure("the formula comparison has no input named \(name)")
        }
        return entry.value
    }

    /// The number named `name`.
    public func number(_ name: String) -> Double { value(name).elements[0] }

    /// The vector named `name`, as an array.
    public func vector(_ name: String) -> [Double] { value(name).elements }

    /// The vector named `name` as a column, or the matrix named `name`.
    public func matrix(_ name: String) -> Matrix<Double> { value(name) }

    /// `x = 0.5, W = [[1, 2], [3, 4]]`.
    public var description: String {
        values.map { "\($0.name) = \(Self.text($0.value, isNumber: $0.isNumber, digits: 4))" }.joined(separator: ", ")
    }

    /// `template` with each `{name}` replaced by that input's value: `softsign({x})` → `softsign(0.5)`.
    func filling(_ template: String) -> String {
        var out = template
        for entry in values {
            out = out.replacingOccurrences(
                of: "{\(entry.name)}", with: Self.text(entry.value, isNumber: entry.isNumber, digits: 4))
        }
        return out
    }

    // MARK: - Text

    /// A value as a reader writes it, to `digits` significant digits: `0.3333`, `[0.1, 0.2]`,
    /// `[[1, 2], [3, 4]]` (a vector of one column reads as a list).
    static func text(_ value: Matrix<Double>, isNumber: Bool, digits: Int) -> String {
        if isNumber || value.count == 1 {
            return number(value.elements[0], digits: digits)
        }
        if value.columns == 1 || value.rows == 1 {
            return "[" + value.elements.map { number($0, digits: digits) }.joined(separator: ", ") + "]"
        }
        return "["
            + (0..<value.rows).map { row in
                "[" + value.row(row).map { number($0, digits: digits) }.joined(separator: ", ") + "]"
            }.joined(separator: ", ") + "]"
    }

    /// `%g` to `digits` significant digits.
    static func number(_ value: Double, digits: Int) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return String(format: "%.\(digits)g", value)
    }
}
