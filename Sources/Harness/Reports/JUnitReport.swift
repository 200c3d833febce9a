import CellRecords

/// A JUnit XML report of a run, as CI dashboards read it: one `<testsuite>` per lesson (named by
/// its path), one `<testcase>` per cell and per formula test (named with the lesson's line, and
/// the cell's function for a formula compared with one), a
/// `<failure>` for a cell that failed, an `<error>` for one that trapped, timed out or did not
/// compile, `<skipped/>` for one that did not run. Deterministic but for the times.
public enum JUnitReport {
    public static func xml(_ records: [LessonRecord]) -> String {
        var totals = (tests: 0, failures: 0, errors: 0, skipped: 0)
        var suites = ""
        for record in records {
            var cases = ""
            var counts = (tests: 0, failures: 0, errors: 0, skipped: 0)
            var time = 0.0
            for cell in record.cells {
                counts.tests += 1
                time += cell.seconds ?? 0
                let name = "cell at \(record.lesson):\(cell.line)"
                cases += "    <testcase classname=\"\(escape(record.lesson))\" name=\"\(escape(name))\""
                cases += " file=\"\(escape(record.lesson))\" line=\"\(cell.line)\" time=\"\(seconds(cell.seconds))\""
                switch cell.status {
                case .passed:
                    cases += "/>\n"
                case .skipped:
                    counts.skipped += 1
                    cases += ">\n      <skipped/>\n    </testcase>\n"
                case .failed, .timedOut:
                    let failure = cell.failure
                    let isError =
                        cell.status == .timedOut || failure?.kind == .trapped || failure?.kind == .compileError
                    if isError { counts.errors += 1 } else { counts.failures += 1 }
                    let element = isError ? "error" : "failure"
                    let line = failure?.line ?? cell.line
                    let message = "\(record.lesson):\(line): \(failure?.message ?? cell.status.rawValue)"
                    cases += ">\n      <\(element) type=\"\(failure?.kind.rawValue ?? cell.status.rawValue)\""
                    cases += " message=\"\(escape(message))\">\(escape(details(cell), attribute: false))</\(element)>\n"
                    if !cell.output.isEmpty {
                        cases += "      <system-out>\(escape(cell.output, attribute: false))</system-out>\n"
                    }
                    cases += "    </testcase>\n"
                }
            }
            for formula in record.formulas {
                counts.tests += 1
                // A formula compared with a cell's function is a case apart from its NeuralCore check.
                let name =
                    "formula at \(record.lesson):\(formula.line)" + (formula.function.map { " against \($0)" } ?? "")
                cases += "    <testcase classname=\"\(escape(record.lesson))\" name=\"\(escape(name))\""
                cases += " file=\"\(escape(record.lesson))\" line=\"\(formula.line)\""
                switch formula.status {
                case .passed:
                    cases += "/>\n"
                case .skipped:
                    counts.skipped += 1
                    cases += ">\n      <skipped/>\n    </testcase>\n"
                case .failed, .timedOut:
                    counts.failures += 1
                    let message = "\(record.lesson):\(formula.line): \(formula.message ?? "failed")"
                    cases += ">\n      <failure type=\"formula\" message=\"\(escape(message))\"/>\n    </testcase>\n"
                }
            }
            suites += "  <testsuite name=\"\(escape(record.lesson))\" tests=\"\(counts.tests)\""
            suites += " failures=\"\(counts.failures)\" errors=\"\(counts.errors)\" skipped=\"\(counts.skipped)\""
            suites += " time=\"\(seconds(time))\">\n" + cases + "  </testsuite>\n"
            totals.tests += counts.tests
            totals.failures += counts.failures
            totals.errors += counts.errors
            totals.skipped += counts.skipped
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"litmus\" tests=\"\(totals.tests)\" failures=\"\(totals.failures)\""
            + " errors=\"\(totals.errors)\" skipped=\"\(totals.skipped)\">\n" + suites + "</testsuites>\n"
    }

    private static func details(_ cell: CellRecord) -> String {
        var text = cell.failure?.message ?? ""
        if cell.failure?.kind == .outputMismatch, let expected = cell.expected {
            text += "\nexpected:\n" + expected + "actual:\n" + cell.output
        }
        if let log = cell.failure?.log { text += "\nlog: " + log }
        return text
    }

    private static func seconds(_ value: Double?) -> String {
        let value = value ?? 0
        return String(Double(Int((value * 1000).rounded())) / 1000)
    }

    /// Text for an XML attribute or element: markup characters escaped, and characters XML 1.0
    /// cannot carry (most control characters) dropped.
    static func escape(_ text: String, attribute: Bool = true) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += attribute ? "&#10;" : "\n"
            case "\t", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
