#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One record found by ``Snapshot/search(_:limit:)``: a project, a park, a reform measure, a
/// meeting or a funding whose text contains the searched text, with the field that matched and a
/// snippet of it around the match.
public struct SearchHit: Sendable, Hashable {
    /// The searchable fields of projects, parks, reform measures, meetings and funding.
    public enum Field: String, Sendable, CaseIterable {
        /// A project's title (项目名称), or a reform measure's (举措名称).
        case title
        /// A project's description (项目简介).
        case description
        /// A project's Northeast party (东北方).
        case northeastParty = "northeast_party"
        /// A project's Eastern party (东部方).
        case eastParty = "east_party"
        /// A park's name (园区名称).
        case name
        /// A reform measure's Eastern source (经验来源).
        case source
        /// A meeting's place (地点).
        case place
        /// A meeting's outcomes (成果).
        case outcomes
        /// A funding's note (备注).
        case note

        /// The field's name in the given language, for tables.
        public func label(_ language: Language) -> String {
            switch (self, language) {
            case (.title, .zh): "项目名称"
            case (.title, .en): "title"
            case (.description, .zh): "项目简介"
            case (.description, .en): "description"
            case (.northeastParty, .zh): "东北方"
            case (.northeastParty, .en): "northeast party"
            case (.eastParty, .zh): "东部方"
            case (.eastParty, .en): "east party"
            case (.name, .zh): "园区名称"
            case (.name, .en): "park name"
            case (.source, .zh): "经验来源"
            case (.source, .en): "source"
            case (.place, .zh): "地点"
            case (.place, .en): "place"
            case (.outcomes, .zh): "成果"
            case (.outcomes, .en): "outcomes"
            case (.note, .zh): "备注"
            case (.note, .en): "note"
            }
        }
    }

    /// What was found: a project, a park, a reform measure, a meeting or a funding (never an exchange).
    public let kind: RecordKind
    /// The id of the record.
    public let id: UUID
    /// The id of the pairing the record belongs to (for a project's funding, the project's pairing).
    public let pairing: String
    /// What the record is called: a project's or reform measure's title, a park's name, a meeting's
    /// date and place (`2024-05-20 哈尔滨市`), a funding's project title (else its note).
    public let title: String
    /// The field that matched; when several did, the first in the record's order: title (or name),
    /// description, Northeast party, Eastern party for a project; title, source for a reform
    /// measure; place, outcomes for a meeting.
    public let field: Field
    /// The matched field's text around the first match, on one line: up to
    /// ``snippetContext`` characters either side, with `…` where it was cut.
    public let snippet: String

    /// How many characters of context a snippet keeps on either side of the match.
    public static let snippetContext = 40

    init(kind: RecordKind, id: UUID, pairing: String, title: String, field: Field, snippet: String) {
        self.kind = kind
        self.id = id
        self.pairing = pairing
        self.title = title
        self.field = field
        self.snippet = snippet
    }

    /// The part of `text` around the first occurrence of `query`, with up to `context` characters
    /// either side, `…` where the text was cut, and line breaks and tabs turned into spaces.
    ///
    /// Matching ignores case as the search does (ASCII letters, and other letters whose lower case
    /// is one character) and works on Unicode scalars, as SQLite does, so a match that starts or ends
    /// inside a character (an emoji sequence, a letter with a combining mark) still places the
    /// snippet; the cut is widened to whole characters. When `query` is not found the snippet is
    /// the start of the text.
    static func snippet(of text: String, around query: String, context: Int = snippetContext) -> String {
        let haystack = text.unicodeScalars.map(Self.folded)
        let needle = query.unicodeScalars.map(Self.folded)
        let start = Self.firstIndex(of: needle, in: haystack)

        // The characters of the text, and for each the offset of its first scalar.
        let characters = Array(text)
        var firstScalar: [Int] = []
        firstScalar.reserveCapacity(characters.count)
        var offset = 0
        for character in characters {
            firstScalar.append(offset)
            offset += character.unicodeScalars.count
        }
        // The character holding a scalar offset: the last one starting at or before it.
        func character(holding scalar: Int) -> Int {
            var low = 0
            var high = firstScalar.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if firstScalar[middle] <= scalar { low = middle } else { high = middle - 1 }
            }
            return low
        }

        let matchStart: Int
        let matchEnd: Int
        if let start, !characters.isEmpty {
            matchStart = character(holding: start)
            matchEnd = character(holding: start + max(needle.count, 1) - 1) + 1
        } else {
            matchStart = 0
            matchEnd = 0
        }
        let lower = max(0, matchStart - context)
        let upper = min(characters.count, matchEnd + context + (start == nil ? context : 0))
        var snippet = lower > 0 ? "…" : ""
        for character in characters[lower..<upper] {
            snippet.append(character.isNewline || character == "\t" ? " " : character)
        }
        if upper < characters.count { snippet += "…" }
        return snippet
    }

    /// A scalar with its case folded: ASCII letters, and letters whose lower case is one scalar.
    private static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            return (65...90).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value + 32)) : scalar
        }
        guard scalar.properties.changesWhenLowercased else { return scalar }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        guard lower.count == 1, let only = lower.first else { return scalar }
        return only
    }

    private static func firstIndex(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return start }
        }
        return nil
    }
}
