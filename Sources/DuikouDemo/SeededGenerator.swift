#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A small, fast random number generator whose sequence is fixed by its seed: SplitMix64 (Steele,
/// Lea and Flood, 2014).
///
/// The demo data, the benchmark's workload and the fuzz tests draw from it, so that each is the
/// same on every run and every machine. It is not cryptographically secure.
///
/// ```swift
/// var random = SeededGenerator(seed: 2017_0307)
/// let month = Int.random(in: 1...12, using: &random)   // the same month on every run
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A version-4 UUID drawn from the generator, one byte at a time.
    public mutating func uuid() -> UUID {
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &self) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
