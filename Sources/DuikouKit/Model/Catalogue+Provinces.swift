extension Catalogue {
    /// The Northeast's province-level regions (provinces, autonomous regions, municipalities), in
    /// code order: the rows of a progress report by province.
    public var northeastProvinces: [Region] {
        regions.filter { $0.side == .northeast && $0.level.isProvincial }.sorted { $0.code < $1.code }
    }

    /// The Northeast province-level region a pairing belongs to: its Northeast region if that is
    /// province-level, else the province-level region whose code shares its first two digits
    /// (GB/T 2260 codes a province as `XX0000`, and everything inside it as `XX….`); `nil` when the
    /// catalogue has no such province.
    public func province(ofPairing id: String) -> Region? {
        guard let pairing = pairing(id) else { return nil }
        return province(ofRegion: pairing.northeast)
    }

    /// The Northeast province-level region that a region's code lies inside.
    public func province(ofRegion code: String) -> Region? {
        guard let prefix = code.utf8.count == 6 ? code.prefix(2) : nil else { return nil }
        return region(prefix + "0000").flatMap { $0.side == .northeast && $0.level.isProvincial ? $0 : nil }
    }
}

extension RegionLevel {
    /// Whether the level is province-level: 省, 自治区 or 直辖市.
    public var isProvincial: Bool { self == .province || self == .autonomousRegion || self == .municipality }
}
