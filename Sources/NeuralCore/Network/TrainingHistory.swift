/// The per-epoch history of a training run, ready to print or plot.
public struct TrainingHistory: RandomAccessCollection, Sendable, Equatable, CustomStringConvertible {
    /// The records, one per epoch, in order.
    public var records: [EpochRecord]

    /// Creates a history from records.
    public init(records: [EpochRecord] = []) { self.records = records }

    /// Index of the first record.
    public var startIndex: Int { records.startIndex }
    /// Index past the last record.
    public var endIndex: Int { records.endIndex }
    /// The record at `position`.
    public subscript(position: Int) -> EpochRecord { records[position] }

    /// The loss of each epoch, for plotting.
    public var losses: [Double] { records.map(\.loss) }
    /// The accuracy of each epoch, for plotting.
    public var accuracies: [Double] { records.map(\.accuracy) }

    /// One line per epoch.
    public var description: String { records.map(\.description).joined(separator: "\n") }
}
