import Foundation

/// The folder the benchmark writes its databases and CSV file into: a fresh subfolder of the
/// folder given (the system's temporary folder by default), removed at the end unless kept.
struct ScratchDirectory {
    /// The subfolder's path.
    let path: String

    /// Creates a fresh subfolder `duikou-bench-…` inside `parent`.
    init(parent: String?) throws {
        let base = parent ?? FileManager.default.temporaryDirectory.path
        let name = "duikou-bench-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        path = URL(fileURLWithPath: base).appendingPathComponent(name).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// The path of a file named `name` in the folder.
    func file(_ name: String) -> String {
        URL(fileURLWithPath: path).appendingPathComponent(name).path
    }

    /// Removes a database file and its WAL and shared-memory companions.
    func removeDatabase(_ databasePath: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            try? FileManager.default.removeItem(atPath: databasePath + suffix)
        }
    }

    /// Removes the whole folder.
    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
