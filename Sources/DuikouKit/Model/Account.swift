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

    /// Creates an account value; ``AccountRole/reporter`` needs a pairing, the other roles take none.
    public init(name: String, role: AccountRole, pairing: String? = nil, disabled: Bool = false) {
        self.name = name
        self.role = role
        self.pairing = pairing
        self.disabled = disabled
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
