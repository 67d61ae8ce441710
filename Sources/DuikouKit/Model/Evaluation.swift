/// The evaluation of annual work plans (成效评估): each target set for a year against the actual
/// figure, scored and weighed, and a grade for each pairing.
public struct Evaluation: Sendable, Hashable {
    /// One target and how it came out.
    public struct Row: Sendable, Hashable {
        /// The pairing whose target it is; the actual figure includes the pairings below it.
        public let pairing: String
        /// What is counted.
        public let metric: PlanMetric
        /// The target: yuan for investment metrics, else a count.
        public let target: Int64
        /// The actual figure for the year, in the same unit.
        public let actual: Int64
        /// How much the target counts in the pairing's score.
        public let weight: PlanWeight

        init(pairing: String, metric: PlanMetric, target: Int64, actual: Int64, weight: PlanWeight = .one) {
            self.pairing = pairing
            self.metric = metric
            self.target = target
            self.actual = actual
            self.weight = weight
        }

        /// Actual over target, not capped; `nil` when the target is 0.
        public var ratio: Double? { target == 0 ? nil : Double(actual) / Double(target) }
        /// Whether the actual figure reached the target (达标).
        public var met: Bool { actual >= target }
        /// How far the target was reached, from 0 to 1: actual over target, capped at 1 (doing more
        /// than the target counts as 1), and 1 when the target is 0.
        public var score: Double {
            if actual >= target { return 1 }
            return actual <= 0 ? 0 : Double(actual) / Double(target)
        }
    }

    /// How one pairing did across its targets.
    public struct PairingScore: Sendable, Hashable {
        /// The pairing.
        public let pairing: String
        /// How many targets it had.
        public let metrics: Int
        /// How many of them were met.
        public let met: Int
        /// The weighted mean of its targets' scores (Σ weight × score ÷ Σ weight), from 0 to 1,
        /// rounded to four decimals.
        public let score: Double

        /// The grade of ``score``: 0.9 and above is excellent, 0.75 good, 0.6 pass, below that fail.
        public var grade: Grade { Grade(score: score) }

        /// Scores `rows`, the targets of one pairing.
        init(pairing: String, rows: [Row]) {
            var weights: Int64 = 0
            var weighted = 0.0
            for row in rows {
                weights += row.weight.thousandths
                weighted += Double(row.weight.thousandths) * row.score
            }
            self.init(pairing: pairing, metrics: rows.count, met: rows.filter(\.met).count,
                      score: weights == 0 ? 0 : Self.rounded(weighted / Double(weights)))
        }

        init(pairing: String, metrics: Int, met: Int, score: Double) {
            self.pairing = pairing
            self.metrics = metrics
            self.met = met
            self.score = score
        }

        /// `value` to four decimals, so that the grade is read from the figure people see: a mean
        /// that is 0.9 on paper and 0.8999999999999999 in binary is 0.9, excellent.
        static func rounded(_ value: Double) -> Double {
            (value * 10_000).rounded() / 10_000
        }
    }

    /// The calendar year evaluated.
    public let year: Int
    /// Every target set for the year, by pairing (in catalogue order) and metric.
    public let rows: [Row]

    /// One summary per pairing with targets, in the order of ``rows``.
    public var pairings: [PairingScore] { Self.scores(rows) }

    /// One summary per pairing of `rows`, in their order.
    static func scores(_ rows: [Row]) -> [PairingScore] {
        var order: [String] = []
        var byPairing: [String: [Row]] = [:]
        for row in rows {
            if byPairing[row.pairing] == nil { order.append(row.pairing) }
            byPairing[row.pairing, default: []].append(row)
        }
        return order.map { PairingScore(pairing: $0, rows: byPairing[$0] ?? []) }
    }
}
