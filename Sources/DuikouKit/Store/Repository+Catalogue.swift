extension Snapshot {
    /// The regions, pairings, task areas and tasks of the database.
    public func catalogue() throws -> Catalogue {
        try Repository.loadCatalogue(connection)
    }
}

extension Transaction {
    /// Records a region of the user's own, such as a prefecture city paired inside a province.
    ///
    /// - Throws: ``DuikouError/Code/constraint`` when the code is already recorded.
    public func addRegion(_ region: Region) throws {
        try change { connection, _ in
            if try connection.exists("SELECT 1 FROM region WHERE code = ?", [.text(region.code)]) {
                throw DuikouError(.constraint, "region \(region.code): code: already recorded", field: "code", recordID: region.code)
            }
            try connection.run(
                "INSERT INTO region (code, name_zh, name_en, level, side) VALUES (?, ?, ?, ?, ?)",
                [.text(region.code), .text(region.nameZH), .text(region.nameEN), .text(region.level.rawValue), .text(region.side.rawValue)],
                context: "region \(region.code)"
            )
            return ((), AuditNote(.add, "region", region.code, "\(region.nameZH) \(region.nameEN), \(region.level.rawValue), \(region.side.rawValue)"))
        }
    }

    /// Records a pairing, checking that its regions exist on the right sides, that its parent exists,
    /// and that neither its id nor its name reads as an alias of another pairing.
    ///
    /// - Returns: the pairing as recorded, with its level filled in.
    @discardableResult
    public func addPairing(_ pairing: NewPairing) throws -> Pairing {
        try change { connection, _ in
            let catalogue = try Repository.loadCatalogue(connection)
            if catalogue.pairing(pairing.id) != nil {
                throw DuikouError(.constraint, "pairing \(pairing.id): id: already recorded", field: "id", recordID: pairing.id)
            }
            guard let northeast = catalogue.region(pairing.northeast) else {
                throw DuikouError.missing("northeast: region", pairing.northeast)
            }
            guard northeast.side == .northeast else {
                throw DuikouError.invalid("northeast", pairing.northeast, "is \(northeast.nameZH), an Eastern region")
            }
            if let code = pairing.east {
                guard let east = catalogue.region(code) else { throw DuikouError.missing("east: region", code) }
                guard east.side == .east else {
                    throw DuikouError.invalid("east", code, "is \(east.nameZH), a Northeast region")
                }
            }
            if let parent = pairing.parent, catalogue.pairing(parent) == nil {
                throw DuikouError.missing("parent: pairing", parent)
            }
            let level = pairing.level ?? ([.province, .autonomousRegion].contains(northeast.level) ? .province : .city)
            let recorded = Pairing(unchecked: pairing.id, northeast: northeast.code, east: pairing.east, level: level, status: pairing.status, parent: pairing.parent)
            if let alias = catalogue.alias(readingAs: Catalogue.names(of: recorded, regions: catalogue.regionsByCode), otherThan: recorded.id) {
                throw DuikouError(.constraint, "pairing \(recorded.id): its id or name reads as \(DuikouError.quoted(alias.alias)), an alias of pairing \(alias.pairing) (\(catalogue.name(ofPairing: alias.pairing, .zh))); choose another id",
                                  field: "id", recordID: recorded.id)
            }
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

}

extension Repository {
    /// The regions, pairings, task areas and tasks; see ``Snapshot/catalogue()``.
    public func catalogue() throws -> Catalogue {
        try read { try $0.catalogue() }
    }

    /// Records a region of the user's own; see ``Transaction/addRegion(_:)``.
    public func addRegion(_ region: Region) throws {
        try write { try $0.addRegion(region) }
    }

    /// Records a pairing; see ``Transaction/addPairing(_:)``.
    @discardableResult
    public func addPairing(_ pairing: NewPairing) throws -> Pairing {
        try write { try $0.addPairing(pairing) }
    }

    static func loadCatalogue(_ connection: SQLiteConnection) throws -> Catalogue {
        let regions = try connection.query(
            "SELECT code, name_zh, name_en, level, side FROM region ORDER BY side DESC, code"
        ) { row in
            Region(uncheckedCode: try row.text("code"), nameZH: try row.text("name_zh"), nameEN: try row.text("name_en"),
                   level: try row.keyword("level"), side: try row.keyword("side"))
        }
        let pairings = try connection.query(
            "SELECT id, northeast_region, east_region, level, status, parent_id FROM pairing ORDER BY rowid"
        ) { row in
            Pairing(unchecked: try row.text("id"), northeast: try row.text("northeast_region"), east: try row.optionalText("east_region"),
                    level: try row.keyword("level"), status: try row.keyword("status"), parent: try row.optionalText("parent_id"))
        }
        let areas = try connection.query("SELECT code, name_zh, name_en, basis FROM task_area ORDER BY code") { row in
            TaskArea(code: try row.text("code"), nameZH: try row.text("name_zh"), nameEN: try row.text("name_en"), basis: try row.keyword("basis"))
        }
        let tasks = try connection.query("SELECT code, area_code, name_zh, name_en, basis FROM task ORDER BY code") { row in
            CooperationTask(code: try row.text("code"), areaCode: try row.text("area_code"), nameZH: try row.text("name_zh"),
                            nameEN: try row.text("name_en"), basis: try row.keyword("basis"))
        }
        let aliases = try connection.query("SELECT alias, pairing_id FROM pairing_alias ORDER BY rowid") { row in
            PairingAlias(unchecked: try row.text("alias"), pairing: try row.text("pairing_id"))
        }
        return Catalogue(regions: regions, pairings: pairings, areas: areas, tasks: tasks, aliases: aliases)
    }
}
