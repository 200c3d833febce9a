import Foundation

/// A value of a formula: a scalar, or a matrix (a column vector is n×1), of dual numbers.
public struct Tensor: Hashable, Sendable, CustomStringConvertible {
    /// Rows; 1 for a scalar.
    public var rows: Int
    /// Columns; 1 for a scalar or a column vector.
    public var columns: Int
    /// Entries in row-major order.
    public var entries: [Dual]
    /// Whether this is a plain number rather than a 1×1 matrix.
    public var isScalar: Bool

    /// A scalar.
    public init(_ value: Dual) {
        rows = 1
        columns = 1
        entries = [value]
        isScalar = true
    }

    /// A scalar constant.
    public init(_ value: Double) { self.init(Dual(value)) }

    /// A rows×columns matrix from row-major entries.
    public init(rows: Int, columns: Int, entries: [Dual]) {
        precondition(
            entries.count == rows * columns,
            "\(rows)×\(columns) matrix needs \(rows * columns) entries, got \(entries.count)")
        self.rows = rows
        self.columns = columns
        self.entries = entries
        self.isScalar = false
    }

    /// Whether it holds one number (a scalar or a 1×1 matrix).
    public var isSingle: Bool { rows == 1 && columns == 1 }
    /// The entry at 0-based row and column.
    public subscript(row: Int, column: Int) -> Dual { entries[row * columns + column] }
    /// The values, without tangents.
    public var values: [Double] { entries.map(\.value) }
    /// The shape as people write it: `scalar`, `6×1`, `1×5`.
    public var shapeText: String { isScalar ? "scalar" : "\(rows)×\(columns)" }

    /// The same entries with `transform` applied.
    public func map(_ transform: (Dual) -> Dual) -> Tensor {
        var copy = self
        copy.entries = entries.map(transform)
        return copy
    }

    /// Values as people read them: `0.731`, `(0.1, 0.2, 0.3)ᵀ`, `[[1, 2], [3, 4]]`.
    public var description: String {
        let numbers = entries.map { Tensor.format($0.value) }
        if isSingle { return numbers[0] }
        if columns == 1 { return "(" + numbers.joined(separator: ", ") + ")ᵀ" }
        return "["
            + (0..<rows).map { r in "[" + numbers[(r * columns)..<((r + 1) * columns)].joined(separator: ", ") + "]" }
            .joined(separator: ", ") + "]"
    }

    /// Six significant digits, no trailing zeros.
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == value.rounded(), abs(value) < 1e9 { return String(Int(value)) }
        var text = String(format: "%.6g", value)
        if text.contains("e") { return text }
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
