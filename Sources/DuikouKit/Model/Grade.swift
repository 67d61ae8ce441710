/// The grade a pairing earns in the evaluation of its annual work plan (成效评估), from its score:
/// the weighted mean of its targets' scores.
///
/// In JSON a grade is its key (`excellent`, `good`, `pass`, `fail`).
public enum Grade: String, Keyword {
    /// 优秀: a score of 0.9 or more.
    case excellent
    /// 良好: a score of 0.75 or more, below 0.9.
    case good
    /// 合格: a score of 0.6 or more, below 0.75.
    case pass
    /// 不合格: a score below 0.6.
    case fail

    /// The grade of a score from 0 to 1, compared as given: round the score first (as
    /// ``Evaluation/PairingScore/score`` is, to four decimals) so that the grade agrees with the
    /// figure people see.
    public init(score: Double) {
        self = Self.allCases.first { score >= $0.lowestScore } ?? .fail
    }

    /// The lowest score that earns the grade: 0.9, 0.75, 0.6 and 0.
    public var lowestScore: Double {
        switch self {
        case .excellent: 0.9
        case .good: 0.75
        case .pass: 0.6
        case .fail: 0
        }
    }

    /// The Chinese label: 优秀, 良好, 合格, 不合格.
    public var labelZH: String {
        switch self {
        case .excellent: "优秀"
        case .good: "良好"
        case .pass: "合格"
        case .fail: "不合格"
        }
    }

    /// The English label: excellent, good, pass, fail.
    public var labelEN: String { rawValue }
}
