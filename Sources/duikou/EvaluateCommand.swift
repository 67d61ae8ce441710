import ArgumentParser
import DuikouKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `duikou evaluate`.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Evaluate the year's work plans (成效评估): every target against the actual figure.",
        discussion: """
            Each target in force for the year is compared with the actual figure of its pairing and the \
            pairings inside it (see `duikou plan --help` for the metrics). A target is met (达标) when the \
            actual figure reaches it; ratio is actual over target; its score is the ratio capped at 1 (1 when \
            the target is 0). A pairing's score is the weighted mean of its targets' scores, rounded to four \
            decimals, and earns a grade: excellent (优秀) from 0.9, good (良好) from 0.75, pass (合格) from \
            0.6, else fail (不合格). A year without targets prints a note and an empty result, and exits 0.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The calendar year, 2000 … 2100.")
    var year: Int

    @Option(help: "Only the targets of this pairing (id, name or short name) and the pairings inside it.")
    var pairing: String?

    @Option(help: "Evaluate as the database stood at the end of this day (China Standard Time), before later targets, updates, corrections and voids.")
    var knownOn: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let knownOn = try Read.date(knownOn, "--known-on")
        let repository = try database.open()
        let pairing = try repository.pairingID(pairing)
        let evaluation = try repository.evaluate(year: year, pairing: pairing, knownOn: knownOn)
        if evaluation.rows.isEmpty {
            let scope = pairing.map { " for \($0)" } ?? ""
            FileDescriptor.writeToStandardError("note: no targets are set for \(year)\(scope); set them with `duikou plan set`\n")
            if output.format == .table { return }
        }
        switch output.format {
        case .table: print(evaluation.table(output.language, catalogue: try repository.catalogue()), terminator: "")
        case .json: print(evaluation.json.text(pretty: true))
        case .csv: print(evaluation.csv, terminator: "")
        }
    }
}
