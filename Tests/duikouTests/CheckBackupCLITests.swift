import CSQLite
import Foundation
import Testing

/// `check` and `backup` through the built binary.
@Suite struct CheckBackupCLITests {
    let cli: CLISandbox

    init() throws {
        cli = try CLISandbox()
    }

    @Test func checkSaysSoundAndExitsZero() throws {
        let demo = cli.path("demo.sqlite")
        #expect(cli.run(["demo", "--db", demo]).status == 0)
        let result = cli.run(["check", "--db", demo])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("sound:"), "\(result)")
        #expect(result.stderr.isEmpty)
    }

    @Test func checkListsProblemsAndExits65() throws {
        let demo = cli.path("demo.sqlite")
        #expect(cli.run(["demo", "--db", demo]).status == 0)
        // Damage the file behind duikou's back: a current state that is not the latest update's.
        var handle: OpaquePointer?
        try #require(sqlite3_open(demo, &handle) == SQLITE_OK)
        let changed = sqlite3_exec(handle, "UPDATE project SET completed_yuan = completed_yuan + 1 WHERE rowid = 3", nil, nil, nil)
        sqlite3_close(handle)
        try #require(changed == SQLITE_OK)
        let result = cli.run(["check", "--db", demo])
        #expect(result.status == 65, "\(result)")
        #expect(result.stdoutLines.count == 1, "\(result)")
        #expect(result.stdout.contains("is not its latest update's"), "\(result)")
        #expect(result.stderrLines.count == 1 && result.stderr.hasPrefix("error: "), "\(result)")
    }

    @Test func backupWritesACopyAndRefusesToOverwrite() throws {
        let demo = cli.path("demo.sqlite")
        #expect(cli.run(["demo", "--db", demo]).status == 0)
        let copy = cli.path("copy.sqlite")
        let first = cli.run(["backup", copy, "--db", demo])
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout == copy + "\n")
        let original = cli.run(["progress", "--db", demo, "--format", "json"])
        let copied = cli.run(["progress", "--db", copy, "--format", "json"])
        #expect(original.stdout == copied.stdout)

        let again = cli.run(["backup", copy, "--db", demo])
        #expect(again.status == 65, "\(again)")
        #expect(again.stderr.hasPrefix("error: ") && again.stderr.contains("--force"), "\(again)")
        #expect(cli.run(["backup", copy, "--db", demo, "--force"]).status == 0)
    }
}
