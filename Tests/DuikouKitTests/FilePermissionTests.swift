import Foundation
import Testing
@testable import DuikouKit

/// New database files are private to their owner; paths that are not files are refused.
@Suite struct FilePermissionTests {
    private func permissions(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }

    @Test func aNewDatabaseAndItsCompanionsAreOwnerOnly() throws {
        let database = try TemporaryDatabase()
        let repository = try database.open()
        try repository.addProject(NewProject(pairing: "harbin-shenzhen", task: "2.2", title: "私有", date: LocalDate(parsing: "2024-01-01")))
        #expect(try permissions(database.path) == 0o600)
        // While the repository is open, WAL mode keeps its companion files beside the database.
        #expect(try permissions(database.path + "-wal") == 0o600)
        #expect(try permissions(database.path + "-shm") == 0o600)
    }

    @Test func anExistingFileKeepsItsPermissions() throws {
        let database = try TemporaryDatabase()
        _ = try database.open()
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: database.path)
        _ = try database.open()
        #expect(try permissions(database.path) == 0o640)
    }

    @Test(arguments: ["directory", "device"])
    func aPathThatIsNotAFileIsRefused(kind: String) throws {
        let database = try TemporaryDatabase()
        let path = kind == "directory" ? database.folder.path : "/dev/null"
        let error = #expect(throws: DuikouError.self) { try Repository(path: path) }
        #expect(error?.code == .io)
        #expect(error?.message.contains(path) == true)
    }

    @Test func aMissingDirectoryIsAnIOErrorAndCreatesNothing() throws {
        let database = try TemporaryDatabase()
        let path = database.folder.appendingPathComponent("missing/x.sqlite").path
        let error = #expect(throws: DuikouError.self) { try Repository(path: path) }
        #expect(error?.code == .io)
        #expect(!FileManager.default.fileExists(atPath: database.folder.appendingPathComponent("missing").path))
    }

    @Test func readOnlyOnAMissingFileIsNotFoundAndCreatesNothing() throws {
        let database = try TemporaryDatabase()
        let error = #expect(throws: DuikouError.self) { try Repository(path: database.path, options: .init(readOnly: true)) }
        #expect(error?.code == .notFound)
        #expect(!FileManager.default.fileExists(atPath: database.path))
    }
}
