/// The reference data of a database: its regions, pairings, task areas and tasks.
///
/// Small enough to load whole; reports use it to name their rows.
public struct Catalogue: Sendable, Hashable {
    /// Every region, ordered by side (northeast first) and code.
    public let regions: [Region]
    /// Every pairing, each followed by the pairings inside it; provincial before city, then in the order recorded.
    public let pairings: [Pairing]
    /// The four task areas, in code order.
    public let areas: [TaskArea]
    /// The eighteen tasks, in code order.
    public let tasks: [CooperationTask]

    private let regionsByCode: [String: Region]

    init(regions: [Region], pairings: [Pairing], areas: [TaskArea], tasks: [CooperationTask]) {
        self.regions = regions
        self.pairings = Self.depthFirst(pairings)
        self.areas = areas
        self.tasks = tasks
        self.regionsByCode = Dictionary(regions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
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

    /// The pairing with the given id.
    public func pairing(_ id: String) -> Pairing? { pairings.first { $0.id == id } }

    /// The task with the given code.
    public func task(_ code: String) -> CooperationTask? { tasks.first { $0.code == code } }

    /// The area with the given code.
    public func area(_ code: String) -> TaskArea? { areas.first { $0.code == code } }

    /// A pairing's display name from its regions' names: `辽宁省—江苏省`, or `内蒙古自治区—（待定）`.
    public func name(ofPairing id: String, _ language: Language) -> String {
        guard let pairing = pairing(id) else { return id }
        let northeast = region(pairing.northeast)?.name(language) ?? pairing.northeast
        let east = pairing.east.map { region($0)?.name(language) ?? $0 } ?? (language == .zh ? "（待定）" : "(to be paired)")
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
