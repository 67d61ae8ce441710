import Foundation
import Testing
import DuikouDemo
@testable import DuikouKit

/// Reading, checking and ordering ISO dates.
@Suite struct LocalDateTests {
    @Test(arguments: [
        ("2019-05-09", 2019, 5, 9),
        ("2017-03-06", 2017, 3, 6),
        ("1900-01-01", 1900, 1, 1),
        ("2999-12-31", 2999, 12, 31),
        ("2024-01-31", 2024, 1, 31),
        ("2019-04-30", 2019, 4, 30),
        ("2019-02-28", 2019, 2, 28),
    ])
    func validDates(text: String, year: Int, month: Int, day: Int) throws {
        let date = try LocalDate(parsing: text)
        #expect(date.year == year)
        #expect(date.month == month)
        #expect(date.day == day)
        #expect(date.description == text)
        #expect(try LocalDate(year: year, month: month, day: day) == date)
    }

    @Test(arguments: [
        ("2020-02-29", true),
        ("2019-02-29", false),
        ("1900-02-29", false),
        ("2000-02-29", true),
        ("2100-02-29", false),
        ("2400-02-29", true),
        ("2024-02-29", true),
        ("2020-02-30", false),
    ])
    func leapYears(text: String, exists: Bool) throws {
        if exists {
            #expect(try LocalDate(parsing: text).description == text)
        } else {
            expectInvalidInput { try LocalDate(parsing: text) }
        }
    }

    @Test(arguments: ["2019-02-30", "2019-13-01", "2019-00-10", "2019-04-31", "2019-06-31", "2019-09-31", "2019-11-31",
                      "2019-01-32", "2019-01-00", "2019-99-99"])
    func impossibleDatesAreRefused(text: String) {
        expectInvalidInput { try LocalDate(parsing: text) }
    }

    @Test(arguments: ["2019-2-3", "2019-02-3", "2019-2-03", "2019/02/03", "2019.02.03", "20190203", "19-02-03", "2019-02-03T00:00",
                      "2019-02-03Z", "２０１９-０２-０３", "2019－02－03", "",
                      "abcd-ef-gh", "2019-0a-03", "+019-02-03", "-2019-02-03", "2019-02--3", "2019--2-03", "02-03-2019",
                      "2019_02_03", "2019-02-0\u{301}", "2019- 02-03"])
    func wrongFormatsAreRefused(text: String) {
        expectInvalidInput { try LocalDate(parsing: text) }
    }

    @Test(arguments: [" 2019-02-03", "2019-02-03 ", "\u{3000}2019-02-03", "2019-02-03\n", "2019-02-03\r\n", "\t2019-02-03"])
    func surroundingSpacesAreIgnoredAsEverywhereElse(text: String) throws {
        #expect(try LocalDate(parsing: text) == LocalDate(year: 2019, month: 2, day: 3))
    }

    @Test(arguments: ["1899-12-31", "0219-05-09", "0000-01-01", "3000-01-01", "9999-12-31"])
    func yearsOutside1900To2999AreRefused(text: String) {
        expectInvalidInput { try LocalDate(parsing: text) }
    }

    @Test func partsAreCheckedToo() throws {
        expectInvalidInput { try LocalDate(year: 20199, month: 5, day: 9) }
        expectInvalidInput { try LocalDate(year: 219, month: 5, day: 9) }
        expectInvalidInput { try LocalDate(year: 2019, month: 0, day: 9) }
        expectInvalidInput { try LocalDate(year: 2019, month: 13, day: 9) }
        expectInvalidInput { try LocalDate(year: 2019, month: 2, day: 29) }
        expectInvalidInput { try LocalDate(year: 2019, month: 5, day: 0) }
        expectInvalidInput { try LocalDate(year: 2019, month: 5, day: -1) }
        #expect(try LocalDate(year: 2020, month: 2, day: 29).description == "2020-02-29")
        #expect(try LocalDate(year: 1900, month: 1, day: 1).description == "1900-01-01")
    }

    @Test func errorNamesTheField() {
        let error = #expect(throws: DuikouError.self) { try LocalDate(parsing: "2019/02/03", field: "established") }
        #expect(error?.code == .invalidInput)
        #expect(error?.message.contains("established") == true)

        let impossible = #expect(throws: DuikouError.self) { try LocalDate(parsing: "2019-02-30", field: "as-of") }
        #expect(impossible?.message.contains("as-of") == true)
    }

    @Test func endOfYear() throws {
        #expect(try LocalDate.endOfYear(2020).description == "2020-12-31")
        #expect(try LocalDate.endOfYear(1900).description == "1900-12-31")
        expectInvalidInput { try LocalDate.endOfYear(3000) }
    }

    @Test func datesOrderChronologically() throws {
        let texts = ["2019-05-09", "2018-12-31", "2019-05-10", "2019-04-30", "1900-01-01", "2999-12-31", "2019-10-01"]
        let dates = try texts.map { try LocalDate(parsing: $0) }
        #expect(dates.sorted().map(\.description) == texts.sorted())
        #expect(try LocalDate(parsing: "2019-01-31") < LocalDate(parsing: "2019-02-01"))
        #expect(try LocalDate(parsing: "2018-12-31") < LocalDate(parsing: "2019-01-01"))
        #expect(try !(LocalDate(parsing: "2019-01-01") < LocalDate(parsing: "2019-01-01")))
        #expect(try LocalDate(parsing: "2019-01-01") == LocalDate(year: 2019, month: 1, day: 1))
    }

    /// The month lengths agree with Foundation's Gregorian calendar for every month of every year accepted.
    @Test func monthLengthsMatchTheGregorianCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for year in 1900...2999 {
            for month in 1...12 {
                let first = try #require(calendar.date(from: DateComponents(year: year, month: month, day: 1)))
                let days = try #require(calendar.range(of: .day, in: .month, for: first)).count
                if LocalDate.daysIn(month: month, year: year) != days {
                    Issue.record("\(year)-\(month) has \(days) days")
                }
            }
        }
    }

    @Test func descriptionRoundTripsForEveryDayOfALeapYearAndACommonYear() throws {
        for year in [2019, 2020] {
            var count = 0
            for month in 1...12 {
                for day in 1...31 {
                    guard let date = try? LocalDate(year: year, month: month, day: day) else { continue }
                    count += 1
                    #expect(try LocalDate(parsing: date.description) == date)
                }
            }
            #expect(count == (year == 2020 ? 366 : 365))
        }
    }

    // MARK: - Deterministic fuzzing

    /// Dates, some impossible, many of them then mutated with digits, dashes, other separators, spaces,
    /// fullwidth digits, letters and combining marks: parsing never crashes, and what it accepts is
    /// exactly a valid `YYYY-MM-DD`, give or take spaces around it, that prints back as that text.
    @Test func fuzzedTextParsesConsistently() {
        var rng = SeededGenerator(seed: 0x2019_0509)
        var accepted = 0
        var refused = 0
        for _ in 0..<3_000 {
            let text = Self.fuzzedDateText(&rng)
            guard let date = try? LocalDate(parsing: text) else {
                refused += 1
                continue
            }
            accepted += 1
            #expect(Array(date.description.utf8) == Array(Self.trimmingSpaces(text).utf8), "\(text)")
            #expect((1900...2999).contains(date.year))
        }
        // Both branches must be taken often, or the test would say nothing about one of them.
        #expect(accepted >= 1_000, "\(accepted) accepted")
        #expect(refused >= 1_000, "\(refused) refused")
    }

    /// A `YYYY-MM-DD` text whose parts may be out of range (about a quarter of them), and which is
    /// left alone half of the time, else changed in one to three places.
    private static func fuzzedDateText(_ rng: inout SeededGenerator) -> String {
        let junk = ["0", "1", "2", "9", "-", "/", ".", " ", "\u{3000}", "\n", "１", "a", "\u{301}", "－"]
        let year = 1850 + Int(rng.next(below: 1_200))
        let month = Int(rng.next(below: 14))
        let day = Int(rng.next(below: 33))
        var pieces = [year / 1000, year / 100 % 10, year / 10 % 10, year % 10].map(String.init) + ["-"]
            + [month / 10, month % 10].map(String.init) + ["-"] + [day / 10, day % 10].map(String.init)
        if rng.next(below: 2) == 0 {
            for _ in 0...rng.next(below: 3) {
                let piece = junk[Int(rng.next(below: UInt64(junk.count)))]
                let position = Int(rng.next(below: UInt64(pieces.count)))
                switch rng.next(below: 4) {
                case 0: pieces[position] = piece
                case 1: pieces.insert(piece, at: position)
                case 2: pieces.remove(at: position)
                default:
                    if rng.next(below: 2) == 0 { pieces.insert(piece, at: 0) } else { pieces.append(piece) }
                }
            }
        }
        return pieces.joined()
    }

    /// The text without the spaces, tabs and line breaks (ASCII and ideographic) around it, which
    /// every field ignores.
    private static func trimmingSpaces(_ text: String) -> String {
        let spaces: Set<Unicode.Scalar> = [" ", "\t", "\n", "\r", "\u{3000}"]
        var scalars = text.unicodeScalars[...]
        while let first = scalars.first, spaces.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, spaces.contains(last) { scalars.removeLast() }
        return String(scalars)
    }

    /// Random `DDDD-DD-DD` strings are accepted exactly when Foundation's Gregorian calendar knows the day.
    @Test func fuzzedDigitsAgreeWithTheGregorianCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var rng = SeededGenerator(seed: 7)
        var accepted = 0
        var refused = 0
        for _ in 0..<3_000 {
            // Years mostly near the valid range, months and days mostly plausible, so both outcomes occur.
            let year = 1850 + Int(rng.next(below: 1_200))
            let month = Int(rng.next(below: 14))
            let day = Int(rng.next(below: 33))
            let text = String(format: "%04d-%02d-%02d", year, month, day)
            let components = DateComponents(year: year, month: month, day: day)
            let real = (1900...2999).contains(year) && (1...12).contains(month) && day >= 1
                && calendar.date(from: components).map { calendar.component(.day, from: $0) == day && calendar.component(.month, from: $0) == month } == true
            if let date = try? LocalDate(parsing: text) {
                accepted += 1
                #expect(real, "\(text) was accepted")
                #expect(date.description == text)
            } else {
                refused += 1
                #expect(!real, "\(text) was refused")
            }
        }
        #expect(accepted > 1_000, "\(accepted) accepted")
        #expect(refused > 500, "\(refused) refused")
    }

    // MARK: - China Standard Time

    /// "Today" is the date in Beijing (UTC+8), whatever the machine's time zone.
    @Test func todayIsTheDateInChinaStandardTime() throws {
        let instant = { (text: String) in try Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) }
        #expect(LocalDate.today(at: try instant("2026-11-30T15:59:59.999Z")).description == "2026-11-30")
        #expect(LocalDate.today(at: try instant("2026-11-30T16:00:00.000Z")).description == "2026-12-01")
        #expect(LocalDate.today(at: try instant("2026-11-30T23:30:00.000Z")).description == "2026-12-01")   // 07:30 in Beijing
        #expect(LocalDate.today(at: try instant("2024-02-28T16:00:00.000Z")).description == "2024-02-29")
        #expect(LocalDate.today(at: try instant("2025-12-31T16:00:00.000Z")).description == "2026-01-01")
        #expect(LocalDate.today(at: Date(timeIntervalSince1970: 0)).description == "1970-01-01")
        #expect(LocalDate.today(at: Date(timeIntervalSince1970: -8 * 3600 - 0.5)).description == "1969-12-31")
        let now = Date()
        let beijing = Date(timeInterval: 8 * 3600, since: now).formatted(Date.ISO8601FormatStyle().year().month().day())
        #expect([beijing, Date(timeInterval: 8 * 3600 + 1, since: now).formatted(Date.ISO8601FormatStyle().year().month().day())]
            .contains(LocalDate.today().description))
    }

    /// Day numbers agree with Foundation's Gregorian calendar in UTC, and every day of the accepted
    /// years round-trips.
    @Test func dayNumbersMatchTheGregorianCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let first = try LocalDate(parsing: "1900-01-01").daysSinceEpoch
        let last = try LocalDate(parsing: "2999-12-31").daysSinceEpoch
        #expect(try LocalDate(parsing: "1970-01-01").daysSinceEpoch == 0)
        for days in first...last {
            let date = LocalDate(daysSinceEpoch: days)
            if date.daysSinceEpoch != days { Issue.record("\(days) came back as \(date.daysSinceEpoch)") }
            if days % 997 == 0 {
                let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86_400))
                #expect([parts.year, parts.month, parts.day] == [date.year, date.month, date.day], "\(days)")
            }
        }
        #expect(LocalDate(daysSinceEpoch: first - 1).description == "1899-12-31")
        #expect(LocalDate(daysSinceEpoch: last + 1).description == "3000-01-01")
    }

    /// Stored timestamps (UTC) are printed in China Standard Time with their offset, and a day's
    /// start in Beijing is 16:00 UTC the day before.
    @Test func timestampsArePrintedInChinaStandardTime() throws {
        #expect(Timestamp.printed("2026-11-30T16:15:02.123Z") == "2026-12-01T00:15:02.123+08:00")
        #expect(Timestamp.printed("2026-11-30T15:59:59.999Z") == "2026-11-30T23:59:59.999+08:00")
        #expect(Timestamp.printed("2024-02-28T23:30:00Z") == "2024-02-29T07:30:00+08:00")
        #expect(Timestamp.printed("2025-12-31T20:00:00.000Z") == "2026-01-01T04:00:00.000+08:00")
        #expect(Timestamp.printed("2026-01-01T00:00:00.000Z") == "2026-01-01T08:00:00.000+08:00")
        for foreign in ["", "2026-11-30", "2026-11-30T16:15:02.123+08:00", "2026-11-30T24:00:00Z", "2026-11-30T1a:00:00Z",
                        "2026-02-30T16:00:00Z", "2026-11-30T16:15:02.Z", "现在", "2026-11-30 16:15:02Z"] {
            #expect(Timestamp.printed(foreign) == foreign, "\(foreign)")
        }
        #expect(Timestamp.start(of: try LocalDate(parsing: "2026-12-01")) == "2026-11-30T16:00:00.000Z")
        #expect(Timestamp.start(of: try LocalDate(parsing: "2024-03-01")) == "2024-02-29T16:00:00.000Z")
        #expect(Timestamp.start(of: try LocalDate(parsing: "2026-01-01")) == "2025-12-31T16:00:00.000Z")
        // As text, a stored timestamp sorts against a day's start exactly as the instants do.
        #expect("2026-11-30T15:59:59.999Z" < Timestamp.start(of: try LocalDate(parsing: "2026-12-01")))
        #expect("2026-11-30T16:00:00.000Z" >= Timestamp.start(of: try LocalDate(parsing: "2026-12-01")))
        #expect(Timestamp.now().hasSuffix("Z"))
        #expect(Timestamp.printed(Timestamp.now()).hasSuffix("+08:00"))
    }

    private func expectInvalidInput<T>(_ sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> T) {
        let error = #expect(throws: DuikouError.self, sourceLocation: sourceLocation) { _ = try body() }
        #expect(error?.code == .invalidInput, sourceLocation: sourceLocation)
    }
}
