import ArgumentParser
import DuikouKit

/// `duikou reform …`.
struct ReformCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reform",
        abstract: "Record reform measures copied from the East (复制推广改革举措) and list them.",
        discussion: """
            A reform measure is a batch of an Eastern partner's practices or policies adopted in the \
            Northeast, such as Harbin adopting Shenzhen's commercial-registration reform. It belongs to \
            a pairing, is adopted by the pairing's Northeast region or a region inside it, on a date, \
            and serves a task of area 1 (1.1 to 1.5; 1.5 复制推广东部地区改革经验 by default).
            """,
        subcommands: [Add.self, List.self])

    /// `duikou reform add`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a reform measure; prints its new id alone.",
            discussion: "Example: duikou reform add --pairing harbin-shenzhen --title 商事登记“秒批”改革 --source 深圳市 --adopted-by 230100 --date 2019-06-01 --policies 12")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions

        @Option(help: "The pairing: its id, name or short name, e.g. harbin-shenzhen or 深哈.")
        var pairing: String

        @Option(help: "What was copied (举措名称).")
        var title: String

        @Option(help: "When it was adopted, YYYY-MM-DD.")
        var date: String

        @Option(help: "Where in the East it comes from (经验来源).")
        var source: String?

        @Option(help: "The GB/T 2260 code of the Northeast region that adopted it (default: the pairing's Northeast region).")
        var adoptedBy: String?

        @Option(help: "The task of area 1 it serves, 1.1 … 1.5, by code or Chinese name.")
        var task: String = NewReformMeasure.defaultTask

        @Option(help: "How many policies it adopted (default 1), at most 10000.")
        var policies: String?

        func run() throws {
            let date = try LocalDate(parsing: date, field: "--date")
            let policies = try policies.map { try NewReformMeasure.policies(parsing: $0, field: "--policies") } ?? 1
            let repository = try database.open(writing: "reform add", as: actor)
            let reform = try NewReformMeasure(
                pairing: try repository.pairingID(pairing), title: title, source: source, adoptedBy: adoptedBy, date: date,
                task: try repository.taskCode(task), policies: policies)
            print(try repository.addReform(reform).id.uuidString.lowercased())
        }
    }

    /// `duikou reform list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List reform measures by date adopted.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Only this pairing and the pairings inside it.")
        var pairing: String?

        @OptionGroup var output: OutputOptions

        func run() throws {
            let repository = try database.open()
            try output.emit(.reforms(try repository.reforms(pairing: try repository.pairingID(pairing)), output.language, catalogue: try repository.catalogue()))
        }
    }
}
