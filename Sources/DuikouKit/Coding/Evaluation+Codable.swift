extension Evaluation: Codable {
    /// The JSON keys of an evaluation, in the order `duikou evaluate` prints them.
    enum CodingKeys: String, CodingKey {
        case year, rows, pairings
    }

    /// Writes the evaluation as `duikou evaluate --format json` prints it: the year, every target
    /// with its actual figure, and the summary per pairing.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(year, forKey: .year)
        try container.encode(rows, forKey: .rows)
        try container.encode(pairings, forKey: .pairings)
    }

    /// Reads an evaluation as ``encode(to:)`` writes it. The summary per pairing follows from the
    /// rows and is not read.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field, a year outside
    ///   ``NewPlanTarget/years``, and what ``Row`` refuses.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        year = try container.decode(Int.self, forKey: .year)
        guard NewPlanTarget.years.contains(year) else {
            throw container.refusal(.year, "\(year) is outside \(NewPlanTarget.years.lowerBound)–\(NewPlanTarget.years.upperBound)")
        }
        rows = try container.decode([Row].self, forKey: .rows)
    }
}

extension Evaluation.Row: Codable {
    /// The JSON keys of a target's row, in the order `duikou evaluate` prints them.
    enum CodingKeys: String, CodingKey {
        case pairing, metric, target, actual, ratio, met, weight, score
    }

    /// Writes the row as `duikou evaluate --format json` prints it: `ratio` rounded to four
    /// decimals (`null` when the target is 0), `met`, the `weight` and the `score` rounded to four
    /// decimals.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(pairing, forKey: .pairing)
        try container.encode(metric, forKey: .metric)
        try container.encode(target, forKey: .target)
        try container.encode(actual, forKey: .actual)
        try container.encodeOrNull(Ratio.exact(ratio), forKey: .ratio)
        try container.encode(met, forKey: .met)
        try container.encode(weight, forKey: .weight)
        try container.encodeOrNull(Ratio.exact(score), forKey: .score)
    }

    /// Reads a row as ``encode(to:)`` writes it. `ratio`, `met` and `score` follow from the target
    /// and the actual figure and are not read; a missing `weight` (as written before weights
    /// existed) is 1.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field, a negative target and a weight
    ///   ``PlanWeight`` refuses.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        pairing = try container.decodeText(forKey: .pairing)
        metric = try container.decode(PlanMetric.self, forKey: .metric)
        target = try container.decode(Int64.self, forKey: .target)
        guard target >= 0 else { throw container.refusal(.target, "\(target) is negative") }
        actual = try container.decode(Int64.self, forKey: .actual)
        weight = try container.decodeIfPresent(PlanWeight.self, forKey: .weight) ?? .one
    }
}

extension Evaluation.PairingScore: Codable {
    /// The JSON keys of a pairing's summary, in the order `duikou evaluate` prints them.
    enum CodingKeys: String, CodingKey {
        case pairing, metrics, met, score, grade
    }

    /// Writes the summary as `duikou evaluate --format json` prints it: `score`, the weighted mean
    /// of the targets' scores rounded to four decimals, and the `grade` it earns.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(pairing, forKey: .pairing)
        try container.encode(metrics, forKey: .metrics)
        try container.encode(met, forKey: .met)
        try container.encodeOrNull(Ratio.exact(score), forKey: .score)
        try container.encode(grade, forKey: .grade)
    }

    /// Reads a summary as ``encode(to:)`` writes it; `grade` follows from the score and is not read.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field, a negative count, more
    ///   targets met than set and a score outside 0…1.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        pairing = try container.decodeText(forKey: .pairing)
        metrics = try container.decodeCount(forKey: .metrics)
        met = try container.decodeCount(forKey: .met)
        guard met <= metrics else { throw container.refusal(.met, "\(met) is more than the \(metrics) targets") }
        let score = try container.decode(Double.self, forKey: .score)
        guard (0...1).contains(score) else { throw container.refusal(.score, "\(score) is outside 0…1") }
        self.score = Evaluation.PairingScore.rounded(score)
    }
}
