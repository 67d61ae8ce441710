/// The period a reporting round covers: a year (`2025`), a quarter (`2025-Q3`) or a month (`2025-09`).
public struct ReportingPeriod: Sendable, Hashable, CustomStringConvertible {
    /// How long a period is.
    public enum Length: Sendable, Hashable {
        /// A calendar year.
        case year
        /// A quarter, 1 to 4.
        case quarter(Int)
        /// A month, 1 to 12.
        case month(Int)
    }

    /// The years a period may lie in.
    public static let years = 2000...2100

    /// The period's year.
    public let year: Int
    /// Whether it is the whole year, a quarter or a month.
    public let length: Length

    /// Reads `2025`, `2025-Q3` (or `2025-q3`) or `2025-09`.
    ///
    /// - Throws: ``DuikouError/Code/invalidInput`` naming `field` for anything else, a quarter
    ///   outside 1–4, a month outside 1–12 and a year outside 2000–2100.
    public init(parsing text: String, field: String = "period") throws {
        let trimmed = text.trimmingSpaces()
        let bytes = Array(trimmed.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count,
                  range.allSatisfy({ bytes[$0] >= UInt8(ascii: "0") && bytes[$0] <= UInt8(ascii: "9") }) else { return nil }
            return range.reduce(0) { $0 * 10 + Int(bytes[$1] - UInt8(ascii: "0")) }
        }
        let expected = "is not a period; write a year (2025), a quarter (2025-Q3) or a month (2025-09)"
        guard let year = digits(0..<4) else { throw DuikouError.invalid(field, text, expected) }
        let length: Length
        switch bytes.count {
        case 4:
            length = .year
        case 7 where bytes[4] == UInt8(ascii: "-") && (bytes[5] == UInt8(ascii: "Q") || bytes[5] == UInt8(ascii: "q")):
            guard let quarter = digits(6..<7), (1...4).contains(quarter) else {
                throw DuikouError.invalid(field, text, "names no quarter; quarters are Q1 to Q4")
            }
            length = .quarter(quarter)
        case 7 where bytes[4] == UInt8(ascii: "-"):
            guard let month = digits(5..<7) else { throw DuikouError.invalid(field, text, expected) }
            guard (1...12).contains(month) else { throw DuikouError.invalid(field, text, "names no month; months are 01 to 12") }
            length = .month(month)
        default:
            throw DuikouError.invalid(field, text, expected)
        }
        guard Self.years.contains(year) else {
            throw DuikouError.invalid(field, text, "is outside the years \(Self.years.lowerBound)–\(Self.years.upperBound)")
        }
        self.year = year
        self.length = length
    }

    /// The period as written: `2025`, `2025-Q3` or `2025-09`.
    public var description: String {
        switch length {
        case .year: "\(year)"
        case .quarter(let quarter): "\(year)-Q\(quarter)"
        case .month(let month): month < 10 ? "\(year)-0\(month)" : "\(year)-\(month)"
        }
    }

    /// The months the period spans, first and last.
    private var months: (first: Int, last: Int) {
        switch length {
        case .year: (1, 12)
        case .quarter(let quarter): (quarter * 3 - 2, quarter * 3)
        case .month(let month): (month, month)
        }
    }

    /// The period's first day.
    public var start: LocalDate { LocalDate(unchecked: year, months.first, 1) }

    /// The period's last day.
    public var end: LocalDate { LocalDate(unchecked: year, months.last, LocalDate.daysIn(month: months.last, year: year)) }

    /// The default due date of a round over the period: the 10th day after it ends (2025-Q3: 2025-10-10).
    public var defaultDue: LocalDate { LocalDate(daysSinceEpoch: end.daysSinceEpoch + 10) }

    /// The last day before the period starts, as of which a project's state decides whether it is in
    /// a round's scope.
    var dayBeforeStart: LocalDate { LocalDate(daysSinceEpoch: start.daysSinceEpoch - 1) }
}
