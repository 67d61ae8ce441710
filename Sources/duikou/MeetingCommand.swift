import ArgumentParser
import DuikouKit

/// `duikou meeting …`.
struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting",
        abstract: "Record meetings and visits (联席会议, 高层互访, 对接活动) and list them.",
        subcommands: [Add.self, List.self])

    /// `duikou meeting add`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a joint meeting, a leaders' visit or a matchmaking event; prints its new id alone.",
            discussion: "Example: duikou meeting add --pairing harbin-shenzhen --kind joint-meeting --date 2024-05-20 --place 哈尔滨市 --level 市级 --participants 60 --outcomes 签署合作协议3项")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions

        @Option(help: "The pairing: its id, name or short name, e.g. harbin-shenzhen or 深哈.")
        var pairing: String

        @Option(help: "The kind of meeting.")
        var kind: MeetingKind

        @Option(help: "The day it took place, YYYY-MM-DD.")
        var date: String

        @Option(help: "Where it took place.")
        var place: String?

        @Option(help: "At what level, in words (省级, 市级, …).")
        var level: String?

        @Option(help: "How many took part, at most 1000000.")
        var participants: String?

        @Option(help: "What came of it (成果).")
        var outcomes: String?

        func run() throws {
            let date = try LocalDate(parsing: date, field: "--date")
            let participants = try participants.map { try NewExchange.participants(parsing: $0, field: "--participants") }
            let repository = try database.open(writing: "meeting add", as: actor)
            let meeting = try NewMeeting(
                pairing: try repository.pairingID(pairing), kind: kind, date: date, place: place, level: level,
                participants: participants, outcomes: outcomes)
            print(try repository.addMeeting(meeting).id.uuidString.lowercased())
        }
    }

    /// `duikou meeting list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List meetings and visits by date.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Only this pairing and the pairings inside it.")
        var pairing: String?

        @OptionGroup var output: OutputOptions

        func run() throws {
            let repository = try database.open()
            try output.emit(.meetings(try repository.meetings(pairing: try repository.pairingID(pairing)), output.language, catalogue: try repository.catalogue()))
        }
    }
}
