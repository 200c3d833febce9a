import LitmusDiagnostics
import TeX

extension TermReader {
    /// What a named atom turned out to be.
    private enum Named {
        case function(FunctionName)
        case symbol(Symbol)
        case value(Expression)
    }

    // MARK: - Names, symbols and calls

    /// Reads an identifier, styled letter, text, function name or accent, with its scripts, and
    /// the arguments that follow it when it names a function.
    mutating func readNamed(_ base: TeXNode, scripts: Scripts?, whole: TeXNode? = nil) throws(LoweringFailure)
        -> Expression
    {
        var named = try name(of: base, mergingLetters: scripts == nil)
        if case .value(let expression) = named {
            return try scripts.map { scripts throws(LoweringFailure) in
                try applyScripts(expression, scripts, whole ?? base)
            }
                ?? expression
        }
        var derivative = 0
        var powerAfterCall: Expression? = nil
        var transposed = false
        if let scripts {
            derivative = scripts.primes
            switch named {
            case .symbol(var symbol):
                if let sub = scripts.sub { symbol.index = Self.text(sub) }
                if let sup = scripts.sup {
                    switch try superscript(sup, of: symbol.name) {
                    case .label(let label): symbol.label = label
                    case .transposedLabel(let label):
                        symbol.label = label
                        transposed = true
                    case .primes(let count): symbol.primes += count
                    case .transpose: transposed = true
                    case .power(let power): powerAfterCall = power
                    case .star: symbol.accents.append("star")
                    }
                }
                symbol.primes += scripts.primes
                named = .symbol(symbol)
                derivative = 0
            case .function(let function):
                if let sub = scripts.sub, function.key == "lim", scripts.sup == nil,
                    let (variable, target) = try Self.limitTarget(sub, lowerer)
                {
                    // `\lim_{\epsilon \to 0} \frac{f(x + \epsilon) - f(x)}{\epsilon}`.
                    return .limit(variable: variable, to: target, body: try readProduct())
                }
                if let sub = scripts.sub, function.key == "log", scripts.sup == nil,
                    let arguments = try readArguments(required: false), arguments.count == 1
                {
                    // `\log_2(p_i)`: the logarithm to that base.
                    let base = try Self.lowerNode(sub, lowerer)
                    return .divide(
                        .call(function, derivative: 0, arguments), .call(FunctionName("log"), derivative: 0, [base]))
                }
                if scripts.sub != nil, function.key == "𝔼", scripts.sup == nil {
                    // `\mathbb{E}_{x \sim p}[f(x)]`: the law is the one the lesson states for x.
                } else if let sub = scripts.sub {
                    // `\max_i x_i`, `\operatorname{argmax}_k p_k`: over the entries an index runs through.
                    guard let kind = Expression.Extremum(rawValue: function.key), scripts.sup == nil,
                        let index = Self.extremumIndex(sub)
                    else {
                        throw LoweringFailure(.subscriptOnFunction, Self.text(base), at: base.range)
                    }
                    return .extremum(kind, index: index, body: try readFactor())
                }
                if let sup = scripts.sup {
                    switch try superscript(sup) {
                    case .primes(let count): derivative += count
                    case .power(.negate(.number(1))):
                        // `\tanh^{-1}`: the inverse function.
                        named = .function(FunctionName(function.written + "⁻¹"))
                    case .power(let power): powerAfterCall = power
                    case .label, .transpose, .star, .transposedLabel:
                        throw LoweringFailure(.superscriptOnFunction, Self.text(base), at: sup.range)
                    }
                }
            case .value: break
            }
        }
        if case .symbol(var symbol) = named, symbol.label == nil, let label = gluedLabel(after: whole ?? base) {
            // `W{(2)}`: a braced group glued to a letter, as the TeX lint warns; read as `W^{(2)}`.
            symbol.label = label
            named = .symbol(symbol)
        }
        var result: Expression
        switch named {
        case .function(let function):
            if let arguments = try readArguments(required: false) {
                result = .call(function, derivative: derivative, arguments)
                if function.key == "𝔼", arguments.count == 1, derivative == 0 { result = .expectation(arguments[0]) }
                if let index = pendingComponent {
                    result = .component(result, index: index)
                    pendingComponent = nil
                }
                result = applyPendingPower(result)
            } else if items.count == 1 || position == items.count && lowerer.functionKeys.contains(function.key) {
                // A function named but not applied (`$\tanh$`, the `\tanh` of `d\tanh/dx`): its name.
                result = .variable(Symbol(function.written, primes: derivative))
            } else {
                throw LoweringFailure(.malformed, function.written, at: base.range)
            }
        case .symbol(let symbol):
            let key = FunctionName.normalise(symbol.name)
            // `D_{KL}(t \| p)`: a name with a subscript is a function only if the lesson defines one so.
            let subscripted = symbol.index.map { FunctionName("\(symbol.name)_{\($0)}") }
            let callable =
                symbol.label == nil
                && (subscripted.map { lowerer.functionKeys.contains($0.key) || isWordName(symbol) && appliedNext }
                    ?? (lowerer.functionKeys.contains(key) || Lowerer.functionLetters.contains(symbol.name)
                        || appliedToArgument(symbol)))
            if !callable, symbol.label == nil, symbol.index == nil, let index = bracketIndex(after: symbol) {
                // `s[1]`, `x[i]`: an entry, as code writes it.
                var entry = symbol
                entry.index = index
                result = .variable(entry)
            } else if callable, !transposed, let arguments = try readArguments(required: false, strict: true) {
                var function = subscripted ?? FunctionName(symbol.name)
                if powerAfterCall == .negate(.number(1)) {
                    // `\sigma^{-1}(p)`, `f^{-1}(y)`: the inverse function (`f(y)^{-1}` is a reciprocal).
                    function = FunctionName(function.written + "⁻¹")
                    powerAfterCall = nil
                }
                result = applyPendingPower(.call(function, derivative: symbol.primes, arguments))
            } else {
                result = .variable(symbol)
            }
        case .value(let expression):
            result = expression
        }
        if transposed { result = .transpose(result) }
        if let powerAfterCall { result = .power(result, powerAfterCall) }
        return result
    }

    /// `\epsilon \to 0` under `\lim`: the variable and the value it goes to.
    static func limitTarget(_ sub: TeXNode, _ lowerer: Lowerer) throws(LoweringFailure) -> (Symbol, Expression)? {
        let items = flatten(sub)
        guard
            let arrow = items.firstIndex(where: { node in
                if case .symbol(let symbol) = node.kind { return symbol.text == "→" }
                return false
            }), arrow > 0, arrow < items.count - 1
        else { return nil }
        var left = TermReader(items: Array(items[..<arrow]), lowerer: lowerer)
        var right = TermReader(items: Array(items[(arrow + 1)...]), lowerer: lowerer)
        guard case .variable(let variable) = try left.readAll() else { return nil }
        return (variable, try right.readAll())
    }

    /// The index of `\max_i`, `\max_{i}`, `\max_{1 \le i \le n}`, `\max_{i \in S}`: its one lower-case letter.
    static func extremumIndex(_ sub: TeXNode) -> String? {
        let letters = flatten(sub).compactMap { node -> String? in
            if case .identifier(let name) = node.kind, name.count == 1, name.first!.isLowercase { return name }
            return nil
        }
        return letters.first
    }

    /// Whether the next item is a parenthesis or bracket (possibly with scripts).
    private var appliedNext: Bool {
        guard position < items.count else { return false }
        let next = items[position]
        if Self.isParenthesis(next) { return true }
        if case .scripts(let scripts) = next.kind { return Self.isParenthesis(scripts.base) }
        return false
    }

    /// A name of several letters (`\textrm{Cov}`, `\mathrm{Var}`), never a product of letters.
    private func isWordName(_ symbol: Symbol) -> Bool { symbol.name.count > 1 }

    /// A letter applied to an argument: `p(\epsilon)`, `L(\mathbf{w})`, `h(s)` (one name in
    /// parentheses, or several separated by commas), `E[X - E[X]]` (a capital before brackets);
    /// never a letter before an expression (`p(1 - p)`, `x(y + z)` multiply).
    private func appliedToArgument(_ symbol: Symbol) -> Bool {
        guard symbol.name.count == 1 || isWordName(symbol), symbol.index == nil || isWordName(symbol),
            position < items.count
        else { return false }
        if operandOfGradient || isWordName(symbol)
            || lowerer.survey.appliedLetters.contains(symbol.name) && symbol.index == nil
        {
            return appliedNext
        }
        var next = items[position]
        if case .scripts(let scripts) = next.kind, scripts.sub == nil { next = scripts.base }
        guard case .fenced(let fence) = next.kind else { return false }
        let inner = Self.flatten(fence.body)
        if fence.open?.text == "[", symbol.name.first!.isUppercase { return true }
        guard fence.open?.text == "(", !inner.isEmpty else { return false }
        if Self.splitOnCommas(inner).count > 1 { return true }
        guard inner.count == 1 else { return false }
        switch inner[0].kind {
        case .identifier, .styled, .accent: return true
        case .scripts(let scripts):
            if case .identifier = scripts.base.kind { return true }
            if case .styled = scripts.base.kind { return true }
            return false
        default: return false
        }
    }

    /// The index in brackets after a lower-case letter (`s[1]`, `x[i]`), consumed; `nil` if none.
    private mutating func bracketIndex(after symbol: Symbol) -> String? {
        guard symbol.name.count == 1, symbol.name.first!.isLowercase, position < items.count,
            case .fenced(let fence) = items[position].kind, fence.open?.text == "["
        else { return nil }
        let inner = Self.flatten(fence.body)
        guard inner.count == 1 else { return nil }
        switch inner[0].kind {
        case .number(let digits):
            position += 1
            return digits
        case .identifier(let letter) where letter.count == 1:
            position += 1
            return letter
        default: return nil
        }
    }

    /// A call's value with the superscript written on its parentheses (`f(x)^2`, `f(x)^\top`).
    private mutating func applyPendingPower(_ call: Expression) -> Expression {
        guard let pending = pendingPower else { return call }
        pendingPower = nil
        switch pending {
        case .power(let power): return .power(call, power)
        case .transpose: return .transpose(call)
        case .label, .primes, .star, .transposedLabel: return call
        }
    }

    static func isParenthesis(_ node: TeXNode) -> Bool {
        if case .fenced(let fence) = node.kind { return fence.open?.text == "(" || fence.open?.text == "[" }
        return false
    }

    /// The label of a group `{(2)}` glued to the node just read, consumed; `nil` if none.
    private mutating func gluedLabel(after node: TeXNode) -> String? {
        guard position < items.count, case .group = items[position].kind, items[position].range.start == node.range.end
        else { return nil }
        let inner = Self.flatten(items[position])
        guard inner.count == 1, case .fenced(let fence) = inner[0].kind, fence.open?.text == "(" else { return nil }
        position += 1
        return Self.text(fence.body)
    }

    /// The arguments in parentheses after a function name; `nil` if none follow. With `strict`
    /// only a parenthesis or a matrix counts (a letter's call); otherwise `\tanh x` reads `x`.
    private mutating func readArguments(required: Bool, strict: Bool = false) throws(LoweringFailure) -> [Expression]? {
        guard position < items.count else { return nil }
        let next = items[position]
        switch next.kind {
        case .fenced(let fence) where ["(", "[", "{"].contains(fence.open?.text ?? ""):
            position += 1
            return try Self.splitOnCommas(Self.flatten(fence.body)).map { part throws(LoweringFailure) in
                var reader = TermReader(items: part, lowerer: lowerer)
                return try reader.readAll()
            }
        case .scripts(let scripts)
        where scripts.sup != nil && scripts.primes == 0 && scripts.sub == nil && Self.isParenthesis(scripts.base):
            // `f(x)^2`, `E[X]^2`: the call's value raised to the power.
            guard case .fenced(let fence) = scripts.base.kind, let sup = scripts.sup else { return nil }
            position += 1
            pendingPower = try superscript(sup)
            return try Self.splitOnCommas(Self.flatten(fence.body)).map { part throws(LoweringFailure) in
                var reader = TermReader(items: part, lowerer: lowerer)
                return try reader.readAll()
            }
        case .scripts(let scripts) where scripts.sup == nil && scripts.primes == 0 && scripts.sub != nil:
            // `\text{softmax}(z)_k`: the arguments carry the index of the entry.
            guard case .fenced(let fence) = scripts.base.kind, fence.open?.text == "(" else {
                // `\log p_k`: the argument is the next factor.
                return strict ? nil : [try readFactor()]
            }
            position += 1
            pendingComponent = Self.text(scripts.sub!)
            return try Self.splitOnCommas(Self.flatten(fence.body)).map { part throws(LoweringFailure) in
                var reader = TermReader(items: part, lowerer: lowerer)
                return try reader.readAll()
            }
        case .environment(let environment) where Self.matrixEnvironments.contains(environment.name):
            position += 1
            return [try readEnvironment(environment, next)]
        case .symbol(let symbol) where symbol.atomClass == .opening && symbol.text == "(":
            if let arguments = try readSeparatedArguments() { return arguments }
            position += 1
            return [try readOpenParenthesisArgument()]
        default:
            if strict { return nil }
            switch next.kind {
            case .identifier, .scripts, .styled, .accent, .number, .group, .fraction:
                // `\log \frac{t_k}{p_k}`: a fraction is one factor, as the log's argument.
                return [try readFactor()]
            default:
                return nil
            }
        }
    }

    /// `(t \| p)` where the parser left the parentheses unpaired (the `\|` is also a fence): the
    /// items up to the matching `)`, split at commas and `\|`; `nil` unless there are several.
    private mutating func readSeparatedArguments() throws(LoweringFailure) -> [Expression]? {
        var depth = 0
        var close: Int? = nil
        for index in position..<items.count {
            guard case .symbol(let symbol) = items[index].kind else { continue }
            if symbol.text == "(" { depth += 1 }
            if symbol.text == ")" {
                depth -= 1
                if depth == 0 {
                    close = index
                    break
                }
            }
        }
        guard let close else { return nil }
        let parts = Self.splitOnCommas(Array(items[(position + 1)..<close]))
        guard parts.count > 1, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        position = close + 1
        return try parts.map { part throws(LoweringFailure) in
            var reader = TermReader(items: part, lowerer: lowerer)
            return try reader.readAll()
        }
    }

    /// The argument after an unmatched `(` (its `)` carries a script); a subscript there is the
    /// index of an entry of the call's value.
    private mutating func readOpenParenthesisArgument() throws(LoweringFailure) -> Expression {
        position -= 1
        let argument = try readFactor()
        if case .component(let inner, let index) = argument {
            pendingComponent = index
            return inner
        }
        return argument
    }

    /// The name an atom gives: a function, a symbol, or (for `\mathbb{R}`, `e`) a value.
    private mutating func name(of node: TeXNode, mergingLetters: Bool) throws(LoweringFailure) -> Named {
        switch node.kind {
        case .function(let name, _):
            return .function(FunctionName(name))
        case .identifier(let text):
            if mergingLetters, let word = mergeLetters(startingWith: node) { return .function(FunctionName(word)) }
            if text == "e" { return .value(.number(2.718281828459045)) }
            if text == "π" { return .value(.number(Double.pi)) }
            return .symbol(Symbol(text))
        case .text(let text, _):
            let key = FunctionName.normalise(text)
            if lowerer.functionKeys.contains(key) { return .function(FunctionName(text)) }
            let trimmed = text.trimmingSpaces
            if !trimmed.isEmpty, trimmed.allSatisfy({ $0.isLetter || $0.isNumber }),
                !Self.proseWords.contains(trimmed.lowercased())
            {
                // A name in text (`\text{loss}`, `\text{MSE}`) is a symbol; a word of prose is not.
                return .symbol(Symbol(trimmed))
            }
            throw LoweringFailure(.prose, text, at: node.range)
        case .styled(let font, let body):
            let inner = Self.flatten(body)
            if font == .doubleStruck {
                guard let first = inner.first else { break }
                // `\mathbb{E}[X]`: the expectation.
                if case .identifier("E") = first.kind, inner.count == 1 { return .function(FunctionName("𝔼")) }
                if case .identifier("R") = first.kind, inner.count == 1 { return .value(.realSpace([])) }
                if case .scripts(let scripts) = first.kind, case .identifier("R") = scripts.base.kind, inner.count == 1,
                    let sup = scripts.sup
                {
                    return .value(.realSpace(try Self.dimensions(sup, lowerer)))
                }
                throw LoweringFailure(.set, Self.text(node), at: node.range)
            }
            // `\mathrm{ReLU6}`, `\text{log2}`: letters, then digits, make one name.
            let letters = inner.enumerated().compactMap { position, item -> String? in
                if case .identifier(let text) = item.kind { return text }
                if case .number(let digits) = item.kind, position > 0, font == .roman { return digits }
                return nil
            }
            if letters.count == inner.count, !letters.isEmpty {
                let word = letters.joined()
                if letters.count > 1, lowerer.functionKeys.contains(FunctionName.normalise(word)) {
                    return .function(FunctionName(word))
                }
                if letters.count == 1 || font == .roman { return .symbol(Symbol(word, font: font.rawValue)) }
            }
            if inner.count == 1, case .accent = inner[0].kind {
                return try name(of: inner[0], mergingLetters: false)
            }
            if inner.count == 1, case .text = inner[0].kind { return try name(of: inner[0], mergingLetters: false) }
            return .value(try Self.lowerNode(body, lowerer))
        case .accent(let accent, let base):
            let inner = Self.flatten(base)
            guard inner.count == 1, case .symbol(var symbol) = try name(of: inner[0], mergingLetters: false) else {
                throw LoweringFailure(.accentOnExpression, "\\" + accent.name, at: node.range)
            }
            symbol.accents.append(accent.name)
            return .symbol(symbol)
        default:
            break
        }
        throw LoweringFailure(.malformed, Self.text(node), at: node.range)
    }

    /// `RelU(z)`, `max(0,z)`, `tanh(z)`: glued italic letters that spell a known function and
    /// are followed by an argument. Consumes the letters after the first; returns the word.
    private mutating func mergeLetters(startingWith first: TeXNode) -> String? {
        guard case .identifier(let letter) = first.kind, letter.count == 1, letter.first!.isASCII else { return nil }
        var word = letter
        var end = position
        var previous = first
        var best: (word: String, end: Int)? = nil
        while end < items.count, case .identifier(let next) = items[end].kind, next.count == 1, next.first!.isASCII,
            items[end].range.start == previous.range.end
        {
            word += next
            previous = items[end]
            end += 1
            if lowerer.functionKeys.contains(FunctionName.normalise(word)) { best = (word, end) }
        }
        // Only a call: the word must be followed by its argument.
        if let best, best.end < items.count, case .fenced = items[best.end].kind {
            position = best.end
            return best.word
        }
        if let best, best.end == items.count, position == 1 {
            // `$RelU$` alone: the name of the function, as the lint reads it.
            position = best.end
            return best.word
        }
        return nil
    }

    // MARK: - Scripts

    enum Superscript {
        case label(String)
        case primes(Int)
        case transpose
        case power(Expression)
        /// `x^*`: a decoration that names another symbol (an optimum, a conjugate).
        case star
        /// `a^{(1)\top}`: a label, and the labelled symbol transposed.
        case transposedLabel(String)
    }

    /// What a superscript means on a name: `^{(2)}` a label, `^{\prime}` a prime, `^\top` a
    /// transpose, anything else a power. `^(` (the `b^(l)` lint) reads the label up to `)`.
    mutating func superscript(_ sup: TeXNode, of name: String? = nil) throws(LoweringFailure) -> Superscript {
        let inner = Self.flatten(sup)
        if let name, let labels = lowerer.survey.layerLabels[name],
            !inner.contains(where: { if case .fenced = $0.kind { true } else { false } })
        {
            // `x^{l-1}` in a lesson that writes `x^{(l-1)}`: the label, as the lint says.
            let text = NameSurvey.compact(Self.text(sup))
            if labels.contains(text), text.contains(where: \.isLetter) { return .label(text) }
        }
        if inner.count == 1, case .fenced(let fence) = inner[0].kind, fence.open?.text == "(" {
            if case .group = sup.kind { return .label(Self.text(fence.body)) }
        }
        if inner.count == 2, case .fenced(let fence) = inner[0].kind, fence.open?.text == "(",
            Self.isTransposeMark(inner[1])
        {
            return .transposedLabel(Self.text(fence.body))
        }
        if inner.count >= 1, inner.allSatisfy({ Self.isPrime($0) }) { return .primes(inner.count) }
        if inner.count == 1 {
            switch inner[0].kind {
            case .symbol(let symbol) where ["⊤", "T", "⊺"].contains(symbol.text): return .transpose
            case .symbol(let symbol) where ["∗", "*", "⋆"].contains(symbol.text): return .star
            case .identifier("T"): return .transpose
            case .text(let text, _) where text.trimmingSpaces == "T": return .transpose
            case .styled(_, let body) where Self.text(body) == "T": return .transpose
            case .symbol(let symbol) where symbol.atomClass == .opening && symbol.text == "(":
                // `b^(l)`: the label runs to the next `)` of this row.
                var label = ""
                while position < items.count {
                    let node = items[position]
                    position += 1
                    if case .symbol(let close) = node.kind, close.text == ")" { return .label(label) }
                    label += Self.text(node)
                }
                throw LoweringFailure(.malformed, "^(", at: sup.range)
            default: break
            }
        }
        return .power(try Self.lowerNode(sup, lowerer))
    }

    /// `\top`, `T`, `\intercal` as a superscript's mark.
    private static func isTransposeMark(_ node: TeXNode) -> Bool {
        switch node.kind {
        case .symbol(let symbol): return ["⊤", "T", "⊺"].contains(symbol.text)
        case .identifier("T"): return true
        default: return false
        }
    }

    private static func isPrime(_ node: TeXNode) -> Bool {
        if case .symbol(let symbol) = node.kind { return symbol.text == "′" || symbol.source == "\\prime" }
        return false
    }

    /// Scripts on something that is not a name: a parenthesised group, a number, a matrix.
    mutating func applyScripts(_ base: Expression, _ scripts: Scripts, _ node: TeXNode) throws(LoweringFailure)
        -> Expression
    {
        if let sub = scripts.sub {
            // `(a \odot b)_i`, `(W x)_j`: an entry of the parenthesised value.
            let index = Self.text(sub)
            guard case .fenced = scripts.base.kind, !index.isEmpty,
                index.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "," })
            else {
                throw LoweringFailure(.subscriptOnExpression, Self.text(scripts.base), at: node.range)
            }
            let entry = Expression.component(base, index: index)
            guard scripts.sup != nil || scripts.primes > 0 else { return entry }
            var rest = scripts
            rest.sub = nil
            return try applyScripts(entry, rest, node)
        }
        if scripts.primes > 0 { throw LoweringFailure(.primeOnExpression, Self.text(scripts.base), at: node.range) }
        guard let sup = scripts.sup else { return base }
        if case .realSpace = base { return .realSpace(try Self.dimensions(sup, lowerer)) }
        switch try superscript(sup) {
        case .transpose:
            // `[x, y]^\top`, `(x_1, \dots, x_n)^T`: a tuple written as a row, transposed to the
            // column it stands for; a tuple is read as that column either way.
            if case .tuple = base { return base }
            return .transpose(base)
        case .star:
            // `(a + ib)^*`: a complex conjugate, which real evaluation cannot give.
            throw LoweringFailure(.superscriptOnFunction, Self.text(node), at: sup.range)
        case .power(let power): return .power(base, power)
        case .label, .primes, .transposedLabel:
            throw LoweringFailure(.malformed, Self.text(sup), at: sup.range)
        }
    }

    mutating func readScripts(_ scripts: Scripts, _ node: TeXNode) throws(LoweringFailure) -> Expression {
        switch scripts.base.kind {
        case .largeOperator(let symbol, _) where symbol.text == "∫":
            let lower = try scripts.sub.map { sub throws(LoweringFailure) in try Self.lowerNode(sub, lowerer) }
            let upper = try scripts.sup.map { sup throws(LoweringFailure) in try Self.lowerNode(sup, lowerer) }
            return try readIntegral(lower: lower, upper: upper, at: node)
        case .largeOperator(let symbol, _):
            guard symbol.text == "∑" || symbol.text == "∏" else {
                throw LoweringFailure(.largeOperator, symbol.source, at: node.range)
            }
            guard let sub = scripts.sub else { throw LoweringFailure(.largeOperator, Self.text(node), at: node.range) }
            let parts = Self.flatten(sub)
            guard case .identifier(let index)? = parts.first?.kind else {
                throw LoweringFailure(.largeOperator, Self.text(node), at: sub.range)
            }
            var lower: Expression? = nil
            if parts.count > 2, case .symbol(let equals) = parts[1].kind, equals.text == "=" {
                var reader = TermReader(items: Array(parts[2...]), lowerer: lowerer)
                lower = try reader.readAll()
            } else if parts.count > 1 {
                throw LoweringFailure(.largeOperator, Self.text(node), at: sub.range)
            }
            let upper = try scripts.sup.map { sup throws(LoweringFailure) in try Self.lowerNode(sup, lowerer) }
            let body = try readProduct()
            if symbol.text == "∏" { return .product(index: index, lower: lower, upper: upper, body: body) }
            return .sum(index: index, lower: lower, upper: upper, body: body)
        case .identifier("e") where scripts.sub == nil && scripts.sup != nil && scripts.primes == 0:
            return .call(FunctionName("exp"), derivative: 0, [try Self.lowerNode(scripts.sup!, lowerer)])
        case .identifier, .function, .styled, .text, .accent:
            return try readNamed(scripts.base, scripts: scripts, whole: node)
        case .fenced(let fence) where fence.open?.text == "‖" && scripts.primes == 0:
            // `\|x\|_2^2`: the norm its subscript names, raised to the power.
            var reader = TermReader(items: Self.flatten(fence.body), lowerer: lowerer)
            let norm = try Self.norm(try reader.readAll(), order: scripts.sub, lowerer)
            guard let sup = scripts.sup else { return norm }
            return .power(norm, try Self.lowerNode(sup, lowerer))
        case .number, .fenced, .group, .environment:
            var reader = TermReader(items: [scripts.base], lowerer: lowerer)
            let base = try reader.readAll()
            return try applyScripts(base, scripts, node)
        default:
            throw LoweringFailure(.malformed, Self.text(node), at: node.range)
        }
    }

    /// `\|x\|` (the Euclidean norm), `\|x\|_1`, `\|x\|_\infty`, `\|A\|_F` (a matrix's Frobenius norm).
    static func norm(_ argument: Expression, order: TeXNode?, _ lowerer: Lowerer) throws(LoweringFailure) -> Expression
    {
        guard let order else { return .call(FunctionName("norm"), derivative: 0, [argument]) }
        switch text(order) {
        case "2", "F": return .call(FunctionName("norm"), derivative: 0, [argument])
        case "1": return .call(FunctionName("norm1"), derivative: 0, [argument])
        case "∞", "\\infty", "max": return .call(FunctionName("normmax"), derivative: 0, [argument])
        default: throw LoweringFailure(.subscriptOnExpression, "‖…‖_" + text(order), at: order.range)
        }
    }

    /// The dimensions of `ℝ^{m \times n}`: factors of a product written with `\times`.
    static func dimensions(_ sup: TeXNode, _ lowerer: Lowerer) throws(LoweringFailure) -> [Expression] {
        var parts: [[TeXNode]] = [[]]
        for item in flatten(sup) {
            if case .symbol(let symbol) = item.kind, symbol.text == "×" || symbol.text == "," {
                parts.append([])
            } else {
                parts[parts.count - 1].append(item)
            }
        }
        return try parts.map { part throws(LoweringFailure) in
            var reader = TermReader(items: part, lowerer: lowerer)
            return try reader.readAll()
        }
    }

    /// Splits items at top-level commas (and at the `\|` of `D_{KL}(t \| p)`, which separates
    /// a function's two arguments).
    static func splitOnCommas(_ items: [TeXNode]) -> [[TeXNode]] {
        var parts: [[TeXNode]] = [[]]
        let bars = items.filter { if case .symbol(let symbol) = $0.kind { symbol.text == "|" } else { false } }.count
        for item in items {
            // `D_{KL}(t \| p)`, `p(z \mid x)`, `p(z | x)`: separators of a function's arguments.
            if case .symbol(let symbol) = item.kind,
                symbol.text == "," || symbol.text == "‖" || symbol.text == "∣" || symbol.text == "|" && bars == 1
            {
                parts.append([])
            } else if case .divider = item.kind {
                // The divider of a pair (`D(t \| p)`), which the TeX reader marks as such.
                parts.append([])
            } else {
                parts[parts.count - 1].append(item)
            }
        }
        return parts
    }

    /// Words of prose that `\text{…}` carries inside formulas; never read as symbols.
    static let proseWords: Set<String> = [
        "if", "and", "or", "for", "where", "otherwise", "else", "with", "when", "then", "of", "is", "in", "the", "all",
        "so", "as", "to", "at", "on", "by", "be", "we", "let", "since", "hence", "thus", "each", "every", "any", "some",
    ]

    static let matrixEnvironments: Set<String> = ["pmatrix", "bmatrix", "Bmatrix", "matrix", "smallmatrix", "vmatrix*"]
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
