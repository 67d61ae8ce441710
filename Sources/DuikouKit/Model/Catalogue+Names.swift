/// Reading the names people use: a pairing by its id, its names or its aliases, a task by its code
/// or its Chinese name.
///
/// Texts are compared by ``NameKey``: spaces, the kind of dash, full-width forms and the case of
/// Latin letters do not matter (`辽宁省—江苏省`, `辽宁省 - 江苏省` and `辽宁省－江苏省` are one name).
extension Catalogue {
    /// The pairing that `text` names: its id, its Chinese name (`辽宁省—江苏省`, with any dash), its
    /// English name (`Liaoning–Jiangsu`), one of its aliases (`辽苏`), or, while it has no Eastern
    /// side, the name of its Northeast region (`内蒙古自治区`).
    ///
    /// - Throws: ``DuikouError/Code/notFound`` when no pairing has that name;
    ///   ``DuikouError/Code/invalidInput`` when the text is empty, or names several pairings (the
    ///   message lists their ids and names). The error's field is `pairing`.
    public func pairing(named text: String) throws -> Pairing {
        if let pairing = pairingsByID[text] { return pairing }
        let key = NameKey(text)
        guard !key.isEmpty else { throw DuikouError.invalid("pairing", text, "is empty; give a pairing's id, name or short name") }
        let ids = pairingNames[key] ?? []
        guard let first = ids.first, let pairing = pairingsByID[first] else {
            throw DuikouError(.notFound, "pairing: \(DuikouError.quoted(text)) does not exist; no pairing has this id, name or short name",
                              field: "pairing", recordID: text)
        }
        guard ids.count == 1 else {
            let candidates = ids.map { "\($0) (\(name(ofPairing: $0, .zh)))" }
            throw DuikouError.invalid("pairing", text, "names \(ids.count) pairings: \(candidates.joined(separator: ", ")); give one of their ids")
        }
        return pairing
    }

    /// The task that `text` names: its code (`2.2`), its Chinese or English name (`推进新兴产业合作`), or
    /// the code and the name as tables and exports for people print them (`2.2 推进新兴产业合作`).
    ///
    /// - Throws: ``DuikouError/Code/notFound`` when no task has that code or name;
    ///   ``DuikouError/Code/invalidInput`` when the text is empty or names several tasks. The
    ///   error's field is `task`.
    public func task(named text: String) throws -> CooperationTask {
        if let task = tasksByCode[text] { return task }
        let key = NameKey(text)
        guard !key.isEmpty else { throw DuikouError.invalid("task", text, "is empty; give a task's code or Chinese name") }
        let codes = taskNames[key] ?? []
        guard let first = codes.first, let task = tasksByCode[first] else {
            throw DuikouError(.notFound, "task: \(DuikouError.quoted(text)) does not exist; tasks are 1.1 to 4.4, or their Chinese or English names",
                              field: "task", recordID: text)
        }
        guard codes.count == 1 else {
            let candidates = codes.compactMap { tasksByCode[$0] }.map { "\($0.code) (\($0.nameZH))" }
            throw DuikouError.invalid("task", text, "names \(codes.count) tasks: \(candidates.joined(separator: ", ")); give one of their codes")
        }
        return task
    }

    /// The aliases of the pairing with id `id`, in the order they were recorded.
    public func aliases(ofPairing id: String) -> [String] {
        aliases.filter { $0.pairing == id }.map(\.alias)
    }

    /// Every name the pairing with id `id` is read by besides its aliases: its id, its Chinese and
    /// English names, and while it has no Eastern side its Northeast region's names.
    public func names(ofPairing id: String) -> [String] {
        pairingsByID[id].map { Self.names(of: $0, regions: regionsByCode) } ?? []
    }

    /// The pairing (other than `pairing`) that already has a name or alias reading as `alias`, if any.
    func pairingNamed(like alias: String, other pairing: String? = nil) -> String? {
        (pairingNames[NameKey(alias)] ?? []).first { $0 != pairing }
    }

    /// The alias of another pairing that reads as one of `names`, if any.
    func alias(readingAs names: [String], otherThan pairing: String) -> PairingAlias? {
        let keys = Set(names.map(NameKey.init))
        return aliases.first { $0.pairing != pairing && keys.contains(NameKey($0.alias)) }
    }

    /// Each alias that reads as the id, a name or an alias of another pairing, in words: a broken
    /// rule (an alias names one pairing) that only a merge or a change behind the library leaves.
    func aliasConflicts() -> [String] {
        aliases.compactMap { alias in
            guard let other = pairingNamed(like: alias.alias, other: alias.pairing) else { return nil }
            return "pairing alias \(DuikouError.quoted(alias.alias)) of \(alias.pairing) also reads as a name of pairing \(other) (\(name(ofPairing: other, .zh))); it names both"
        }
    }

    /// The names of `pairing` that are not aliases, from the regions' names.
    static func names(of pairing: Pairing, regions: [String: Region]) -> [String] {
        var names = [pairing.id, name(of: pairing, .zh, regions: regions), name(of: pairing, .en, regions: regions)]
        if pairing.east == nil, let northeast = regions[pairing.northeast] {
            names += [northeast.nameZH, northeast.nameEN]
        }
        return names
    }

    /// The keys of `names`, each with the ids it reads as, in order and without repeats.
    static func index(_ names: [(name: String, id: String)]) -> [NameKey: [String]] {
        var index: [NameKey: [String]] = [:]
        for (name, id) in names {
            let key = NameKey(name)
            guard !key.isEmpty else { continue }
            if !(index[key]?.contains(id) ?? false) { index[key, default: []].append(id) }
        }
        return index
    }
}
