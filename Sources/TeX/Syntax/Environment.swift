/// `\begin{name} … \end{name}`: rows of cells separated by `\\` and `&`.
public struct Environment: Hashable, Sendable {
    /// The environment name, e.g. `pmatrix`, `cases`, `align*`.
    public var name: String
    /// The column specification of `array` (`{cc|c}`), if any.
    public var columnSpec: String?
    /// The rows; each cell is a `.row` node. A trailing `\\` adds no empty row.
    public var rows: [[TeXNode]]

    /// Creates an environment.
    public init(name: String, columnSpec: String? = nil, rows: [[TeXNode]]) {
        self.name = name
        self.columnSpec = columnSpec
        self.rows = rows
    }

    /// The number of columns of the widest row.
    public var columnCount: Int { rows.map(\.count).max() ?? 0 }
}
