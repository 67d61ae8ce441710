extension PlanTarget: Codable {
    /// The JSON keys of a plan target, in the order `duikou plan list` prints them.
    ///
    /// `pairing_name` is the pairing's name from the catalogue, which a target does not hold: the
    /// listing writes it, a target alone does not.
    enum CodingKeys: String, CodingKey {
        case pairing
        case pairingName = "pairing_name"
        case year, metric, target, weight, revision, previous
        case setAt = "set_at"
    }

    /// Writes the target as one object of `duikou plan list --format json`, without the
    /// `pairing_name` the listing adds from the catalogue.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(pairing, forKey: .pairing)
        try container.encode(year, forKey: .year)
        try container.encode(metric, forKey: .metric)
        try container.encode(target, forKey: .target)
        try container.encode(weight, forKey: .weight)
        try container.encode(revision, forKey: .revision)
        try container.encodeOrNull(previous, forKey: .previous)
        try container.encode(setAt, forKey: .setAt)
    }

    /// Reads a target as ``encode(to:)`` writes it; a `pairing_name`, if present, is ignored, and a
    /// missing `weight` (as written before weights existed) is 1.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field, a year outside
    ///   ``NewPlanTarget/years``, a negative target, a weight ``PlanWeight`` refuses and a revision below 1.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        pairing = try container.decodeText(forKey: .pairing)
        year = try container.decode(Int.self, forKey: .year)
        guard NewPlanTarget.years.contains(year) else {
            throw container.refusal(.year, "\(year) is outside \(NewPlanTarget.years.lowerBound)–\(NewPlanTarget.years.upperBound)")
        }
        metric = try container.decode(PlanMetric.self, forKey: .metric)
        target = try container.decode(Int64.self, forKey: .target)
        guard target >= 0 else { throw container.refusal(.target, "\(target) is negative") }
        weight = try container.decodeIfPresent(PlanWeight.self, forKey: .weight) ?? .one
        revision = try container.decode(Int.self, forKey: .revision)
        guard revision >= 1 else { throw container.refusal(.revision, "\(revision) is not a revision, which counts from 1") }
        previous = try container.decodeIfPresent(Int64.self, forKey: .previous)
        if let previous, previous < 0 { throw container.refusal(.previous, "\(previous) is negative") }
        setAt = try container.decodeText(forKey: .setAt)
    }
}
