/// A reverse-mode automatic differentiation tape (a Wengert list), micrograd-style but over matrices.
///
/// Every operation on `Variable`s appends a node holding its value and, for each input, the
/// vector–Jacobian product that carries an upstream gradient back to that input. Nodes are
/// appended in evaluation order, so walking them backwards is a topological order.
/// `gradients(of:)` seeds ∂L/∂L = 1 and accumulates. It knows nothing about activations or
/// losses: they are rebuilt from primitives (exp, log, tanh, erf, +, ⊙, ÷, products, sums), which
/// makes it an independent reference for the engine's hand-written derivatives. `Double` only.
/// A class because identity matters: variables refer to their tape.
public final class Tape {
    struct Node {
        var value: Matrix<Double>
        var parents: [(index: Int, vjp: (Matrix<Double>) -> Matrix<Double>)]
    }

    private(set) var nodes: [Node] = []

    /// An empty tape.
    public init() {}

    /// A leaf variable (a parameter or input) with the given value.
    public func variable(_ value: Matrix<Double>) -> Variable {
        record(value, [])
    }

    /// A 1×1 leaf variable holding a scalar.
    public func variable(_ value: Double) -> Variable {
        record(Matrix(rows: 1, columns: 1, elements: [value]), [])
    }

    /// A leaf the caller will not ask a gradient for (same as `variable`, named for intent).
    public func constant(_ value: Matrix<Double>) -> Variable { variable(value) }

    /// ∂output/∂v for every variable v on the tape; `output` must be 1×1 (a loss).
    public func gradients(of output: Variable) -> Gradients {
        precondition(output.tape === self, "gradients(of:): the variable belongs to another tape")
        precondition(output.value.count == 1, "gradients(of:): output is \(output.value.shapeText), needs (1, 1)")
        var adjoints: [Matrix<Double>?] = Array(repeating: nil, count: output.index + 1)
        adjoints[output.index] = Matrix(rows: 1, columns: 1, elements: [1])
        for index in stride(from: output.index, through: 0, by: -1) {
            guard let upstream = adjoints[index] else { continue }
            for parent in nodes[index].parents {
                let contribution = parent.vjp(upstream)
                adjoints[parent.index] = adjoints[parent.index].map { $0 + contribution } ?? contribution
            }
        }
        return Gradients(adjoints: adjoints, tape: self)
    }

    func record(_ value: Matrix<Double>, _ parents: [(index: Int, vjp: (Matrix<Double>) -> Matrix<Double>)]) -> Variable
    {
        nodes.append(Node(value: value, parents: parents))
        return Variable(tape: self, index: nodes.count - 1)
    }

    /// The gradients from one `gradients(of:)` call.
    public struct Gradients {
        let adjoints: [Matrix<Double>?]
        let tape: Tape

        /// ∂output/∂v, shaped like v (zeros when v does not influence the output).
        public subscript(variable: Variable) -> Matrix<Double> {
            precondition(variable.tape === tape, "gradient of a variable from another tape")
            let value = tape.nodes[variable.index].value
            guard variable.index < adjoints.count, let adjoint = adjoints[variable.index] else {
                return Matrix(rows: value.rows, columns: value.columns)
            }
            return adjoint
        }
    }
}
