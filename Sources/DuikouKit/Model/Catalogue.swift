/// The reference data of a database: its regions, pairings and their aliases, task areas and tasks.
///
/// Small enough to load whole; reports use it to name their rows, and it reads the names people
/// give pairings and tasks (see ``pairing(named:)`` and ``task(named:)``).
public struct Catalogue: Sendable, Hashable {
    /// Every region, ordered by side (northeast first) and code.
    public let regions: [Region]
    /// Every pairing, each followed by the pairings inside it; provincial before city, then in the order recorded.
    public let pairings: [Pairing]
    /// The aliases of the pairings (short names such as `辽苏`, and those users added), pairing by
    /// pairing in the order of ``pairings``, each pairing's in the order recorded.
    public let aliases: [PairingAlias]
    /// The four task areas, in code order.
    public let areas: [TaskArea]
    /// The eighteen tasks, in code order.
    public let tasks: [CooperationTask]

    let regionsByCode: [String: Region]
    let pairingsByID: [String: Pairing]
    let tasksByCode: [String: CooperationTask]
    /// The ids of the pairings each name key reads as: ids, names and aliases.
    let pairingNames: [NameKey: [String]]
    /// The codes of the tasks each name key reads as: codes, Chinese names, and codes followed by names.
    let taskNames: [NameKey: [String]]

    init(regions: [Region], pairings: [Pairing], areas: [TaskArea], tasks: [CooperationTask], aliases: [PairingAlias] = []) {
        let regionsByCode = Dictionary(regions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        self.regions = regions
        self.pairings = Self.depthFirst(pairings)
        let position = Dictionary(self.pairings.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.aliases = aliases.enumerated()
            .sorted { (position[$0.element.pairing] ?? Int.max, $0.offset) < (position[$1.element.pairing] ?? Int.max, $1.offset) }
            .map(\.element)
        self.areas = areas
        self.tasks = tasks
        self.regionsByCode = regionsByCode
        pairingsByID = Dictionary(pairings.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        tasksByCode = Dictionary(tasks.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        pairingNames = Self.index(self.pairings.flatMap { pairing in
            Self.names(of: pairing, regions: regionsByCode).map { ($0, pairing.id) }
        } + self.aliases.map { ($0.alias, $0.pairing) })
        taskNames = Self.index(tasks.flatMap {
            [($0.code, $0.code), ($0.nameZH, $0.code), ($0.code + $0.nameZH, $0.code), ($0.nameEN, $0.code), ($0.code + " " + $0.nameEN, $0.code)]
        })
    }

    /// Orders pairings so that each is followed by its children, roots provincial first.
    private static func depthFirst(_ pairings: [Pairing]) -> [Pairing] {
        let ids = Set(pairings.map(\.id))
        let children = Dictionary(grouping: pairings, by: { $0.parent.flatMap { ids.contains($0) ? $0 : nil } ?? "" })
        var ordered: [Pairing] = []
        func visit(_ parent: String) {
            let level: (Pairing) -> Int = { $0.level == .province ? 0 : 1 }
            for pairing in (children[parent] ?? []).enumerated().sorted(by: { (level($0.element), $0.offset) < (level($1.element), $1.offset) }) {
                ordered.append(pairing.element)
                visit(pairing.element.id)
            }
        }
        visit("")
        return ordered
    }

    /// The region with the given code.
    public func region(_ code: String) -> Region? { regionsByCode[code] }

    /// The code of the region `text` names: its code, or its Chinese or English name when exactly one
    /// region has it (as the exports for people write regions); `nil` otherwise.
    func regionCode(named text: String) -> String? {
        if regionsByCode[text] != nil { return text }
        let lowercased = text.lowercased()
        let matches = regionsByCode.values.filter { $0.nameZH == text || $0.nameEN.lowercased() == lowercased }
        return matches.count == 1 ? matches.first?.code : nil
    }

    /// The pairing with the given id.
    public func pairing(_ id: String) -> Pairing? { pairingsByID[id] }

    /// The task with the given code.
    public func task(_ code: String) -> CooperationTask? { tasksByCode[code] }

    /// The area with the given code.
    public func area(_ code: String) -> TaskArea? { areas.first { $0.code == code } }

    /// A pairing's display name from its regions' names: `辽宁省—江苏省`, or `内蒙古自治区—（待定）`.
    public func name(ofPairing id: String, _ language: Language) -> String {
        guard let pairing = pairing(id) else { return id }
        return Self.name(of: pairing, language, regions: regionsByCode)
    }

    static func name(of pairing: Pairing, _ language: Language, regions: [String: Region]) -> String {
        let northeast = regions[pairing.northeast]?.name(language) ?? pairing.northeast
        let east = pairing.east.map { regions[$0]?.name(language) ?? $0 } ?? (language == .zh ? "（待定）" : "(to be paired)")
        return language == .zh ? "\(northeast)—\(east)" : "\(northeast)–\(east)"
    }

    /// The given pairing and every pairing below it, parents first.
    public func subtree(ofPairing id: String) -> [String] {
        var result = [id]
        var index = 0
        while index < result.count {
            let parent = result[index]
            result += pairings.filter { $0.parent == parent }.map(\.id)
            index += 1
        }
        return result
    }
}
