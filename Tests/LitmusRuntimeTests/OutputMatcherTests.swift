import Testing

@testable import LitmusRuntime

struct OutputMatcherTests {
    @Test(arguments: [
        ("0.731\n", "0.7310585786300049\n", true),
        ("0.731\n", "0.7306\n", true),
        ("0.731\n", "0.7304\n", false),
        ("3\n", "3\n", true),
        ("3\n", "3.2\n", false),
        ("loss 0.25 after 10 epochs\n", "loss 0.2500001 after 10 epochs\n", true),
        ("loss 0.25 after 10 epochs\n", "loss 0.2500001 after 11 epochs\n", false),
        ("-0.4\n", "-0.39999999999999997\n", true),
        ("1e-3\n", "0.001\n", true),
        ("a\n...\nz\n", "a\nb\nc\nz\n", true),
        ("a\n...\nz\n", "a\nz\n", true),
        ("a\n...\n", "a\n", true),
        ("a\n...\nz\n", "a\nb\n", false),
        ("[0.5, 0.25]\n", "[0.5000001, 0.2499999]\n", true),
        ("text\n", "text  \n\n", true),
        ("x1 = 2\n", "x1 = 2\n", true),
        ("epoch 1\n", "epoch 2\n", false),
    ])
    func numbersMatchToTheirWrittenPrecision(expected: String, actual: String, matches: Bool) {
        #expect(OutputMatcher.matches(expected: expected, actual: actual) == matches)
    }

    @Test func theDiffShowsBothSides() {
        let diff = OutputMatcher.diff(expected: "1\n2\n", actual: "1\n3\n")
        #expect(diff.contains("- 2\n"))
        #expect(diff.contains("+ 3\n"))
    }
}
