/// A closed vocabulary whose values are written as lower-case keys (`province`, `to-east`) and may
/// also be written in Chinese (`省`, `赴东部`).
///
/// In JSON a value is its key; decoding accepts the key alone and refuses anything else with a
/// `DecodingError`.
public protocol Keyword: RawRepresentable<String>, CaseIterable, Sendable, Hashable, Codable {
    /// The Chinese label users see and may type instead of the key.
    var labelZH: String { get }
    /// The English label shown in English tables.
    var labelEN: String { get }
    /// Further Chinese spellings accepted on input, such as `缓建` for suspended.
    static var synonyms: [String: Self] { get }
}

extension Keyword {
    /// No further spellings unless a vocabulary names some.
    public static var synonyms: [String: Self] { [:] }

    /// Reads a key or its Chinese label, ignoring surrounding spaces and the case of the key.
    ///
    /// - Parameters:
    ///   - text: the key (`to-east`) or the Chinese label (`赴东部`).
    ///   - field: the name of the field being read, used in the error message.
    public init(parsing text: String, field: String) throws {
        // The key exactly as stored, the common case, needs none of the normalising below.
        if let value = Self(rawValue: text) {
            self = value
            return
        }
        let trimmed = text.trimmingSpaces()
        let key = trimmed.lowercased().replacingEvery("_", with: "-")
        if let value = Self(rawValue: key) ?? Self.allCases.first(where: { $0.labelZH == trimmed }) ?? Self.synonyms[trimmed] {
            self = value
            return
        }
        let choices = Self.allCases.map { "\($0.rawValue) (\($0.labelZH))" }.joined(separator: ", ")
        throw DuikouError.invalid(field, text, "is not one of: \(choices)")
    }

    /// The label in the given language.
    public func label(_ language: Language) -> String {
        language == .zh ? labelZH : labelEN
    }
}

/// The language of names and labels in output.
public enum Language: String, Sendable, CaseIterable, Codable {
    /// Chinese, the default.
    case zh
    /// English.
    case en
}
