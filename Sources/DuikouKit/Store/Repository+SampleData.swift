/// The mark of a database that holds illustrative sample data (示例数据，虚构), such as the data
/// `duikou demo` writes.
///
/// A tool that fills a database with invented records marks it with
/// ``Transaction/markAsSampleData()``; reports read the mark (``CooperationReport/isSampleData``)
/// and say that the data is invented, so that nobody mistakes it for the real figures.
public enum SampleData {
    /// The key of the database's own note (in its `duikou_meta` table) that holds the mark.
    public static let noteKey = "content"
    /// The note that marks a database as sample data.
    public static let note = "demo: illustrative sample data (示例数据，虚构)"
}

extension Transaction {
    /// Marks the database as holding illustrative sample data; reports then say so.
    public func markAsSampleData() throws {
        try change { connection, _ in
            try Repository.setMeta(SampleData.noteKey, SampleData.note, in: connection)
            return ((), nil)
        }
    }
}

extension Snapshot {
    /// Whether the database is marked as holding illustrative sample data.
    public var isSampleData: Bool {
        get throws { try Repository.meta(SampleData.noteKey, in: connection) == SampleData.note }
    }

    /// Whether the database holds no records of its own: no projects, parks, cadre exchanges, reform
    /// measures, meetings or funding, and no regions or pairings besides the plan's catalogue, which
    /// every database is given.
    public var isEmpty: Bool {
        get throws { try !Repository.holdsRecords(in: connection) }
    }
}

extension Repository {
    /// Marks the database as holding illustrative sample data; see ``Transaction/markAsSampleData()``.
    ///
    /// - Throws: ``DuikouError`` when the database cannot be written (read-only, busy, I/O).
    public func markAsSampleData() throws {
        try write { try $0.markAsSampleData() }
    }

    /// Whether the database is marked as holding illustrative sample data; from async code,
    /// `try await repository.read { try $0.isSampleData }`.
    public var isSampleData: Bool {
        get throws { try read { try $0.isSampleData } }
    }

    /// Whether the database holds no records of its own; see ``Snapshot/isEmpty``. From async code,
    /// `try await repository.read { try $0.isEmpty }`.
    public var isEmpty: Bool {
        get throws { try read { try $0.isEmpty } }
    }
}
