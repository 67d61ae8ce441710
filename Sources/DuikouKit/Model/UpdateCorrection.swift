/// A correction of one progress update: new values for the update at a position in a project's
/// history, and why. What is left out keeps the corrected update's value.
public struct UpdateCorrection: Sendable, Hashable {
    /// The position (`seq`) of the update to correct, as `project show` numbers the history.
    public var sequence: Int
    /// The corrected date.
    public var date: LocalDate?
    /// The corrected status.
    public var status: ProjectStatus?
    /// The corrected cumulative completed investment.
    public var completed: Money?
    /// The corrected note.
    public var note: String?
    /// Why the update is corrected (a 万/亿 slip, a wrong stage keyed…); required.
    public var reason: String

    /// Creates a correction.
    ///
    /// - Throws: ``DuikouError/Code/invalidInput`` for a position below 1, an empty reason, and a
    ///   correction that gives no new value.
    public init(sequence: Int, date: LocalDate? = nil, status: ProjectStatus? = nil, completed: Money? = nil, note: String? = nil,
                reason: String) throws {
        guard sequence >= 1 else { throw DuikouError.invalid("seq", String(sequence), "is not a position in a history, which counts from 1") }
        guard date != nil || status != nil || completed != nil || note != nil else {
            throw DuikouError(.invalidInput, "seq \(sequence): a correction gives a new date, status, completed investment or note", field: "seq")
        }
        self.sequence = sequence
        self.date = date
        self.status = status
        self.completed = completed
        self.note = try optionalText(note, field: "note")
        self.reason = try requiredText(reason, field: "reason")
    }
}
