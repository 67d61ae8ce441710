extension Repository {
    /// The regions, pairings, task areas and tasks of the database.
    public func catalogue() throws -> Catalogue {
        try read { try Self.loadCatalogue($0) }
    }

    /// Records a region of the user's own, such as a prefecture city paired inside a province.
    ///
    /// - Throws: ``DuikouError/Code/constraint`` when the code is already recorded.
    public func addRegion(_ region: Region) throws {
        try write { connection, _ in
            if try connection.queryFirst("SELECT name_zh FROM region WHERE code = ?", [.text(region.code)], { $0.text(0) }) != nil {
                throw DuikouError(.constraint, "region \(region.code): code: already recorded")
            }
            try connection.run(
                "INSERT INTO region (code, name_zh, name_en, level, side) VALUES (?, ?, ?, ?, ?)",
                [.text(region.code), .text(region.nameZH), .text(region.nameEN), .text(region.level.rawValue), .text(region.side.rawValue)],
                context: "region \(region.code)"
            )
            return ((), AuditNote(.add, "region", region.code, "\(region.nameZH) \(region.nameEN), \(region.level.rawValue), \(region.side.rawValue)"))
        }
    }

    /// Records a pairing, checking that its regions exist on the right sides and that its parent exists.
    ///
    /// - Returns: the pairing as recorded, with its level filled in.
    @discardableResult
    public func addPairing(_ pairing: NewPairing) throws -> Pairing {
        try write { connection, _ in
            let catalogue = try Self.loadCatalogue(connection)
            if catalogue.pairing(pairing.id) != nil {
                throw DuikouError(.constraint, "pairing \(pairing.id): id: already recorded")
            }
            guard let northeast = catalogue.region(pairing.northeast) else {
                throw DuikouError.notFound("northeast: region", pairing.northeast)
            }
            guard northeast.side == .northeast else {
                throw DuikouError.invalid("northeast", pairing.northeast, "is \(northeast.nameZH), an Eastern region")
            }
            if let code = pairing.east {
                guard let east = catalogue.region(code) else { throw DuikouError.notFound("east: region", code) }
                guard east.side == .east else {
                    throw DuikouError.invalid("east", code, "is \(east.nameZH), a Northeast region")
                }
            }
            if let parent = pairing.parent, catalogue.pairing(parent) == nil {
                throw DuikouError.notFound("parent: pairing", parent)
            }
            let level = pairing.level ?? ([.province, .autonomousRegion].contains(northeast.level) ? .province : .city)
            let recorded = Pairing(unchecked: pairing.id, northeast: northeast.code, east: pairing.east, level: level, status: pairing.status, parent: pairing.parent)
            try connection.run(
                "INSERT INTO pairing (id, northeast_region, east_region, level, status, parent_id) VALUES (?, ?, ?, ?, ?, ?)",
                [.text(recorded.id), .text(recorded.northeast), .optional(recorded.east), .text(level.rawValue), .text(recorded.status.rawValue), .optional(recorded.parent)],
                context: "pairing \(recorded.id)"
            )
            let regions = [recorded.northeast, recorded.east ?? "-"].joined(separator: " – ")
            return (recorded, AuditNote(.add, "pairing", recorded.id, "\(regions), \(level.rawValue), \(recorded.status.rawValue)"
                                            + (recorded.parent.map { ", inside \($0)" } ?? "")))
        }
    }

    static func loadCatalogue(_ connection: SQLiteConnection) throws -> Catalogue {
        let regions = try connection.query(
            "SELECT code, name_zh, name_en, level, side FROM region ORDER BY side DESC, code"
        ) { row in
            Region(uncheckedCode: row.text(0), nameZH: row.text(1), nameEN: row.text(2),
                   level: try stored(RegionLevel.self, row.text(3)), side: try stored(Side.self, row.text(4)))
        }
        let pairings = try connection.query(
            "SELECT id, northeast_region, east_region, level, status, parent_id FROM pairing ORDER BY rowid"
        ) { row in
            Pairing(unchecked: row.text(0), northeast: row.text(1), east: row.optionalText(2),
                    level: try stored(PairingLevel.self, row.text(3)), status: try stored(PairingStatus.self, row.text(4)),
                    parent: row.optionalText(5))
        }
        let areas = try connection.query("SELECT code, name_zh, name_en, basis FROM task_area ORDER BY code") { row in
            TaskArea(code: row.text(0), nameZH: row.text(1), nameEN: row.text(2), basis: try stored(TaskBasis.self, row.text(3)))
        }
        let tasks = try connection.query("SELECT code, area_code, name_zh, name_en, basis FROM task ORDER BY code") { row in
            CooperationTask(code: row.text(0), areaCode: row.text(1), nameZH: row.text(2), nameEN: row.text(3),
                            basis: try stored(TaskBasis.self, row.text(4)))
        }
        return Catalogue(regions: regions, pairings: pairings, areas: areas, tasks: tasks)
    }
}

/// A keyword read back from the database, where CHECK constraints keep it valid.
func stored<K: Keyword>(_ type: K.Type, _ text: String) throws -> K {
    guard let value = K(rawValue: text) else {
        throw DuikouError(.corrupt, "the database holds \(DuikouError.quoted(text)), which is not a \(K.self)")
    }
    return value
}
