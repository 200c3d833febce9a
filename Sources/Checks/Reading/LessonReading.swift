import Formulas
import NeuralCore

/// The typed reading of a lesson so far, as it is read in document order: what each symbol
/// stands for (its kind and how sure the reader is), the definitions in force (a later
/// definition of the same name replaces the earlier one: definitions have scope), the lesson's
/// functions, and the assumptions of what follows (values and conditions the prose states).
struct LessonReading {
    /// Functions by normalised name: the catalog's and the lesson's.
    var functions: [String: FunctionDefinition] {
        didSet { updateOpenFunctions() }
    }
    /// Names read as functions when applied to arguments.
    var functionKeys: Set<String> {
        didSet {
            lowerer = nil
            functionKeysRevision += 1
            updateOpenFunctions()
        }
    }
    /// How many times `functionKeys` was set: statements lowered while it stays the same are
    /// what the reading's lowerer would read.
    private(set) var functionKeysRevision = 0
    /// The lowerer for `functionKeys`, made again only after they change (most formulas
    /// define no function, and making one hashes every name).
    private var lowerer: Lowerer?
    /// Names of the catalog's functions, which keep the shape of their argument.
    let shapePreservingKeys: Set<String>
    /// The definitions in force.
    var definitions = Definitions()
    /// The entrywise definitions among `definitions` (`p_k = …`), kept for every evaluator.
    var templates: [Symbol: (letter: String, body: Expression)] { definitions.templates }
    /// Where each symbol or function was last defined (line in the file).
    var definedAt: [Symbol: Int] = [:]
    /// The section each symbol was last defined in (a new section starts a new example).
    var definedIn: [Symbol: Int] = [:]
    /// Conditions the lesson stated (`\epsilon^2 = 0`), with the symbols they constrain, where, and
    /// in which section: a claim about those symbols may hold only under them.
    var conditions: [(symbols: Set<Symbol>, text: String, line: Int, section: Int)] = []
    /// Symbols the lesson's words call the target or the label ("where $\hat{y}$ is the true label").
    var targets: Set<Symbol> = []
    /// The losses the lesson defined, with what the engine's loss reads as prediction and target.
    var losses: [Symbol: (prediction: Symbol, target: Symbol)] = [:]
    /// Earlier definitions of symbols the lesson defined again, with their lines: a claim may
    /// speak of an earlier example's quantity.
    var earlierDefinitions: [Symbol: [(body: Expression, line: Int)]] = [:]
    /// The kinds the formulas gave symbols (declarations, definitions), with how sure the reader is.
    var kinds: [Symbol: (kind: SymbolKind, evidence: KindEvidence)] = [:]
    /// The kinds the lesson's words give symbols, by section ("the matrix $V$" holds where it is said).
    var proseKinds: [Int: [Symbol: SymbolKind]] = [:]
    /// Where inputs are drawn from (`t ∈ {0, 1}`, one-hot, a distribution).
    var domains: [Symbol: Domain] = [:]
    /// Which catalog function a conventional name stands for in this lesson ("where σ is the
    /// ReLU"), by normalised name.
    var aliases: [String: String] = [:] {
        didSet { updateOpenFunctions() }
    }
    /// The symbols every formula of the lesson uses, read before checking, for mentions.
    var index = LessonIndex() {
        didSet { updateOpenFunctions() }
    }
    /// The section being read: how the lesson uses a name (bold, transposed) holds in its section.
    var section = 0
    /// Sizes the prose states for a symbol, by the index of the formula that states them
    /// (`$\mathbf{W}$ : a matrix of shape $(m, n)$` states them in its second formula).
    var shapeStatements: [Int: (subject: Symbol, shape: Shape)] = [:]
    /// Symbols the prose says stand in place of others ("$V$ replacing $W$").
    var replacements: [Symbol: Symbol] = [:]
    /// A case the prose states for the next formula only (`for $j \neq k$,`).
    var indexCondition: Condition? = nil
    /// Values the prose states for symbols the lesson does not define (`one sample $x = 2$`),
    /// with their line: an equation that fails in general may hold for them (a worked example).
    /// They hold within their section.
    var statedValues: [Symbol: (value: Double, line: Int)] = [:]
    /// Values bound for the formula being checked: the ones stated just before it
    /// (`When $t = 1$ only $L = -\log p$ is left`).
    var caseValues: [Symbol: Double] = [:]
    /// How many times a formula changed `caseValues` (a count, not a copy, tells the checker
    /// whether the formula stated more: a lesson may state thousands of values).
    var caseValueChanges = 0

    /// Binds `symbol` to `value` for the formula that follows, counting a change.
    mutating func stateCase(_ symbol: Symbol, _ value: Double) {
        if caseValues[symbol] != value { caseValueChanges += 1 }
        caseValues[symbol] = value
    }
    /// The engine quantity a formula showed a symbol to be (`Adam's first moment` for the m of
    /// `m_t = β_1 m_{t-1} + (1 - β_1) g_t`), with the section it holds in.
    var ruleQuantities: [Symbol: (quantity: String, section: Int)] = [:]
    /// The distributions the lesson states for symbols (`X \sim \mathcal{N}(\mu, \sigma^2)`), which
    /// `\mathbb{E}` averages over.
    var laws: [Symbol: RandomLaw] = [:]

    init(catalog: Catalog) {
        functions = catalog.functionTable
        functionKeys = catalog.keys
        shapePreservingKeys = catalog.keys
        updateOpenFunctions()
    }

    // MARK: - Kinds

    /// The kind of `symbol` here: as a formula gave it, or as the words of this section do.
    func kind(of symbol: Symbol) -> (kind: SymbolKind, evidence: KindEvidence)? {
        if let known = kinds[symbol] { return known }
        if let said = proseKinds[section]?[symbol] { return (said, .words) }
        if let index = symbol.index, let (letter, offset) = FormulaJudge.timeIndex(index), offset != 0 {
            // `\mathbf{H}_{t-1}` is of the kind of `\mathbf{H}_t`: one quantity at another step.
            var now = symbol
            now.index = letter
            if let known = kinds[now] { return known }
            if let said = proseKinds[section]?[now] { return (said, .words) }
        }
        return nil
    }

    /// Every kind in force here, the formulas' before the words'.
    var kindsHere: [Symbol: (kind: SymbolKind, evidence: KindEvidence)] {
        var out = kinds
        for (symbol, kind) in proseKinds[section] ?? [:] where out[symbol] == nil { out[symbol] = (kind, .words) }
        return out
    }

    /// Records that `symbol` is of `kind`, unless the reading is already surer of another kind.
    mutating func note(_ symbol: Symbol, is kind: SymbolKind, evidence: KindEvidence) {
        if let known = kinds[symbol], known.evidence > evidence { return }
        kinds[symbol] = (kind, evidence)
    }

    /// The shape the reading gives `symbol` when it is an input: its stated array shape, or an
    /// array of unstated sizes for a bold letter, or `nil` (a number) otherwise.
    func arrayShape(_ symbol: Symbol, throughReplacement: Bool = true) -> Shape? {
        if let (kind, _) = kind(of: symbol) {
            if case .array(let shape) = kind { return shape }
            return nil
        }
        if throughReplacement, let partner = replacements[symbol],
            let shape = arrayShape(partner, throughReplacement: false)
        {
            // `$V$ replacing $W$`: of W's kind, its sizes unstated.
            return shape.columns == .number(1) ? .vector(.named("?\(symbol)")) : Self.matrixShape(symbol)
        }
        if Evaluator.isIdentity(symbol), definitions[symbol] == nil {
            // `I`: the identity, square, of the size its neighbours give it.
            return Self.matrixShape(symbol)
        }
        if Self.isIndexedBoldVector(symbol) {
            // `\mathbf{k}_i`, `\mathbf{x}_1`: the i-th vector of a family, not an entry of one.
            return Self.unstatedShape(symbol)
        }
        if symbol.index == nil,
            symbol.font == "bold" || symbol.font == "boldItalic" || index.isBold(symbol, in: section)
                || index.usedAsArray(symbol, in: section) || domains[symbol] == .distribution
                || domains[symbol] == .oneHot
        {
            return Self.unstatedShape(symbol)
        }
        return nil
    }

    /// How sure the reading is that `symbol` is the vector or matrix `arrayShape` gives: stated
    /// (declared, named in the prose, bold, used transposed or entry by entry) or not at all.
    func isArrayStated(_ symbol: Symbol) -> Bool {
        if let (kind, evidence) = kind(of: symbol), case .array = kind { return evidence >= .words }
        return arrayShape(symbol) != nil
    }

    /// A bold lower-case letter with a one-letter or numeric index (`\mathbf{x}_i`, `\mathbf{h}_2`):
    /// typography makes it a vector of its own (an entry would be `x_i`, not bold).
    /// So is a bold capital with a name for an index (`\mathbf{W}_{\textrm{hq}}`, `\mathbf{W}_2`), where
    /// `\mathbf{W}_{ij}` is an entry.
    static func isIndexedBoldVector(_ symbol: Symbol) -> Bool {
        guard symbol.font == "bold" || symbol.font == "boldItalic", symbol.label == nil, let index = symbol.index,
            !index.isEmpty, let first = symbol.name.first
        else { return false }
        if index.allSatisfy(\.isNumber) { return true }
        guard index.allSatisfy(\.isLetter) else { return false }
        if first.isLowercase { return index.count == 1 }
        return index.count > 1 && !index.allSatisfy { "ijklmn".contains($0) }
    }

    /// The shape of a bold or stated-matrix symbol whose sizes nobody stated: a vector for a
    /// lower-case letter, a matrix for a capital (square for the identity `I`).
    static func unstatedShape(_ symbol: Symbol) -> Shape {
        guard let first = symbol.name.first, first.isUppercase else { return .vector(.named("?\(symbol)")) }
        return matrixShape(symbol)
    }

    /// A matrix of unstated sizes (square for the identity `I`).
    static func matrixShape(_ symbol: Symbol) -> Shape {
        let name = "?\(symbol)"
        if symbol.name == "I" { return Shape(.named(name), .named(name)) }
        return Shape(.named(name + ".rows"), .named(name + ".columns"))
    }

    /// Whether `symbol` is a plain capital letter with no kind stated: a number or a matrix,
    /// the reader cannot tell (`A`, `W^{(2)}`).
    func isAmbiguousCapital(_ symbol: Symbol) -> Bool {
        guard kind(of: symbol) == nil, definitions[symbol] == nil, symbol.index == nil, symbol.accents.isEmpty,
            symbol.name.count == 1, let letter = symbol.name.first, letter.isASCII, letter.isUppercase,
            !isFunctionName(symbol), arrayShape(symbol) == nil
        else { return false }
        // Counts (`N`, `K`, `T`, `L` of a sum's bound) and the loss are numbers.
        return !index.counts.contains(symbol.name)
    }

    func isFunctionName(_ symbol: Symbol) -> Bool {
        symbol.index == nil && symbol.label == nil && functionKeys.contains(FunctionName(symbol.name).key)
            && definitions[symbol] == nil
    }

    /// The lesson's own functions, with their parameters and bodies.
    var lessonFunctionBodies: [String: (parameters: [Symbol], body: Expression)] {
        var out: [String: (parameters: [Symbol], body: Expression)] = [:]
        for (key, definition) in functions {
            if case .expression(let parameters, let body) = definition { out[key] = (parameters, body) }
        }
        return out
    }

    /// Whether the lesson applies `symbol` to arguments somewhere (`f` of `f(z)`).
    func isAppliedName(_ symbol: Symbol) -> Bool {
        symbol.index == nil && symbol.label == nil && symbol.accents.isEmpty
            && (isFunctionName(symbol) || index.calledNames.contains(FunctionName(symbol.name).key))
            && definitions[symbol] == nil
    }

    // MARK: - Evaluators

    /// Letters the lesson applies as functions without defining them (`f` of `a = f(z)`): a
    /// claim about them must hold for every function, so each point draws one. Kept as the names,
    /// functions, aliases and index it is read from change (every claim asks for it).
    private(set) var openFunctions: Set<String> = []

    private mutating func updateOpenFunctions() {
        // Lower-case letters: capitals applied to brackets are operators (`E[X]`, `P(A)`).
        var out: Set<String> = []
        for key in [functionKeys, index.calledNames].joined() where key.unicodeScalars.count == 1 {
            guard let letter = key.first, letter.isLetter, letter.isLowercase, functions[key] == nil,
                aliases[key] == nil
            else { continue }
            out.insert(key)
        }
        openFunctions = out
    }

    /// A lowerer that reads the lesson's function names with `survey`'s.
    mutating func lowerer(survey: NameSurvey) -> Lowerer {
        if let lowerer { return lowerer }
        let made = Lowerer(functionKeys: functionKeys, survey: survey)
        lowerer = made
        return made
    }

    /// An evaluator for one sample point with the given array shapes.
    func evaluator(seed: UInt64, shapes: [Symbol: [Int]] = [:], open: Set<String>? = nil) -> Evaluator {
        var evaluator = Evaluator(
            functions: functions, definitions: definitions.all, shapes: shapes, domains: domains,
            seed: seed, makeGenerator: { SplitMix64(seed: $0) }, templates: templates)
        evaluator.openFunctions = open ?? openFunctions
        evaluator.laws = laws
        // A stated value holds ahead of a definition (`at $p = 0$` of p = σ(z)).
        for (symbol, value) in caseValues { evaluator.bind(symbol, to: Tensor(value)) }
        return evaluator
    }
}
