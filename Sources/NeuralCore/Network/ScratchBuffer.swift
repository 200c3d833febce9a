/// A fixed-capacity buffer of scalars allocated once and reused by every training step.
///
/// A class because identity matters: the workspace hands the same memory to `gemm` on every step,
/// so the step itself never allocates. Freed in `deinit`.
final class ScratchBuffer<Scalar: NeuralScalar> {
    /// The first element; `capacity` elements are allocated and zero-initialised.
    let pointer: UnsafeMutablePointer<Scalar>
    /// Number of elements allocated.
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        pointer = .allocate(capacity: Swift.max(capacity, 1))
        pointer.initialize(repeating: 0, count: Swift.max(capacity, 1))
    }

    deinit { pointer.deallocate() }

    /// Copies the first rows·columns elements out as a matrix.
    func matrix(rows: Int, columns: Int) -> Matrix<Scalar> {
        precondition(rows * columns <= capacity, "scratch of \(capacity) read as (\(rows), \(columns))")
        return Matrix(
            rows: rows, columns: columns, elements: Array(UnsafeBufferPointer(start: pointer, count: rows * columns)))
    }
}
