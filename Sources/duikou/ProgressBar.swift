import DuikouKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A progress bar on stderr for long imports and exports: rows done, rate and time left.
///
/// Shown only when stderr is a terminal and `CI` is not set, and only once a transfer has taken
/// more than a moment; nothing is written on a pipe.
final class ProgressBar: Sendable {
    private struct State {
        var started = ContinuousClock.now
        var lastDrawn: ContinuousClock.Instant?
        var drawn = false
    }

    private let label: String
    private let enabled: Bool
    private let state = Mutex(State())

    init(label: String) {
        self.label = label
        enabled = isatty(FileDescriptor.standardError) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
    }

    /// Redraws the bar, at most ten times a second, after the first half second.
    func update(_ progress: TransferProgress) {
        guard enabled else { return }
        let line: String? = state.withLock { state in
            let now = ContinuousClock.now
            let elapsed = now - state.started
            guard elapsed > .milliseconds(500) else { return nil }
            if let last = state.lastDrawn, now - last < .milliseconds(100) { return nil }
            state.lastDrawn = now
            state.drawn = true
            return Self.render(label: label, progress: progress, elapsed: elapsed)
        }
        if let line { FileDescriptor.writeToStandardError("\r\u{1B}[K" + line) }
    }

    /// Clears the bar's line, if one was drawn.
    func finish() {
        guard enabled, state.withLock({ $0.drawn }) else { return }
        FileDescriptor.writeToStandardError("\r\u{1B}[K")
    }

    private static func render(label: String, progress: TransferProgress, elapsed: Duration) -> String {
        let seconds = max(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, 0.001)
        let rate = Double(progress.rows) / seconds
        var fraction: Double?
        if let total = progress.total, total > 0 {
            fraction = min(1, Double(progress.bytes > 0 ? progress.bytes : Int64(progress.rows)) / Double(total))
        }
        var text = label + " "
        if let fraction {
            let width = 24
            let filled = Int(fraction * Double(width))
            text += "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            let percent = String(Int((fraction * 100).rounded(.toNearestOrEven)))
            text += String(repeating: " ", count: max(0, 3 - percent.count)) + percent + "% "
        }
        text += "\(progress.rows) rows, \(Int(rate)) rows/s"
        if let fraction, fraction > 0.01 {
            let left = Int(seconds / fraction - seconds)
            text += ", \(left / 60):\(left % 60 < 10 ? "0" : "")\(left % 60) left"
        }
        return text
    }
}
