/// Which side wins when a record differs between the two databases of a merge.
public enum MergePreference: String, Sendable, CaseIterable {
    /// Keep our record and report the difference (the default).
    case ours
    /// Take their record's fields. Progress updates are never rewritten either way.
    case theirs
}

/// How a merge runs.
public struct MergeOptions: Sendable, Hashable {
    /// Which side wins where a record differs; ``MergePreference/ours`` unless given.
    public var preference: MergePreference
    /// Do all the work, report it, then roll it back: nothing is written.
    public var dryRun: Bool

    /// Creates options: ours kept, and a real merge unless `dryRun`.
    public init(preference: MergePreference = .ours, dryRun: Bool = false) {
        self.preference = preference
        self.dryRun = dryRun
    }
}

/// What a merge of another Duikou database did (or, in a dry run, would do): how many records of
/// each kind were added, found identical or updated, and every conflict with the fields that differ.
public struct MergeReport: Sendable, Hashable {
    /// The kinds of record a merge takes, in the order it takes them (progress updates, corrections
    /// and plan revisions with their projects).
    public enum Kind: String, Sendable, CaseIterable {
        /// A region, by its GB/T 2260 code.
        case region
        /// A pairing, by its id.
        case pairing
        /// A park, by its UUID.
        case park
        /// A project's descriptive fields, by its UUID.
        case project
        /// A cadre exchange, by its UUID.
        case exchange
        /// A progress update of a project, the same as one of ours when its date, status,
        /// completed investment and note are equal.
        case progressUpdate = "progress_update"
        /// A correction of a progress update, carried with its reason and the time it was recorded;
        /// the update it replaced stays, marked superseded. The same as one of ours when it gives the
        /// same values at the same place in the history.
        case correction
        /// A revision of a project's planned figures, carried with its reason, the figures before it
        /// and the time it was recorded; the same as one of ours when its number, figures and reason
        /// are equal.
        case planRevision = "plan_revision"
        /// A reform measure copied from the East, by its UUID.
        case reform
        /// A meeting or visit, by its UUID.
        case meeting
        /// A funding, by its UUID.
        case funding

        /// The Chinese label.
        public var labelZH: String {
            switch self {
            case .region: "地区"
            case .pairing: "对口合作关系"
            case .park: "园区"
            case .project: "项目"
            case .exchange: "干部交流"
            case .progressUpdate: "进展记录"
            case .correction: "更正"
            case .planRevision: "计划调整"
            case .reform: "改革举措"
            case .meeting: "会议互访"
            case .funding: "资金支持"
            }
        }

        /// The English label.
        public var labelEN: String {
            switch self {
            case .progressUpdate: "progress update"
            case .planRevision: "plan revision"
            default: rawValue
            }
        }

        /// The label in the given language.
        public func label(_ language: Language) -> String { language == .zh ? labelZH : labelEN }
    }

    /// How a conflict was settled.
    public enum Resolution: String, Sendable, CaseIterable {
        /// Our record was kept as it was.
        case keptOurs = "kept_ours"
        /// Their fields were taken (`--prefer theirs`).
        case tookTheirs = "took_theirs"
    }

    /// The tally of one kind of record.
    public struct Counts: Sendable, Hashable {
        /// Records of theirs that were new here and were added (for updates and corrections: carried
        /// into a history; for plan revisions: appended to the project's revisions).
        public var added: Int
        /// Records of theirs found here with the same content.
        public var identical: Int
        /// Records that differed and took their fields (only with ``MergePreference/theirs``).
        public var updated: Int
        /// Records that differed (for updates, corrections and plan revisions: those of theirs that
        /// were not added).
        public var conflicts: Int

        /// Creates a tally.
        public init(added: Int = 0, identical: Int = 0, updated: Int = 0, conflicts: Int = 0) {
            self.added = added
            self.identical = identical
            self.updated = updated
            self.conflicts = conflicts
        }
    }

    /// One field that differs between our record and theirs. Values are shown as text
    /// (amounts in integer yuan, areas in km², flags as `true`/`false`); `nil` is no value.
    public struct Difference: Sendable, Hashable {
        /// The field's name, as in JSON output (`title`, `planned_investment_yuan`, …).
        public let field: String
        /// Our value.
        public let ours: String?
        /// Their value.
        public let theirs: String?

        /// Creates a difference.
        public init(field: String, ours: String?, theirs: String?) {
            self.field = field
            self.ours = ours
            self.theirs = theirs
        }
    }

    /// A record of theirs that differs from ours, or an update, correction or plan revision of theirs
    /// that was not added.
    public struct Conflict: Sendable, Hashable {
        /// The kind of record.
        public let kind: Kind
        /// The record's id (for a progress update, a correction or a plan revision, the project's id).
        public let id: String
        /// The fields that differ. For a progress update: its fields against our latest update's; for
        /// a correction: its fields against our update at the place it corrects; for a plan revision:
        /// its figures and reason against ours.
        public let differences: [Difference]
        /// Why a progress update, correction or plan revision was not added; `nil` for a record that
        /// merely differs.
        public let reason: String?
        /// How the conflict was settled.
        public let resolution: Resolution

        /// Creates a conflict.
        public init(kind: Kind, id: String, differences: [Difference], reason: String? = nil, resolution: Resolution) {
            self.kind = kind
            self.id = id
            self.differences = differences
            self.reason = reason
            self.resolution = resolution
        }
    }

    /// The path of the database merged from.
    public let source: String
    /// How the merge ran.
    public let options: MergeOptions
    /// The tally of each kind of record.
    public internal(set) var counts: [Kind: Counts]
    /// Every conflict, in the order the records were taken.
    public internal(set) var conflicts: [Conflict]

    /// Creates an empty report for a merge from `source`.
    public init(source: String, options: MergeOptions) {
        self.source = source
        self.options = options
        counts = Dictionary(uniqueKeysWithValues: Kind.allCases.map { ($0, Counts()) })
        conflicts = []
    }

    /// The tally of one kind of record.
    public subscript(kind: Kind) -> Counts {
        counts[kind] ?? Counts()
    }

    /// Whether the merge added or changed anything (in a dry run: would have).
    public var changesAnything: Bool {
        counts.values.contains { $0.added > 0 || $0.updated > 0 }
    }

    /// How many records, updates, corrections and plan revisions of theirs were added in all.
    public var totalAdded: Int { counts.values.reduce(0) { $0 + $1.added } }

    /// How many records took their fields in all.
    public var totalUpdated: Int { counts.values.reduce(0) { $0 + $1.updated } }

    mutating func countAdded(_ kind: Kind) { counts[kind, default: Counts()].added += 1 }

    mutating func countIdentical(_ kind: Kind) { counts[kind, default: Counts()].identical += 1 }

    mutating func countUpdated(_ kind: Kind) { counts[kind, default: Counts()].updated += 1 }

    mutating func record(_ conflict: Conflict) {
        counts[conflict.kind, default: Counts()].conflicts += 1
        if conflict.resolution == .tookTheirs { counts[conflict.kind, default: Counts()].updated += 1 }
        conflicts.append(conflict)
    }
}
