/// Verdicts for the formulas of a lesson, with NeuralCore as the reference.
public enum Checks {}
