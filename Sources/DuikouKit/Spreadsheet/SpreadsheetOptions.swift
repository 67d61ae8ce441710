/// What an export for people (an `.xlsx` workbook, or CSV in a language) holds and how it is worded.
///
/// Unlike the machine CSV, which imports back as it was, such an export has headers that name their
/// unit (计划总投资（万元）), statuses, pairings and tasks by name, amounts as numbers in 万元 and
/// dates as date cells.
public struct SpreadsheetOptions: Sendable, Hashable {
    /// Only the records of this pairing and the pairings below it (its id); `nil` for all.
    public var pairing: String?
    /// The language of headers, statuses and names.
    public var language: Language
    /// Leave the names of seconded persons out: exchanges keep their person column, empty.
    public var redactingPeople: Bool
    /// Progress as things stood on this date; `nil` for now. Only progress workbooks use it.
    public var asOf: LocalDate?

    /// Creates options: everything, in Chinese, as things stand now.
    public init(pairing: String? = nil, language: Language = .zh, redactingPeople: Bool = false, asOf: LocalDate? = nil) {
        self.pairing = pairing
        self.language = language
        self.redactingPeople = redactingPeople
        self.asOf = asOf
    }
}
