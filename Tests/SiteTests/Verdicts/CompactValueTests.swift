import Testing

@testable import Site

struct CompactValueTests {
    @Test(arguments: [
        ("0.5", "0.5"), ("-1.58356", "-1.58"), ("1234.5678", "1235"), ("0.000123456", "0.000123456"),
        ("(1.5, 2, 3)ᵀ", "(1.5, 2, 3)ᵀ"), ("(-1.41821, 1.18109, 0.884437, -0.551047)ᵀ", "4 (-1.42, 1.18, 0.884, …)ᵀ"),
        ("[[1, 2, 3, 4, 5], [6, 7, 8, 9, 10]]", "2×5 [[1, 2, 3, …], …]"), ("[[1, 2], [3]]", "[[1, 2], [3]]"),
        ("not (a value", "not (a value"), ("{0, 1}", "{0, 1}"),
    ])
    func compacts(_ text: String, _ expected: String) {
        #expect(CompactValue.compact(text) == expected)
    }
}
