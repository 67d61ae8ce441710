/// What `check` found: nothing when the database is sound.
public struct CheckReport: Sendable, Hashable {
    /// Each problem found, at most ``maximumProblems``, in the order checked.
    public internal(set) var problems: [String] = []
    /// How many problems were found in all.
    public internal(set) var problemCount = 0
    /// What was checked, in order, for the report's summary.
    public internal(set) var checks: [String] = []

    /// How many problems are kept in ``problems``; the rest are only counted.
    public static let maximumProblems = 100

    /// Whether no problem was found.
    public var isSound: Bool { problemCount == 0 }

    mutating func report(_ problem: String) {
        problemCount += 1
        if problems.count < Self.maximumProblems { problems.append(problem) }
    }
}
