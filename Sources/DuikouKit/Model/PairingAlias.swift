/// Another name a pairing is read by: a short name such as `辽苏` or `深哈`, or one a user added.
///
/// Wherever a pairing is read from a user, its id, its Chinese and English names and each of its
/// aliases name it (see ``Catalogue/pairing(named:)``). An alias names one pairing.
public struct PairingAlias: Sendable, Hashable {
    /// The longest alias, in Unicode scalars.
    public static let maximumLength = 64

    /// The alias, such as `辽苏`.
    public let alias: String
    /// The id of the pairing it names, such as `liaoning-jiangsu`.
    public let pairing: String

    /// Creates an alias of the pairing with id `pairing`, trimmed of the spaces around it.
    ///
    /// - Throws: ``DuikouError/Code/invalidInput`` for an alias that is empty or only spaces, longer
    ///   than ``maximumLength``, or holds a line break, tab or other control character.
    public init(alias: String, pairing: String) throws {
        let trimmed = alias.trimmingSpaces()
        guard !NameKey(trimmed).isEmpty else { throw DuikouError.invalid("alias", alias, "is empty") }
        guard trimmed.unicodeScalars.count <= Self.maximumLength else {
            throw DuikouError.invalid("alias", alias, "is longer than \(Self.maximumLength) characters")
        }
        let breaks: Set<Unicode.GeneralCategory> = [.control, .lineSeparator, .paragraphSeparator]
        guard !trimmed.unicodeScalars.contains(where: { breaks.contains($0.properties.generalCategory) }) else {
            throw DuikouError.invalid("alias", alias, "holds a line break, tab or other control character")
        }
        self.init(unchecked: trimmed, pairing: pairing.trimmingSpaces())
    }

    init(unchecked alias: String, pairing: String) {
        self.alias = alias
        self.pairing = pairing
    }
}
