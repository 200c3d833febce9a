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
