import CSQLite
import Foundation
@testable import DuikouKit

/// A fresh database file in its own temporary folder, removed when the value goes away.
final class TemporaryDatabase {
    let folder: URL
    let path: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("duikou-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("test.sqlite").path
    }

    func open(_ options: Repository.Options = Repository.Options()) throws -> Repository {
        try Repository(path: path, options: options)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// Runs SQL on the file behind the library's back, as damage, a careless tool or a hostile one would.
func tamper(_ path: String, _ sql: String) throws {
    var handle: OpaquePointer?
    guard sqlite3_open(path, &handle) == SQLITE_OK, let handle else { throw DuikouError(.io, "open") }
    defer { sqlite3_close(handle) }
    guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else {
        throw DuikouError(.internal, String(cString: sqlite3_errmsg(handle)))
    }
}
