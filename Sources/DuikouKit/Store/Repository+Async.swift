import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The `async` twins of the repository's methods.
///
/// Each runs its synchronous twin on the repository's own threads (a serial queue for writes, the
/// ``ReadLanes`` for reads), so that Swift's cooperative thread pool never blocks on SQLite or on
/// a lock. Cancelling the calling task stops long work (an import, a merge, an export, a batch of
/// records) between statements with ``DuikouError/Code/cancelled``, and a write is then rolled back
/// whole; work that has not started yet does not start.
extension Repository {
    /// Runs `body` with one consistent snapshot, on a reader thread; see the synchronous `read(_:)`.
    public func read<T: Sendable>(_ body: @escaping @Sendable (Snapshot) throws -> T) async throws -> T {
        try await onOwnThread(reading: true) { flag in try self.read(cancellation: flag, body) }
    }

    /// Runs `body` in one write transaction, on the writer's thread; see the synchronous `write(_:)`.
    public func write<T: Sendable>(_ body: @escaping @Sendable (Transaction) throws -> T) async throws -> T {
        try await onOwnThread(reading: false) { flag in try self.write(cancellation: flag, body) }
    }

    /// Runs `body` in one write transaction under `identity`; see the synchronous `write(as:_:)`.
    public func write<T: Sendable>(as identity: AuditIdentity, _ body: @escaping @Sendable (Transaction) throws -> T) async throws -> T {
        try await onOwnThread(reading: false) { flag in try self.write(cancellation: flag, as: identity, body) }
    }

    /// Runs `work` on a read lane or on the writer's queue, resuming the caller when it is done;
    /// cancelling the caller sets the flag that `work` looks at between statements.
    private func onOwnThread<T: Sendable>(
        reading: Bool, _ work: @escaping @Sendable (CancellationFlag) throws -> T
    ) async throws -> T {
        let flag = CancellationFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                if reading {
                    readLanes.run({ Result { try work(flag) } }, then: { continuation.resume(with: $0) })
                } else {
                    writeQueue.async { continuation.resume(with: Result { try work(flag) }) }
                }
            }
        } onCancel: {
            flag.cancel()
        }
    }

    // MARK: Reading

    /// The regions, pairings, task areas and tasks; see ``Snapshot/catalogue()``.
    public func catalogue() async throws -> Catalogue { try await read { try $0.catalogue() } }

    /// The pairing that `text` names; see ``Snapshot/pairing(named:)``.
    public func pairing(named text: String) async throws -> Pairing { try await read { try $0.pairing(named: text) } }

    /// The id of the pairing that `text` names; see ``Snapshot/resolvePairing(_:)``.
    public func resolvePairing(_ text: String) async throws -> String { try await read { try $0.resolvePairing(text) } }

    /// The task that `text` names; see ``Snapshot/task(named:)``.
    public func task(named text: String) async throws -> CooperationTask { try await read { try $0.task(named: text) } }

    /// The code of the task that `text` names; see ``Snapshot/resolveTask(_:)``.
    public func resolveTask(_ text: String) async throws -> String { try await read { try $0.resolveTask(text) } }

    /// The project with its whole history; see ``Snapshot/projectHistory(_:knownOn:)``.
    public func projectHistory(_ id: UUID, knownOn: LocalDate? = nil) async throws -> ProjectHistory {
        try await read { try $0.projectHistory(id, knownOn: knownOn) }
    }

    /// The projects that pass `filter`; see ``Snapshot/projects(_:)``.
    public func projects(_ filter: ProjectFilter = ProjectFilter()) async throws -> [Project] { try await read { try $0.projects(filter) } }

    /// One page of the projects that pass `filter`; see ``Snapshot/projectPage(_:containing:offset:limit:)``.
    public func projectPage(_ filter: ProjectFilter = ProjectFilter(), containing text: String? = nil, offset: Int = 0, limit: Int? = nil) async throws -> ProjectPage {
        try await read { try $0.projectPage(filter, containing: text, offset: offset, limit: limit) }
    }

    /// How far the cooperation has come; see ``Snapshot/progress(_:)``.
    public func progress(_ query: ProgressQuery = ProgressQuery()) async throws -> ProgressReport { try await read { try $0.progress(query) } }

    /// The parks of a pairing and the pairings below it; see ``Snapshot/parks(pairing:)``.
    public func parks(pairing: String? = nil) async throws -> [Park] { try await read { try $0.parks(pairing: pairing) } }

    /// The exchanges of a pairing and the pairings below it; see ``Snapshot/exchanges(pairing:)``.
    public func exchanges(pairing: String? = nil) async throws -> [CadreExchange] { try await read { try $0.exchanges(pairing: pairing) } }

    /// The reform measures of a pairing and the pairings below it; see ``Snapshot/reforms(pairing:)``.
    public func reforms(pairing: String? = nil) async throws -> [ReformMeasure] { try await read { try $0.reforms(pairing: pairing) } }

    /// The meetings and visits of a pairing and the pairings below it; see ``Snapshot/meetings(pairing:)``.
    public func meetings(pairing: String? = nil) async throws -> [Meeting] { try await read { try $0.meetings(pairing: pairing) } }

    /// The funding of a pairing and the pairings below it; see ``Snapshot/funding(pairing:)``.
    public func funding(pairing: String? = nil) async throws -> [Funding] { try await read { try $0.funding(pairing: pairing) } }

    /// The plan's soft cooperation by pairing; see ``Snapshot/softCooperationActivity(pairing:since:asOf:)``.
    public func softCooperationActivity(
        pairing: String? = nil, since: LocalDate? = nil, asOf: LocalDate? = nil
    ) async throws -> [String: SoftCooperationCounts] {
        try await read { try $0.softCooperationActivity(pairing: pairing, since: since, asOf: asOf) }
    }

    /// The audit log, oldest first; see ``Snapshot/history(since:)``.
    public func history(since: LocalDate? = nil) async throws -> [AuditEvent] { try await read { try $0.history(since: since) } }

    /// The targets in force; see ``Snapshot/planTargets(year:pairing:revisions:)``.
    public func planTargets(year: Int? = nil, pairing: String? = nil, revisions: Bool = false) async throws -> [PlanTarget] {
        try await read { try $0.planTargets(year: year, pairing: pairing, revisions: revisions) }
    }

    /// Evaluates the year's targets; see ``Snapshot/evaluate(year:pairing:knownOn:)``.
    public func evaluate(year: Int, pairing: String? = nil, knownOn: LocalDate? = nil) async throws -> Evaluation {
        try await read { try $0.evaluate(year: year, pairing: pairing, knownOn: knownOn) }
    }

    /// The actual figures of every metric; see ``Snapshot/planActuals(pairing:year:)``.
    public func planActuals(pairing: String, year: Int) async throws -> [PlanMetric: Int64] {
        try await read { try $0.planActuals(pairing: pairing, year: year) }
    }

    /// Everything the HTML report shows; see ``Snapshot/cooperationReport(asOf:year:pairing:knownOn:)``.
    public func cooperationReport(asOf: LocalDate? = nil, year: Int? = nil, pairing: String? = nil, knownOn: LocalDate? = nil) async throws -> CooperationReport {
        try await read { try $0.cooperationReport(asOf: asOf, year: year, pairing: pairing, knownOn: knownOn) }
    }

    /// The HTML report; see ``Snapshot/htmlReport(_:)``.
    public func htmlReport(_ options: HTMLReportOptions = HTMLReportOptions()) async throws -> String {
        try await read { try $0.htmlReport(options) }
    }

    /// Completed investment at the end of each year; see ``Snapshot/completedInvestmentByYear(asOf:)``.
    public func completedInvestmentByYear(asOf: LocalDate) async throws -> [YearEndInvestment] {
        try await read { try $0.completedInvestmentByYear(asOf: asOf) }
    }

    /// The projects and parks that contain `text`; see ``Snapshot/search(_:limit:)``.
    public func search(_ text: String, limit: Int? = nil) async throws -> [SearchHit] {
        try await read { try $0.search(text, limit: limit) }
    }

    /// The full id of the record whose id starts with `prefix`; see ``Snapshot/resolveID(_:of:)``.
    public func resolveID(_ prefix: String, of kind: RecordKind) async throws -> UUID {
        try await read { try $0.resolveID(prefix, of: kind) }
    }

    /// Checks the database, search index included; see ``Snapshot/check()``.
    public func check() async throws -> CheckReport {
        try await onOwnThread(reading: true) { _ in try self.check() }
    }

    /// Exports every record of a kind from one snapshot, handing the text to `sink` on a reader
    /// thread; see ``Snapshot/export(_:format:byteOrderMark:redactingPeople:progress:to:)``.
    @discardableResult
    public func export(
        _ kind: InterchangeKind, format: ExportFormat = .csv, byteOrderMark: Bool = false, redactingPeople: Bool = false,
        progress: (@Sendable (TransferProgress) -> Void)? = nil, to sink: @escaping @Sendable (String) throws -> Void
    ) async throws -> Int {
        try await read { try $0.export(kind, format: format, byteOrderMark: byteOrderMark, redactingPeople: redactingPeople, progress: progress, to: sink) }
    }

    /// Copies the database to `destination` from one snapshot; see ``Snapshot/backup(to:overwrite:)``.
    public func backup(to destination: String, overwrite: Bool = false) async throws {
        try await read { try $0.backup(to: destination, overwrite: overwrite) }
    }

    // MARK: Writing

    /// Records a region of the user's own; see ``Transaction/addRegion(_:)``.
    public func addRegion(_ region: Region) async throws { try await write { try $0.addRegion(region) } }

    /// Records a pairing; see ``Transaction/addPairing(_:)``.
    @discardableResult
    public func addPairing(_ pairing: NewPairing) async throws -> Pairing { try await write { try $0.addPairing(pairing) } }

    /// Records another name for a pairing; see ``Transaction/addPairingAlias(_:)``.
    @discardableResult
    public func addPairingAlias(_ alias: PairingAlias) async throws -> PairingAlias { try await write { try $0.addPairingAlias(alias) } }

    /// Records a new project with its first progress update; see ``Transaction/addProject(_:)``.
    @discardableResult
    public func addProject(_ project: NewProject) async throws -> Project { try await write { try $0.addProject(project) } }

    /// Records many projects in one transaction; see ``Transaction/addProjects(_:)``.
    @discardableResult
    public func addProjects<S: Sequence & Sendable>(_ projects: S) async throws -> Int where S.Element == NewProject {
        try await write { try $0.addProjects(projects) }
    }

    /// Records a progress update; see ``Transaction/recordUpdate(_:toProject:)``.
    @discardableResult
    public func recordUpdate(_ update: NewProgressUpdate, toProject id: UUID) async throws -> Project {
        try await write { try $0.recordUpdate(update, toProject: id) }
    }

    /// Corrects one progress update; see ``Transaction/correctUpdate(_:ofProject:)``.
    @discardableResult
    public func correctUpdate(_ correction: UpdateCorrection, ofProject id: UUID) async throws -> ProjectHistory {
        try await write { try $0.correctUpdate(correction, ofProject: id) }
    }

    /// Voids a project recorded by mistake; see ``Transaction/voidProject(_:reason:)``.
    public func voidProject(_ id: UUID, reason: String) async throws {
        try await write { try $0.voidProject(id, reason: reason) }
    }

    /// Records progress updates for many projects in one transaction; see ``Transaction/recordUpdates(_:)``.
    @discardableResult
    public func recordUpdates<S: Sequence & Sendable>(_ updates: S) async throws -> Int where S.Element == (project: UUID, update: NewProgressUpdate) {
        try await write { try $0.recordUpdates(updates) }
    }

    /// Records a co-built park; see ``Transaction/addPark(_:)``.
    @discardableResult
    public func addPark(_ park: NewPark) async throws -> Park { try await write { try $0.addPark(park) } }

    /// Records a cadre exchange; see ``Transaction/addExchange(_:)``.
    @discardableResult
    public func addExchange(_ exchange: NewExchange) async throws -> CadreExchange { try await write { try $0.addExchange(exchange) } }

    /// Records a reform measure copied from the East; see ``Transaction/addReform(_:)``.
    @discardableResult
    public func addReform(_ reform: NewReformMeasure) async throws -> ReformMeasure { try await write { try $0.addReform(reform) } }

    /// Records a meeting or visit; see ``Transaction/addMeeting(_:)``.
    @discardableResult
    public func addMeeting(_ meeting: NewMeeting) async throws -> Meeting { try await write { try $0.addMeeting(meeting) } }

    /// Records funding for a project or a pairing; see ``Transaction/addFunding(_:)``.
    @discardableResult
    public func addFunding(_ funding: NewFunding) async throws -> Funding { try await write { try $0.addFunding(funding) } }

    /// Sets a target in a pairing's annual work plan; see ``Transaction/setTarget(_:)``.
    @discardableResult
    public func setTarget(_ target: NewPlanTarget) async throws -> PlanTarget { try await write { try $0.setTarget(target) } }

    /// Imports a CSV file in one transaction, all or nothing; see
    /// ``Transaction/importCSV(_:from:dryRun:progress:)``. `progress` is called on the writer's thread.
    public func importCSV(
        _ kind: InterchangeKind, from path: String, dryRun: Bool = false,
        progress: (@Sendable (TransferProgress) -> Void)? = nil
    ) async throws -> ImportResult {
        try await write { try $0.importCSV(kind, from: path, dryRun: dryRun, progress: progress) }
    }

    /// Imports a spreadsheet or CSV file, told apart by content, in one transaction, all or nothing;
    /// see ``Transaction/importFile(_:from:round:dryRun:progress:)``. `progress` is called on the writer's thread.
    public func importFile(
        _ kind: InterchangeKind, from path: String, round: ReportingPeriod? = nil, dryRun: Bool = false,
        progress: (@Sendable (TransferProgress) -> Void)? = nil
    ) async throws -> ImportResult {
        try await write { try $0.importFile(kind, from: path, round: round, dryRun: dryRun, progress: progress) }
    }

    /// Imports an `.xlsx` workbook in one transaction, all or nothing; see
    /// ``Transaction/importSpreadsheet(_:from:round:dryRun:progress:)``. `progress` is called on the writer's thread.
    public func importSpreadsheet(
        _ kind: InterchangeKind, from path: String, round: ReportingPeriod? = nil, dryRun: Bool = false,
        progress: (@Sendable (TransferProgress) -> Void)? = nil
    ) async throws -> ImportResult {
        try await write { try $0.importSpreadsheet(kind, from: path, round: round, dryRun: dryRun, progress: progress) }
    }

    /// Marks the database as holding illustrative sample data; see ``Transaction/markAsSampleData()``.
    public func markAsSampleData() async throws { try await write { try $0.markAsSampleData() } }

    /// Merges another reporter's database into this one; see ``Transaction/merge(_:options:)``.
    public func merge(_ source: MergeSource, options: MergeOptions = MergeOptions()) async throws -> MergeReport {
        try await write { try $0.merge(source, options: options) }
    }

    /// Reads the Duikou database at `path` on a reader thread, then merges it into this one; see
    /// ``Transaction/merge(from:options:)``.
    public func merge(from path: String, options: MergeOptions = MergeOptions()) async throws -> MergeReport {
        let source = try await onOwnThread(reading: true) { _ in try MergeSource(path: path) }
        return try await merge(source, options: options)
    }
}
