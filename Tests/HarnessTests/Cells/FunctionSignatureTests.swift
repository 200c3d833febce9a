import Testing

@testable import Harness

/// The scanner reads a top-level function's parameters and result without the compiler.
struct FunctionSignatureTests {
    private func signature(_ source: String) throws -> (name: String, signature: FunctionSignature) {
        let declaration = try #require(SwiftCellScanner(source).declarations.first { $0.kind == .function })
        return (declaration.name, try #require(declaration.signature))
    }

    @Test func labelsNamesTypesAndDefaults() throws {
        let (name, read) = try signature(
            "func leakyRelu(_ z: Double, alpha: Double = 0.01, from  table: [Double] = [1, 2]) -> Double {\n  z\n}\n")
        #expect(read.swiftName(name) == "leakyRelu(_:alpha:from:)")
        #expect(read.parameters.map(\.label) == [nil, "alpha", "from"])
        #expect(read.parameters.map(\.name) == ["z", "alpha", "table"])
        #expect(read.parameters.map(\.hasDefault) == [false, true, true])
        #expect(read.parameterTypes == [.number, .number, .vector])
        #expect(read.resultType == .number)
    }

    @Test(arguments: [
        (
            "func f(_ x: [Double]) -> [Double] { x }", [FunctionSignature.ValueType.vector],
            FunctionSignature.ValueType.vector
        ),
        (
            "func f(_ w: Matrix<Double>, b: Array<Double>) -> NeuralCore.Matrix<Double> { w }", [.matrix, .vector],
            .matrix
        ),
        ("func f(_ x: Float) -> Float { x }", [.other("Float")], .other("Float")),
        (
            "func f(_ g: (Double) -> Double, at x: Double) -> Double { g(x) }",
            [.other("(Double) -> Double"), .number], .number
        ),
        ("func f(_ d: [String: Int]) -> Double { 0 }", [.other("[String: Int]")], .number),
    ])
    func typesAreReadRoughly(
        source: String, parameters: [FunctionSignature.ValueType], result: FunctionSignature.ValueType
    )
        throws
    {
        let (_, read) = try signature(source)
        #expect(read.parameterTypes == parameters)
        #expect(read.resultType == result)
    }

    @Test func genericThrowingAsyncInoutAndVoidAreKnown() throws {
        #expect(try signature("func f<T: Numeric>(_ x: T) -> T { x }").signature.isGeneric)
        #expect(try signature("func f(_ x: Double) throws -> Double { x }").signature.throwing)
        #expect(try signature("func f(_ x: Double) async throws(MyError) -> Double { x }").signature.isAsync)
        #expect(
            try signature("func f(_ x: Double) async throws(MyError) -> Double { x }").signature.resultType == .number)
        #expect(try signature("func f(_ x: inout Double) { x += 1 }").signature.parameters[0].isInout)
        #expect(try signature("func f(_ x: Double) { print(x) }").signature.resultType == nil)
        #expect(try signature("func f(_ x: Double) -> Void { }").signature.resultType == nil)
        #expect(
            try signature("func f(`in` x: Double) -> Double where Double: Numeric { x }").signature.swiftName("f")
                == "f(in:)")
    }

    @Test func aFunctionSpreadOverLinesWithCommentsAndStringDefaults() throws {
        let (name, read) = try signature(
            """
            @inlinable
            public func describe(
                _ value: Double,
                unit: String = "m, s",
                scale: Double = 1
            ) -> String {
                "\\(value * scale) \\(unit)"
            }
            """)
        #expect(read.swiftName(name) == "describe(_:unit:scale:)")
        #expect(read.resultType == .other("String"))
    }

    @Test func otherDeclarationsHaveNoSignature() {
        let scan = SwiftCellScanner("let f = 1\nstruct S { func g(_ x: Double) -> Double { x } }\n")
        #expect(scan.declarations.allSatisfy { $0.signature == nil })
    }
}
