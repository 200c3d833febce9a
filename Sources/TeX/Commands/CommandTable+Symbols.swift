// The symbol tables: names, Unicode and TeX atom classes, after the LaTeX symbol lists
// (Pakin, "The Comprehensive LaTeX Symbol List", and KaTeX's `symbols.js`).
extension CommandTable {
    static let greek: [(String, String)] = [
        ("alpha", "α"), ("beta", "β"), ("gamma", "γ"), ("delta", "δ"), ("epsilon", "ϵ"),
        ("varepsilon", "ε"), ("zeta", "ζ"), ("eta", "η"), ("theta", "θ"), ("vartheta", "ϑ"),
        ("iota", "ι"), ("kappa", "κ"), ("varkappa", "ϰ"), ("lambda", "λ"), ("mu", "μ"), ("nu", "ν"),
        ("xi", "ξ"), ("omicron", "ο"), ("pi", "π"), ("varpi", "ϖ"), ("rho", "ρ"), ("varrho", "ϱ"),
        ("sigma", "σ"), ("varsigma", "ς"), ("tau", "τ"), ("upsilon", "υ"), ("phi", "ϕ"),
        ("varphi", "φ"), ("chi", "χ"), ("psi", "ψ"), ("omega", "ω"),
        ("Gamma", "Γ"), ("Delta", "Δ"), ("Theta", "Θ"), ("Lambda", "Λ"), ("Xi", "Ξ"), ("Pi", "Π"),
        ("Sigma", "Σ"), ("Upsilon", "Υ"), ("Phi", "Φ"), ("Psi", "Ψ"), ("Omega", "Ω"),
        ("varGamma", "𝛤"), ("varDelta", "𝛥"), ("varTheta", "𝛩"), ("varLambda", "𝛬"), ("varXi", "𝛯"),
        ("varPi", "𝛱"), ("varSigma", "𝛴"), ("varUpsilon", "𝛶"), ("varPhi", "𝛷"), ("varPsi", "𝛹"),
        ("varOmega", "𝛺"),
        ("ell", "ℓ"), ("hbar", "ℏ"), ("imath", "ı"), ("jmath", "ȷ"), ("wp", "℘"), ("Re", "ℜ"), ("Im", "ℑ"),
        ("aleph", "ℵ"), ("beth", "ℶ"),
    ]

    static let symbols: [(String, String, AtomClass)] = [
        // Ordinary symbols, written as identifiers.
        ("partial", "∂", .ordinary), ("nabla", "∇", .ordinary), ("infty", "∞", .ordinary),
        ("emptyset", "∅", .ordinary), ("varnothing", "∅", .ordinary), ("prime", "′", .ordinary),
        ("forall", "∀", .ordinary), ("exists", "∃", .ordinary), ("nexists", "∄", .ordinary),
        ("neg", "¬", .ordinary), ("lnot", "¬", .ordinary), ("top", "⊤", .ordinary), ("bot", "⊥", .ordinary),
        ("angle", "∠", .ordinary), ("triangle", "△", .ordinary), ("Box", "□", .ordinary),
        ("ldots", "…", .ordinary), ("dots", "…", .ordinary), ("cdots", "⋯", .ordinary),
        ("vdots", "⋮", .ordinary), ("ddots", "⋱", .ordinary), ("dotsc", "…", .ordinary),
        ("dotsb", "⋯", .ordinary),
        ("checkmark", "✓", .ordinary), ("dagger", "†", .binary), ("star", "⋆", .binary),
        ("$", "$", .ordinary), ("%", "%", .ordinary), ("&", "&", .ordinary), ("#", "#", .ordinary),
        ("_", "_", .ordinary), ("S", "§", .ordinary), ("P", "¶", .ordinary), ("degree", "°", .ordinary),
        // Binary operators.
        ("cdot", "⋅", .binary), ("times", "×", .binary), ("div", "÷", .binary), ("pm", "±", .binary),
        ("mp", "∓", .binary), ("ast", "∗", .binary), ("circ", "∘", .binary), ("bullet", "∙", .binary),
        ("odot", "⊙", .binary), ("otimes", "⊗", .binary), ("oplus", "⊕", .binary), ("ominus", "⊖", .binary),
        ("oslash", "⊘", .binary), ("cup", "∪", .binary), ("cap", "∩", .binary), ("setminus", "∖", .binary),
        ("wedge", "∧", .binary), ("land", "∧", .binary), ("vee", "∨", .binary), ("lor", "∨", .binary),
        ("sqcup", "⊔", .binary), ("sqcap", "⊓", .binary), ("uplus", "⊎", .binary), ("diamond", "⋄", .binary),
        ("bigtriangleup", "△", .binary), ("wr", "≀", .binary), ("amalg", "⨿", .binary),
        // Relations.
        ("in", "∈", .relation), ("notin", "∉", .relation), ("ni", "∋", .relation),
        ("leq", "≤", .relation), ("le", "≤", .relation), ("geq", "≥", .relation), ("ge", "≥", .relation),
        ("leqslant", "⩽", .relation), ("geqslant", "⩾", .relation), ("neq", "≠", .relation),
        ("ne", "≠", .relation), ("equiv", "≡", .relation), ("approx", "≈", .relation), ("sim", "∼", .relation),
        ("simeq", "≃", .relation), ("cong", "≅", .relation), ("propto", "∝", .relation),
        ("ll", "≪", .relation), ("gg", "≫", .relation), ("prec", "≺", .relation), ("succ", "≻", .relation),
        ("preceq", "⪯", .relation), ("succeq", "⪰", .relation), ("doteq", "≐", .relation),
        ("triangleq", "≜", .relation), ("coloneqq", "≔", .relation), ("coloneq", "≔", .relation),
        ("subset", "⊂", .relation), ("supset", "⊃", .relation), ("subseteq", "⊆", .relation),
        ("supseteq", "⊇", .relation), ("subsetneq", "⊊", .relation), ("perp", "⊥", .relation),
        ("parallel", "∥", .relation), ("mid", "∣", .relation), ("nmid", "∤", .relation),
        ("vdash", "⊢", .relation), ("models", "⊨", .relation), ("asymp", "≍", .relation),
        ("to", "→", .relation), ("rightarrow", "→", .relation), ("leftarrow", "←", .relation),
        ("gets", "←", .relation), ("leftrightarrow", "↔", .relation), ("Rightarrow", "⇒", .relation),
        ("Leftarrow", "⇐", .relation), ("Leftrightarrow", "⇔", .relation), ("implies", "⟹", .relation),
        ("impliedby", "⟸", .relation), ("iff", "⟺", .relation), ("mapsto", "↦", .relation),
        ("longrightarrow", "⟶", .relation), ("longleftarrow", "⟵", .relation),
        ("longmapsto", "⟼", .relation), ("Longrightarrow", "⟹", .relation),
        ("uparrow", "↑", .relation), ("downarrow", "↓", .relation), ("updownarrow", "↕", .relation),
        ("Uparrow", "⇑", .relation), ("Downarrow", "⇓", .relation), ("hookrightarrow", "↪", .relation),
        ("rightharpoonup", "⇀", .relation), ("leftharpoonup", "↼", .relation),
        ("rightleftharpoons", "⇌", .relation), ("nearrow", "↗", .relation), ("searrow", "↘", .relation),
        // Delimiters.
        ("{", "{", .opening), ("}", "}", .closing), ("lbrace", "{", .opening), ("rbrace", "}", .closing),
        ("langle", "⟨", .opening), ("rangle", "⟩", .closing), ("lfloor", "⌊", .opening),
        ("rfloor", "⌋", .closing), ("lceil", "⌈", .opening), ("rceil", "⌉", .closing),
        ("lbrack", "[", .opening), ("rbrack", "]", .closing), ("lvert", "|", .opening),
        ("rvert", "|", .closing), ("lVert", "‖", .opening), ("rVert", "‖", .closing),
        ("|", "‖", .fence), ("vert", "|", .fence), ("Vert", "‖", .fence), ("backslash", "∖", .ordinary),
        // Punctuation.
        ("colon", ":", .punctuation),
    ]

    static let largeOperators: [(String, String, Bool)] = [
        ("sum", "∑", true), ("prod", "∏", true), ("coprod", "∐", true), ("bigcup", "⋃", true),
        ("bigcap", "⋂", true), ("bigoplus", "⨁", true), ("bigotimes", "⨂", true), ("bigodot", "⨀", true),
        ("bigvee", "⋁", true), ("bigwedge", "⋀", true), ("bigsqcup", "⨆", true), ("biguplus", "⨄", true),
        ("int", "∫", false), ("iint", "∬", false), ("iiint", "∭", false), ("oint", "∮", false),
    ]

    static let functions: [String] = [
        "log", "ln", "lg", "exp", "sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh", "tanh", "coth",
        "arcsin", "arccos", "arctan", "arg", "deg", "dim", "hom", "ker",
    ]

    static let limitFunctions: [String] = [
        "max", "min", "lim", "sup", "inf", "det", "Pr", "gcd", "liminf", "limsup",
    ]
}
