/// Lowers TeX syntax trees to meaning (symbols, functions, shapes, derivatives) and values.
public enum Formulas {}
