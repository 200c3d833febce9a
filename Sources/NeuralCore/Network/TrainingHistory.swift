/// One epoch of training: the mean loss and the accuracy over the epoch's mini-batches.
public struct EpochRecord: Sendable, Equatable, CustomStringConvertible {
    /// Epoch number, 1-based.
    public var epoch: Int
    /// Mean per-sample loss over the epoch (running, as each mini-batch was seen before its update).
    public var loss: Double
    /// Fraction of samples predicted right over the epoch (argmax, or threshold for one output).
    public var accuracy: Double

    /// Creates a record.
    public init(epoch: Int, loss: Double, accuracy: Double) {
        self.epoch = epoch
        self.loss = loss
        self.accuracy = accuracy
    }

    /// `epoch 3: loss 0.123456, accuracy 97.50%`.
    public var description: String {
        "epoch \(epoch): loss \(loss), accuracy \((accuracy * 10000).rounded() / 100)%"
    }
}

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
