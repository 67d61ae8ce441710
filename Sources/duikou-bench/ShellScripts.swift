import Foundation

/// The `sqlite3` shell scripts of the whole-process comparisons.
enum ShellScripts {
    /// Creates a plain table with the CSV's columns and the project table's indexes, with the
    /// library's journal settings, then `.import`s the CSV (header skipped) in one transaction.
    static func importScript(csv: String) -> String {
        """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        CREATE TABLE project (
            id TEXT PRIMARY KEY, pairing_id TEXT, task_code TEXT, title TEXT, status TEXT, status_date TEXT,
            planned TEXT, completed TEXT, northeast_party TEXT, east_party TEXT, park_id TEXT, landmark TEXT,
            description TEXT
        );
        CREATE INDEX project_by_pairing_task ON project (pairing_id, task_code);
        CREATE INDEX project_by_park ON project (park_id);
        .mode csv
        .import --skip 1 "\(csv.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))" project

        """
    }
}
