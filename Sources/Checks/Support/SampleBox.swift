/// A number drawn while preparing a sample point and read again when computing the reference
/// at that point (a leaky ReLU's slope, the entry of a softmax, an update's gradient).
///
/// A class because `prepare` and `reference` are separate closures that must share the draw.
final class SampleBox: @unchecked Sendable {
    var value = 0.0
}
