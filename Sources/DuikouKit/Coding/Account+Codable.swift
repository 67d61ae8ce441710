extension AccountRole: Codable {}

extension Account: Codable {
    /// The JSON keys of an account, in the order `duikou user list --format json` prints them.
    enum CodingKeys: String, CodingKey {
        case name, role, pairing, disabled
        case createdAt = "created_at"
    }

    /// Writes the account as `{"name": "张伟", "role": "reporter", "pairing": "liaoning-jiangsu",
    /// "disabled": false, "created_at": "…"}` (`pairing` and `created_at` are `null` when absent).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(role, forKey: .role)
        try container.encode(pairing, forKey: .pairing)
        try container.encode(disabled, forKey: .disabled)
        try container.encode(createdAt, forKey: .createdAt)
    }

    /// Reads an account as ``encode(to:)`` writes it.
    ///
    /// - Throws: `DecodingError` for a missing or malformed field, a reporter without a pairing or
    ///   another role with one.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let role = try container.decode(AccountRole.self, forKey: .role)
        let pairing = try container.decodeTextIfPresent(forKey: .pairing)
        guard (role == .reporter) == (pairing != nil) else {
            throw container.refusal(.pairing, role == .reporter ? "a reporter needs a pairing" : "only a reporter has a pairing")
        }
        self.init(name: try container.decodeText(forKey: .name), role: role, pairing: pairing,
                  disabled: try container.decodeIfPresent(Bool.self, forKey: .disabled) ?? false,
                  createdAt: try container.decodeIfPresent(String.self, forKey: .createdAt))
    }
}
