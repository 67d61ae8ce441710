import ArgumentParser
import DuikouKit

/// `duikou template`.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write a round's reporting template (调度表): an .xlsx workbook for the pairings to fill in and send back.",
        discussion: """
            The workbook opens on an instructions sheet (说明), followed by one sheet per pairing of the round \
            (--pairing: that pairing and the pairings below it) with a row per project in the round's scope: \
            项目编号, 项目名称, 任务, 上期状态, 上期累计完成投资（万元）, then the columns to fill in: 本期状态 (a drop-down \
            list), 本期累计完成投资（万元）, 日期, 备注, 无变化 (是/否). The sheets are protected (no password): only the \
            fill-in columns can be edited. A filled template imports back with `duikou import updates FILE.xlsx`: \
            each filled row becomes an update of its project for the round.
            Example: duikou template --round 2025-Q3 --pairing 辽苏 --out 调度表-2025Q3-辽苏.xlsx
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("The round's period (2025-Q3, 2025-09 or 2025); the round must have been opened.", valueName: "period"))
    var round: String

    @Option(help: ArgumentHelp(NameHelp.pairingFilter))
    var pairing: String?

    @Option(help: ArgumentHelp("The workbook to write; an existing file is replaced.", valueName: "file"))
    var out: String

    @Option(help: ArgumentHelp("Headers, statuses and instructions in this language."))
    var lang: LanguageOption = .zh

    func run() throws {
        let repository = try database.open()
        let period = try ReportingPeriod(parsing: round, field: "period")
        let rows = try repository.writeRoundTemplate(period: period, to: out, pairing: try repository.pairingID(pairing), language: lang.language)
        FileDescriptor.writeToStandardError("\(out): \(rows) project\(rows == 1 ? "" : "s") of round \(period)\n")
    }
}
