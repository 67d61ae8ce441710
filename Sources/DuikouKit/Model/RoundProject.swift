#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A project in the scope of a reporting round, as it stands: what its reporting template (调度表)
/// shows on its row.
public struct RoundProject: Sendable, Hashable {
    /// The project's id.
    public let id: UUID
    /// The id of its pairing.
    public let pairing: String
    /// The code of its task.
    public let task: String
    /// Its title.
    public let title: String
    /// Its status after its latest update.
    public let status: ProjectStatus
    /// Its cumulative completed investment after its latest update.
    public let completed: Money
    /// The date of its latest update; a new report is dated on or after it.
    public let lastUpdate: LocalDate

    /// Creates the entry of a project in a round's scope.
    public init(id: UUID, pairing: String, task: String, title: String, status: ProjectStatus, completed: Money, lastUpdate: LocalDate) {
        self.id = id
        self.pairing = pairing
        self.task = task
        self.title = title
        self.status = status
        self.completed = completed
        self.lastUpdate = lastUpdate
    }
}
