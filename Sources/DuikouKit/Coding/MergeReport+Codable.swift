extension MergeReport: Codable {
    /// The JSON keys of a merge report, in the order `duikou merge --format json` prints them.
    enum CodingKeys: String, CodingKey {
        case source
        case dryRun = "dry_run"
        case preference = "prefer"
        case changed, counts, conflicts
    }

    /// The keys of `counts`: each kind of record in the plural.
    enum CountsKey: String, CodingKey {
        case regions, pairings, parks, projects, exchanges
        case progressUpdates = "progress_updates"
        case corrections
        case planRevisions = "plan_revisions"
        case reforms, meetings, funding
    }

    /// Writes the report as `duikou merge --format json` prints it.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(source, forKey: .source)
        try container.encode(options.dryRun, forKey: .dryRun)
        try container.encode(options.preference, forKey: .preference)
        try container.encode(changesAnything, forKey: .changed)
        var tallies = container.nestedContainer(keyedBy: CountsKey.self, forKey: .counts)
        for kind in Kind.allCases {
            try tallies.encode(self[kind], forKey: kind.countsKey)
        }
        try container.encode(conflicts, forKey: .conflicts)
    }

    /// Reads a report as ``encode(to:)`` writes it. A kind missing from `counts` counts nothing, and
    /// `changed` follows from the counts and is not read.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field, and what ``Counts`` and
    ///   ``Conflict`` refuse.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            source: try container.decode(String.self, forKey: .source),
            options: MergeOptions(
                preference: try container.decode(MergePreference.self, forKey: .preference),
                dryRun: try container.decode(Bool.self, forKey: .dryRun)))
        let tallies = try container.nestedContainer(keyedBy: CountsKey.self, forKey: .counts)
        for kind in Kind.allCases {
            counts[kind] = try tallies.decodeIfPresent(Counts.self, forKey: kind.countsKey) ?? Counts()
        }
        conflicts = try container.decode([Conflict].self, forKey: .conflicts)
    }
}

extension MergeReport.Kind {
    /// The kind's key in a report's `counts`.
    var countsKey: MergeReport.CountsKey {
        switch self {
        case .region: .regions
        case .pairing: .pairings
        case .park: .parks
        case .project: .projects
        case .exchange: .exchanges
        case .progressUpdate: .progressUpdates
        case .correction: .corrections
        case .planRevision: .planRevisions
        case .reform: .reforms
        case .meeting: .meetings
        case .funding: .funding
        }
    }
}

extension MergeReport.Counts: Codable {
    /// The JSON keys of a tally.
    enum CodingKeys: String, CodingKey {
        case added, identical, updated, conflicts
    }

    /// Writes the tally: `added`, `identical`, `updated`, `conflicts`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(added, forKey: .added)
        try container.encode(identical, forKey: .identical)
        try container.encode(updated, forKey: .updated)
        try container.encode(conflicts, forKey: .conflicts)
    }

    /// Reads a tally as ``encode(to:)`` writes it.
    ///
    /// - Throws: `DecodingError` for a missing or negative count.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            added: try container.decodeCount(forKey: .added), identical: try container.decodeCount(forKey: .identical),
            updated: try container.decodeCount(forKey: .updated), conflicts: try container.decodeCount(forKey: .conflicts))
    }
}

extension MergeReport.Difference: Codable {
    /// The JSON keys of a difference.
    enum CodingKeys: String, CodingKey {
        case field, ours, theirs
    }

    /// Writes the difference: `field`, and `ours` and `theirs` as text or `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(field, forKey: .field)
        try container.encodeOrNull(ours, forKey: .ours)
        try container.encodeOrNull(theirs, forKey: .theirs)
    }

    /// Reads a difference as ``encode(to:)`` writes it.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            field: try container.decodeText(forKey: .field), ours: try container.decodeIfPresent(String.self, forKey: .ours),
            theirs: try container.decodeIfPresent(String.self, forKey: .theirs))
    }
}

extension MergeReport.Conflict: Codable {
    /// The JSON keys of a conflict, in the order `duikou merge --format json` prints them.
    enum CodingKeys: String, CodingKey {
        case kind, id, resolution, reason
        case differences = "fields"
    }

    /// Writes the conflict: `kind`, `id`, `resolution`, `reason` (or `null`) and the differing `fields`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(id, forKey: .id)
        try container.encode(resolution, forKey: .resolution)
        try container.encodeOrNull(reason, forKey: .reason)
        try container.encode(differences, forKey: .differences)
    }

    /// Reads a conflict as ``encode(to:)`` writes it.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try container.decode(MergeReport.Kind.self, forKey: .kind), id: try container.decodeText(forKey: .id),
            differences: try container.decode([MergeReport.Difference].self, forKey: .differences),
            reason: try container.decodeTextIfPresent(forKey: .reason),
            resolution: try container.decode(MergeReport.Resolution.self, forKey: .resolution))
    }
}
