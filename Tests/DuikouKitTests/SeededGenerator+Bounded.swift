import DuikouDemo

extension SeededGenerator {
    /// A number in `0..<bound`, for fuzz tests that must see the same inputs on every run
    /// (the slight modulo bias does not matter there).
    mutating func next(below bound: UInt64) -> UInt64 { next() % bound }
}
