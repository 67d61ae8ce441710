import ArgumentParser
import DuikouKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `duikou park …`.
struct ParkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "park",
        abstract: "Record co-built industrial parks (共建园区, 分园区, 飞地) and list them with their projects.",
        subcommands: [Add.self, List.self])

    /// `duikou park add`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a park; prints its new id alone.",
            discussion: "Example: duikou park add --pairing harbin-shenzhen --name 深圳（哈尔滨）产业园区 --host-region 230100 --established 2019-05-09 --planned-area-km2 26")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions

        @Option(help: ArgumentHelp(NameHelp.pairing))
        var pairing: String

        @Option(help: "The park's name.")
        var name: String

        @Option(help: "The kind of park.")
        var kind: ParkKind = .joint

        @Option(help: "The GB/T 2260 code of the host region.")
        var hostRegion: String?

        @Option(help: "The Eastern partner.")
        var partner: String?

        @Option(help: "When the park was established, YYYY-MM-DD.")
        var established: String?

        @Option(help: "The planned area in km², e.g. 26 or 1.53.")
        var plannedAreaKm2: String?

        @Option(help: "How benefits (tax, GDP) are shared.")
        var benefitSharing: String?

        func run() throws {
            let established = try Read.date(established, "--established")
            let plannedArea = try plannedAreaKm2.map { try LandArea(parsingKm2: $0, field: "--planned-area-km2") }
            let repository = try database.open(writing: "park add", as: actor)
            let park = try NewPark(
                pairing: try repository.pairingID(pairing), name: name, kind: kind,
                hostRegion: hostRegion, partner: partner, established: established,
                plannedArea: plannedArea, benefitSharing: benefitSharing)
            print(try repository.addPark(park).id.uuidString.lowercased())
        }
    }

    /// `duikou park list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List parks with their projects and investment.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp(NameHelp.pairingFilter))
        var pairing: String?

        @OptionGroup var output: OutputOptions

        func run() throws {
            let repository = try database.open()
            try output.emit(.parks(try repository.parks(pairing: try repository.pairingID(pairing)), output.language, catalogue: try repository.catalogue()))
        }
    }
}
