extension Snapshot {
    /// The pairing that `text` names: its id, its Chinese or English name, or an alias; see
    /// ``Catalogue/pairing(named:)``.
    ///
    /// - Throws: ``DuikouError/Code/notFound`` for a name no pairing has;
    ///   ``DuikouError/Code/invalidInput`` for an empty text or a name several pairings have.
    public func pairing(named text: String) throws -> Pairing {
        try catalogue().pairing(named: text)
    }

    /// The id of the pairing that `text` names, to build a value that holds ids (``NewProject``,
    /// ``ProjectFilter``, ``ProgressQuery``, …) from what a user typed; see ``pairing(named:)``.
    public func resolvePairing(_ text: String) throws -> String {
        try pairing(named: text).id
    }

    /// The task that `text` names: its code or its Chinese name; see ``Catalogue/task(named:)``.
    ///
    /// - Throws: ``DuikouError/Code/notFound`` for a code or name no task has;
    ///   ``DuikouError/Code/invalidInput`` for an empty text.
    public func task(named text: String) throws -> CooperationTask {
        try catalogue().task(named: text)
    }

    /// The code of the task that `text` names; see ``task(named:)``.
    public func resolveTask(_ text: String) throws -> String {
        try task(named: text).code
    }
}

extension Transaction {
    /// Records another name for a pairing, such as a short name (`辽苏`) its users say.
    ///
    /// - Returns: the alias as recorded, trimmed.
    /// - Throws: ``DuikouError/Code/notFound`` for an unknown pairing; ``DuikouError/Code/constraint``
    ///   when the alias reads as (spaces, dashes, full-width forms and the case of Latin letters
    ///   aside) an alias, the id or a name of a pairing already, this one included; the message
    ///   names that pairing.
    @discardableResult
    public func addPairingAlias(_ alias: PairingAlias) throws -> PairingAlias {
        try change { connection, _ in
            let catalogue = try Repository.loadCatalogue(connection)
            guard catalogue.pairing(alias.pairing) != nil else {
                throw DuikouError(.notFound, "pairing \(DuikouError.quoted(alias.pairing)) does not exist", field: "pairing", recordID: alias.pairing)
            }
            if let taken = catalogue.pairingNamed(like: alias.alias) {
                throw DuikouError(.constraint, "alias: \(DuikouError.quoted(alias.alias)) already names pairing \(taken) (\(catalogue.name(ofPairing: taken, .zh)))",
                                  field: "alias", recordID: taken)
            }
            try connection.run("INSERT INTO pairing_alias (alias, pairing_id) VALUES (?, ?)", [.text(alias.alias), .text(alias.pairing)],
                               context: "pairing \(alias.pairing): alias \(DuikouError.quoted(alias.alias))")
            return (alias, AuditNote(.add, "pairing", alias.pairing, "alias \(alias.alias)"))
        }
    }
}

extension Repository {
    /// The pairing that `text` names; see ``Snapshot/pairing(named:)``.
    public func pairing(named text: String) throws -> Pairing {
        try read { try $0.pairing(named: text) }
    }

    /// The id of the pairing that `text` names; see ``Snapshot/resolvePairing(_:)``.
    public func resolvePairing(_ text: String) throws -> String {
        try read { try $0.resolvePairing(text) }
    }

    /// The task that `text` names; see ``Snapshot/task(named:)``.
    public func task(named text: String) throws -> CooperationTask {
        try read { try $0.task(named: text) }
    }

    /// The code of the task that `text` names; see ``Snapshot/resolveTask(_:)``.
    public func resolveTask(_ text: String) throws -> String {
        try read { try $0.resolveTask(text) }
    }

    /// Records another name for a pairing; see ``Transaction/addPairingAlias(_:)``.
    @discardableResult
    public func addPairingAlias(_ alias: PairingAlias) throws -> PairingAlias {
        try write { try $0.addPairingAlias(alias) }
    }
}
