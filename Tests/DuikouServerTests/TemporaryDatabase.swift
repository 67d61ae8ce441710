import DuikouKit
import Foundation

/// A fresh database file in its own temporary folder, removed when the value goes away.
final class TemporaryDatabase: Sendable {
    let folder: URL
    let path: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("duikou-server-test-\(UUID().uuidString)")
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
