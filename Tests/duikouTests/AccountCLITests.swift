import Foundation
import Testing

/// `duikou-server user …` and `token …`, and `duikou user|token|serve` handing them to it: the built
/// binaries, end to end, with passwords on standard input.
@Suite struct AccountCLITests {
    let cli: CLISandbox
    let server = CLIBinary.url.deletingLastPathComponent().appendingPathComponent("duikou-server")

    init() throws {
        cli = try CLISandbox()
    }

    /// Runs `duikou-server` with `arguments` and `--db` on the sandbox's database.
    @discardableResult
    private func serverRun(_ arguments: [String], input: String? = nil) -> CLIResult {
        cli.run(arguments + ["--db", cli.db], executable: server, input: input)
    }

    @Test func usersAreAddedListedDisabledAndGivenPasswords() throws {
        #expect(serverRun(["user", "add", "管理员", "--role", "admin"], input: "correct horse battery\n").status == 0)
        let reporter = serverRun(["user", "add", "张伟", "--role", "reporter", "--pairing", "辽苏"], input: "密码是十个字符以上的\n")
        #expect(reporter.status == 0, "\(reporter)")
        #expect(!reporter.stdout.contains("密码是"))
        #expect(serverRun(["user", "add", "viewer \"one\", o'k", "--role", "viewer"], input: "a long enough password").status == 0)

        let listed = serverRun(["user", "list", "--format", "json"])
        #expect(listed.status == 0, "\(listed)")
        let rows = try listed.jsonRows()
        #expect(rows.map { $0["name"] as? String } == ["viewer \"one\", o'k", "张伟", "管理员"])
        #expect(rows.map { $0["role"] as? String } == ["viewer", "reporter", "admin"])
        #expect(rows[1]["pairing"] as? String == "liaoning-jiangsu")
        #expect(!listed.stdout.contains("scrypt"))
        let table = serverRun(["user", "list"])
        #expect(table.stdoutLines.first?.hasPrefix("name") == true && table.stdout.contains("liaoning-jiangsu"), "\(table)")

        #expect(serverRun(["user", "password", "张伟"], input: "another long password\n").status == 0)
        #expect(serverRun(["user", "disable", "张伟"]).status == 0)
        let after = try serverRun(["user", "list", "--format", "json"]).jsonRows()
        #expect(after[1]["disabled"] as? Bool == true)

        // Every change is in the audit log under the operator, without any secret.
        let history = cli.duikou(["history", "--format", "json"])
        #expect(history.status == 0, "\(history)")
        #expect(history.stdout.contains("张伟 disabled") && history.stdout.contains("张伟: new password"))
        #expect(!history.stdout.contains("another long password") && !history.stdout.contains("scrypt"))
    }

    @Test func badAccountsAndBadPasswordsAreRefusedWithTheContractsCodes() throws {
        #expect(serverRun(["user", "add", "李华", "--role", "viewer"], input: "a long enough password\n").status == 0)
        expectRefusal(serverRun(["user", "add", "李华", "--role", "admin"], input: "a long enough password\n"), 65, mentions: ["李华", "already exists"])
        expectRefusal(serverRun(["user", "add", "li", "--role", "reporter"], input: "a long enough password\n"), 65, mentions: ["pairing"])
        expectRefusal(serverRun(["user", "add", "li", "--role", "reporter", "--pairing", "火星"], input: "a long enough password\n"), 66, mentions: ["火星"])
        expectRefusal(serverRun(["user", "add", "li", "--role", "viewer", "--pairing", "辽苏"], input: "a long enough password\n"), 65, mentions: ["pairing"])
        expectRefusal(serverRun(["user", "add", "li", "--role", "admin"], input: "short\n"), 65, mentions: ["shorter than 10 characters"])
        expectRefusal(serverRun(["user", "add", "li", "--role", "admin"], input: "\n"), 65, mentions: ["password", "empty"])
        expectRefusal(serverRun(["user", "add", "li", "--role", "admin"], input: ""), 65, mentions: ["password"])
        expectRefusal(serverRun(["user", "add", "  ", "--role", "admin"], input: "a long enough password\n"), 65, mentions: ["name"])
        #expect(serverRun(["user", "add", "li", "--role", "owner"], input: "a long enough password\n").status == 64)
        expectRefusal(serverRun(["user", "disable", "nobody"]), 66, mentions: ["nobody"])
        expectRefusal(serverRun(["user", "password", "nobody"], input: "a long enough password\n"), 66, mentions: ["nobody"])
        expectRefusal(serverRun(["token", "create", "nobody"]), 66, mentions: ["nobody"])
        // Nothing was written by the refusals.
        #expect(try serverRun(["user", "list", "--format", "json"]).jsonRows().count == 1)
    }

    @Test func aTokenIsPrintedOnceAndOnlyItsHashIsStored() throws {
        #expect(serverRun(["user", "add", "script", "--role", "viewer"], input: "a long enough password\n").status == 0)
        let first = serverRun(["token", "create", "script"])
        let second = serverRun(["token", "create", "script"])
        #expect(first.status == 0 && second.status == 0)
        let token = first.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.hasPrefix("dk_") && token.count == 46 && token != second.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        let file = try Data(contentsOf: URL(fileURLWithPath: cli.db)) + (FileManager.default.contents(atPath: cli.db + "-wal") ?? Data())
        #expect(file.range(of: Data(token.utf8)) == nil)
        #expect(serverRun(["user", "disable", "script"]).status == 0)
        expectRefusal(serverRun(["token", "create", "script"]), 65, mentions: ["disabled"])
    }

    @Test func duikouHandsUserTokenAndServeToDuikouServer() throws {
        let added = cli.run(["user", "add", "王芳", "--role", "admin", "--db", cli.db], input: "a long enough password\n")
        #expect(added.status == 0, "\(added)")
        let listed = cli.run(["user", "list", "--format", "json", "--db", cli.db])
        #expect(try listed.jsonRows().map { $0["name"] as? String } == ["王芳"])
        let token = cli.run(["token", "create", "王芳", "--db", cli.db])
        #expect(token.status == 0 && token.stdout.hasPrefix("dk_"))
        expectRefusal(cli.run(["user", "disable", "nobody", "--db", cli.db]), 66, mentions: ["nobody"])
        let help = cli.run(["user", "--help"])
        #expect(help.status == 0 && help.stdout.contains("add") && help.stdout.contains("password"))
        let serve = cli.run(["serve", "--help"])
        #expect(serve.stdout.contains("serve") || serve.stderr.contains("serve"))
    }

    @Test func withoutDuikouServerBesideItDuikouSaysHowToBuildIt() throws {
        let lonely = cli.path("bin")
        try FileManager.default.createDirectory(atPath: lonely, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLIBinary.url.path, toPath: lonely + "/duikou")
        let result = cli.run(["user", "list", "--db", cli.db], executable: URL(fileURLWithPath: lonely + "/duikou"))
        expectRefusal(result, 66, mentions: ["duikou-server", "swift build --product duikou-server"])
        #expect(cli.run(["tasks"], executable: URL(fileURLWithPath: lonely + "/duikou")).status == 0)
    }
}
