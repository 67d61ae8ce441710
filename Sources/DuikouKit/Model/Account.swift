/// What a user of the web workspace may do.
public enum AccountRole: String, Sendable, Hashable, CaseIterable {
    /// Reads and writes everything, and manages users.
    case admin
    /// Reads everything; writes only the records of one pairing and the pairings below it.
    case reporter
    /// Reads everything, writes nothing.
    case viewer
}

/// A user of the web workspace: a name, a role and, for a reporter, the pairing they report for.
public struct Account: Sendable, Hashable {
    /// The name the user logs in with.
    public let name: String
    /// What the user may do.
    public let role: AccountRole
    /// The pairing a reporter is bound to; `nil` for admins and viewers.
    public let pairing: String?
    /// Whether the account has been disabled: a disabled user can neither log in nor use a token.
    public let disabled: Bool
    /// When the account was added, as stored (UTC, ISO 8601 with milliseconds); `nil` for a value
    /// not read from a database.
    public let createdAt: String?

    /// The longest account name, in Unicode scalars.
    public static let maximumNameLength = 64

    /// Creates an account value; ``AccountRole/reporter`` needs a pairing, the other roles take none.
    public init(name: String, role: AccountRole, pairing: String? = nil, disabled: Bool = false, createdAt: String? = nil) {
        self.name = name
        self.role = role
        self.pairing = pairing
        self.disabled = disabled
        self.createdAt = createdAt
    }

    /// `text` as an account name: trimmed of the spaces around it. Any script may be used (`张伟`,
    /// `li.hua`); names are compared without regard to the case of Latin letters.
    ///
    /// - Throws: ``DuikouError/Code/invalidInput`` (field `name`) for a name that is empty or only
    ///   spaces, longer than ``maximumNameLength``, or holds a line break, tab or other control character.
    public static func checkedName(_ text: String) throws -> String {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty else { throw DuikouError.invalid("name", text, "is empty") }
        guard trimmed.unicodeScalars.count <= maximumNameLength else {
            throw DuikouError.invalid("name", text, "is longer than \(maximumNameLength) characters")
        }
        let forbidden: Set<Unicode.GeneralCategory> = [.control, .format, .lineSeparator, .paragraphSeparator]
        guard !trimmed.unicodeScalars.contains(where: { forbidden.contains($0.properties.generalCategory) }) else {
            throw DuikouError.invalid("name", text, "holds a line break, tab or other control character")
        }
        return trimmed
    }

    /// Whether the user may write the records of `pairing`: an admin always, a reporter when
    /// `pairing` is theirs or sits below theirs in `catalogue`, a viewer never.
    public func mayWrite(pairing: String, in catalogue: Catalogue) -> Bool {
        guard !disabled else { return false }
        switch role {
        case .admin: return true
        case .viewer: return false
        case .reporter:
            guard let own = self.pairing else { return false }
            return catalogue.subtree(ofPairing: own).contains(pairing)
        }
    }

    /// Whether the user may make changes that belong to no one pairing (regions, pairings, imports,
    /// merges, users): admins only.
    public var mayAdminister: Bool { role == .admin && !disabled }
}
