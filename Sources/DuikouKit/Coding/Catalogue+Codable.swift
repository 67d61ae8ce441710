/// The JSON keys of a task area or a task, in the order `duikou tasks` prints them.
enum TaskCodingKeys: String, CodingKey {
    case code, kind, area
    case nameZH = "name_zh"
    case nameEN = "name_en"
    case basis
}

extension TaskArea: Codable {
    /// The `kind` of an area's row in `duikou tasks`.
    static let kind = "area"

    /// Writes the area as its row of `duikou tasks --format json`: `kind` is `area`, `area` is `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: TaskCodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(Self.kind, forKey: .kind)
        try container.encodeNil(forKey: .area)
        try container.encode(nameZH, forKey: .nameZH)
        try container.encode(nameEN, forKey: .nameEN)
        try container.encode(basis, forKey: .basis)
    }

    /// Reads an area as ``encode(to:)`` writes it.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field, and the row of a task.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: TaskCodingKeys.self)
        if let kind = try container.decodeIfPresent(String.self, forKey: .kind), kind != Self.kind {
            throw container.refusal(.kind, "'\(kind)' is not \(Self.kind)")
        }
        self.init(
            code: try container.decodeText(forKey: .code), nameZH: try container.decodeText(forKey: .nameZH),
            nameEN: try container.decodeText(forKey: .nameEN), basis: try container.decode(TaskBasis.self, forKey: .basis))
    }
}

extension CooperationTask: Codable {
    /// The `kind` of a task's row in `duikou tasks`.
    static let kind = "task"

    /// Writes the task as its row of `duikou tasks --format json`: `kind` is `task`, `area` its area's code.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: TaskCodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(Self.kind, forKey: .kind)
        try container.encode(areaCode, forKey: .area)
        try container.encode(nameZH, forKey: .nameZH)
        try container.encode(nameEN, forKey: .nameEN)
        try container.encode(basis, forKey: .basis)
    }

    /// Reads a task as ``encode(to:)`` writes it.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field, and the row of an area.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: TaskCodingKeys.self)
        if let kind = try container.decodeIfPresent(String.self, forKey: .kind), kind != Self.kind {
            throw container.refusal(.kind, "'\(kind)' is not \(Self.kind)")
        }
        self.init(
            code: try container.decodeText(forKey: .code), areaCode: try container.decodeText(forKey: .area),
            nameZH: try container.decodeText(forKey: .nameZH), nameEN: try container.decodeText(forKey: .nameEN),
            basis: try container.decode(TaskBasis.self, forKey: .basis))
    }
}

extension Catalogue: Codable {
    /// The JSON keys of a catalogue.
    enum CodingKeys: String, CodingKey {
        case regions, pairings, areas, tasks
    }

    /// Writes the catalogue as one object: `regions` and `pairings` as `duikou regions` and
    /// `duikou pairings` print them (pairings with their names), then `areas` and `tasks` as their
    /// rows of `duikou tasks`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(regions, forKey: .regions)
        try container.encode(pairings.map { NamedPairing(pairing: $0, catalogue: self) }, forKey: .pairings)
        try container.encode(areas, forKey: .areas)
        try container.encode(tasks, forKey: .tasks)
    }

    /// Reads a catalogue as ``encode(to:)`` writes it; the pairings' names are made again from the
    /// regions, their aliases are read from each pairing's `aliases` (missing means none).
    ///
    /// - Throws: `DecodingError` for a malformed region, pairing, alias, area or task.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let pairings = try container.decode([Pairing].self, forKey: .pairings)
        let aliases = try container.decode([PairingAliases].self, forKey: .pairings).flatMap(\.aliases)
        self.init(
            regions: try container.decode([Region].self, forKey: .regions),
            pairings: pairings,
            areas: try container.decode([TaskArea].self, forKey: .areas),
            tasks: try container.decode([CooperationTask].self, forKey: .tasks),
            aliases: aliases)
    }

    /// The aliases written with a pairing.
    private struct PairingAliases: Decodable {
        let aliases: [PairingAlias]

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Pairing.CodingKeys.self)
            let id = try container.decode(String.self, forKey: .id)
            let names = try container.decodeIfPresent([String].self, forKey: .aliases) ?? []
            aliases = try names.map { name in try container.checking(.aliases) { try PairingAlias(alias: name, pairing: id) } }
        }
    }

    /// A pairing written with its names in both languages and its aliases, as `duikou pairings` prints it.
    private struct NamedPairing: Encodable {
        let pairing: Pairing
        let catalogue: Catalogue

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Pairing.CodingKeys.self)
            try container.encode(pairing.id, forKey: .id)
            try container.encode(catalogue.name(ofPairing: pairing.id, .zh), forKey: .nameZH)
            try container.encode(catalogue.name(ofPairing: pairing.id, .en), forKey: .nameEN)
            try pairing.encode(to: encoder)
            try container.encode(catalogue.aliases(ofPairing: pairing.id), forKey: .aliases)
        }
    }
}
