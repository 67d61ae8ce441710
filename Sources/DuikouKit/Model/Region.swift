/// A region of the programme, identified by its GB/T 2260 administrative code.
public struct Region: Sendable, Hashable {
    /// The six-digit GB/T 2260 code, such as `210000` for 辽宁省.
    public let code: String
    /// The Chinese name, such as `辽宁省`.
    public let nameZH: String
    /// The English name, such as `Liaoning`.
    public let nameEN: String
    /// The administrative level.
    public let level: RegionLevel
    /// Which side of a pairing the region sits on.
    public let side: Side

    /// Creates a region, refusing a code that is not six digits and empty names.
    public init(code: String, nameZH: String, nameEN: String, level: RegionLevel, side: Side) throws {
        guard code.utf8.count == 6, code.allSatisfy({ $0.asciiDigit != nil }) else {
            throw DuikouError.invalid("code", code, "is not a six-digit GB/T 2260 code such as 210000")
        }
        self.code = code
        self.nameZH = try requiredText(nameZH, field: "name-zh")
        self.nameEN = try requiredText(nameEN, field: "name-en")
        self.level = level
        self.side = side
    }

    init(uncheckedCode code: String, nameZH: String, nameEN: String, level: RegionLevel, side: Side) {
        self.code = code
        self.nameZH = nameZH
        self.nameEN = nameEN
        self.level = level
        self.side = side
    }

    /// The name in the given language.
    public func name(_ language: Language) -> String { language == .zh ? nameZH : nameEN }
}

/// The administrative level of a region.
public enum RegionLevel: String, Keyword {
    /// 省.
    case province
    /// 自治区.
    case autonomousRegion = "autonomous-region"
    /// 直辖市.
    case municipality
    /// 副省级城市.
    case subProvincialCity = "sub-provincial-city"
    /// 地级市.
    case prefectureCity = "prefecture-city"
    /// 县.
    case county

    /// The Chinese label.
    public var labelZH: String {
        switch self {
        case .province: "省"
        case .autonomousRegion: "自治区"
        case .municipality: "直辖市"
        case .subProvincialCity: "副省级城市"
        case .prefectureCity: "地级市"
        case .county: "县"
        }
    }

    /// The English label.
    public var labelEN: String { rawValue }
}

/// Which side of the programme a region is on.
public enum Side: String, Keyword {
    /// 东北地区: the Northeast.
    case northeast
    /// 东部地区: the Eastern partners.
    case east

    /// The Chinese label.
    public var labelZH: String { self == .northeast ? "东北" : "东部" }

    /// The English label.
    public var labelEN: String { rawValue }
}

/// The most UTF-8 bytes a text field may hold (1 MiB), as in an imported CSV file.
let maximumTextBytes = 1 << 20

/// Trims the text and refuses it when nothing is left, or when it holds a NUL byte or more than 1 MiB.
func requiredText(_ text: String, field: String) throws -> String {
    let trimmed = try checkedText(text, field: field)
    guard !trimmed.isEmpty else { throw DuikouError.invalid(field, text, "is empty") }
    return trimmed
}

/// Trims the text; nothing left means no value. Refuses a NUL byte and more than 1 MiB.
func optionalText(_ text: String?, field: String) throws -> String? {
    guard let text else { return nil }
    let trimmed = try checkedText(text, field: field)
    return trimmed.isEmpty ? nil : trimmed
}

/// The text trimmed, after refusing what no field may hold: a NUL byte (C tools, terminals and
/// CSV files cut text there; an import refuses it too) and more than ``maximumTextBytes``.
private func checkedText(_ text: String, field: String) throws -> String {
    let bytes = text.utf8.count
    guard bytes <= maximumTextBytes else {
        throw DuikouError(.invalidInput, "\(field): \(DuikouError.quoted(text)) is \(bytes) bytes long; a field holds at most 1 MiB", field: field)
    }
    var contiguous = text
    // On the contiguous bytes: the generic `utf8.contains` showed in bulk imports.
    guard !contiguous.withUTF8({ $0.contains(0) }) else {
        throw DuikouError.invalid(field, text, "contains a NUL byte")
    }
    return text.trimmingSpaces()
}
