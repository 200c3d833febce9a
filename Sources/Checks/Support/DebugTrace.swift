import Foundation

/// Temporary trace of readings while developing (set `LITMUS_DEBUG`).
enum DebugTrace {
    static let isOn = ProcessInfo.processInfo.environment["LITMUS_DEBUG"] != nil
}
