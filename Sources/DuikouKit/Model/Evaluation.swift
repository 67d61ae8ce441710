/// The evaluation of annual work plans (成效评估): each target set for a year against the actual figure.
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

        /// Actual over target; `nil` when the target is 0.
        public var ratio: Double? { target == 0 ? nil : Double(actual) / Double(target) }
        /// Whether the actual figure reached the target.
        public var met: Bool { actual >= target }
    }

    /// How one pairing did across its targets.
    public struct PairingScore: Sendable, Hashable {
        /// The pairing.
        public let pairing: String
        /// How many targets it had.
        public let metrics: Int
        /// How many of them were met.
        public let met: Int

        /// The share of targets met, from 0 to 1.
        public var score: Double { metrics == 0 ? 0 : Double(met) / Double(metrics) }
    }

    /// The calendar year evaluated.
    public let year: Int
    /// Every target set for the year, by pairing (in catalogue order) and metric.
    public let rows: [Row]

    /// One summary per pairing with targets, in the order of ``rows``.
    public var pairings: [PairingScore] {
        var order: [String] = []
        var tally: [String: (metrics: Int, met: Int)] = [:]
        for row in rows {
            if tally[row.pairing] == nil { order.append(row.pairing) }
            tally[row.pairing, default: (0, 0)].metrics += 1
            if row.met { tally[row.pairing, default: (0, 0)].met += 1 }
        }
        return order.map { PairingScore(pairing: $0, metrics: tally[$0]?.metrics ?? 0, met: tally[$0]?.met ?? 0) }
    }
}
