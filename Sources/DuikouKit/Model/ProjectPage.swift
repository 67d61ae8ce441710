/// One page of a listing of projects: the projects on it and how many pass the listing's filters
/// in all; see ``Snapshot/projectPage(_:containing:offset:limit:)``.
public struct ProjectPage: Sendable, Hashable {
    /// The projects on the page, in the listing's order.
    public let projects: [Project]
    /// How many projects of the listing come before the page.
    public let offset: Int
    /// How many projects pass the filters, on every page together.
    public let total: Int

    /// Creates a page.
    public init(projects: [Project], offset: Int, total: Int) {
        self.projects = projects
        self.offset = offset
        self.total = total
    }
}
