/// The names of pairings, regions and tasks in one language, looked up once for the cells of a table.
/// Without a catalogue, ids and codes stand for themselves.
struct DisplayNames {
    private let pairings: [String: String]
    private let regions: [String: String]
    private let tasks: [String: String]

    init(_ catalogue: Catalogue?, _ language: Language) {
        guard let catalogue else {
            (pairings, regions, tasks) = ([:], [:], [:])
            return
        }
        pairings = Dictionary(catalogue.pairings.map { ($0.id, catalogue.name(ofPairing: $0.id, language)) }, uniquingKeysWith: { first, _ in first })
        regions = Dictionary(catalogue.regions.map { ($0.code, $0.name(language)) }, uniquingKeysWith: { first, _ in first })
        tasks = Dictionary(catalogue.tasks.map { ($0.code, "\($0.code) \(language == .zh ? $0.nameZH : $0.nameEN)") },
                           uniquingKeysWith: { first, _ in first })
    }

    /// `辽宁省—江苏省` for `liaoning-jiangsu`.
    func pairing(_ id: String) -> String { pairings[id] ?? id }

    /// `哈尔滨市` for `230100`.
    func region(_ code: String) -> String { regions[code] ?? code }

    /// `2.2 培育新兴产业` for `2.2`.
    func task(_ code: String) -> String { tasks[code] ?? code }
}
