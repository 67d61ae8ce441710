import Foundation
import Testing

/// What Duikou exports for people imports back as it is: every kind, as a workbook and as CSV, in
/// Chinese and in English, over the demo's records (city pairings and regions, parks, reform
/// measures adopted by regions, funding of projects); every row is found unchanged.
@Suite struct SpreadsheetRoundTripCLITests {
    let cli: CLISandbox

    init() throws {
        cli = try CLISandbox()
        let demo = cli.duikou(["demo"])
        #expect(demo.status == 0, "\(demo)")
    }

    @Test(arguments: ["zh", "en"])
    func everyKindImportsBackUnchanged(language: String) throws {
        for kind in ["projects", "updates", "parks", "exchanges", "reforms", "meetings", "funding"] {
            for format in ["xlsx", "csv"] {
                let file = "\(kind)-\(language).\(format)"
                let export = cli.duikou(["export", kind, "--format", format, "--lang", language, "--out", file])
                #expect(export.status == 0, "\(kind) \(format): \(export)")
                let imported = cli.duikou(["import", kind, file, "--dry-run"])
                #expect(imported.status == 0, "\(kind) \(format) \(language): \(imported)")
                // "dry run, nothing written: would add 0 projects, update 0, leave 382 unchanged (382 rows read)"
                let numbers = imported.stdout.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
                #expect(numbers.count == 4 && numbers[0] == 0 && numbers[1] == 0 && numbers[2] > 0 && numbers[2] == numbers[3],
                        "\(kind) \(format) \(language): \(imported.stdout)")
            }
        }
    }
}
