import ArgumentParser
import DuikouKit

/// A closed vocabulary of the library taken as the value of an option or argument.
///
/// ArgumentParser lists the keys in `--help`, each with its Chinese label, and offers them in shell
/// completions (its defaults for a `CaseIterable` type with raw values). Any other value is refused while the command line is parsed, before the database
/// is opened, as bad usage (exit 64), with a message that names the option, the value and the keys.
/// Reading a value stays the library's: its parser takes the Chinese labels (`开工`, `飞地`) and the
/// spellings it allows (`Projects-Signed`) as well as the keys.
protocol VocabularyArgument: ExpressibleByArgument, CaseIterable, RawRepresentable<String> {
    /// The library's parser of keys and labels; `field` names the value in its error message.
    init(parsing text: String, field: String) throws

    /// The Chinese label, which is accepted too.
    var labelZH: String { get }
}

// The members are public because the library's types are: a requirement of a public protocol must
// be met as visibly as the type that conforms.
extension VocabularyArgument {
    public init?(argument: String) {
        // On failure ArgumentParser writes its own message, naming the option and every key.
        guard let value = try? Self(parsing: argument, field: "value") else { return nil }
        self = value
    }

    public static var allValueDescriptions: [String: String] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.labelZH) })
    }
}

extension ProjectStatus: VocabularyArgument {}
extension ParkKind: VocabularyArgument {}
extension ExchangeDirection: VocabularyArgument {}
extension ExchangeKind: VocabularyArgument {}
extension MeetingKind: VocabularyArgument {}
extension FundingSource: VocabularyArgument {}
extension RegionLevel: VocabularyArgument {}
extension Side: VocabularyArgument {}
extension PairingLevel: VocabularyArgument {}
extension PairingStatus: VocabularyArgument {}
extension ProgressGrouping: VocabularyArgument {}
extension InterchangeKind: VocabularyArgument {}
extension PlanMetric: VocabularyArgument {}

/// `merge --prefer ours|theirs`: the keys only, as the library reads them.
extension MergePreference: ExpressibleByArgument {}
