import ArgumentParser
import DuikouKit
import DuikouServer
import Foundation

/// `--role`: one of the account roles.
enum RoleArgument: String, ExpressibleByArgument, CaseIterable {
    case admin, reporter, viewer

    var role: AccountRole {
        switch self {
        case .admin: .admin
        case .reporter: .reporter
        case .viewer: .viewer
        }
    }
}

/// `duikou-server user …`: the accounts of the web workspace.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add, list and disable the web workspace's users, and set their passwords.",
        subcommands: [Add.self, List.self, Disable.self, Password.self]
    )

    /// `user add NAME --role R [--pairing ID]`, the password on standard input.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user; the password (10 characters or more) is read as one line from standard input.",
            discussion: """
                An admin does everything; a reporter writes only the records of one pairing and the pairings \
                below it (--pairing, required for a reporter and only for one: its id, name or short name); \
                a viewer reads. Names may be in any script (张伟); Latin letters are compared in any case.
                """
        )

        @Argument(help: "The name the user logs in with.")
        var name: String
        @Option(help: ArgumentHelp("What the user may do.", valueName: "admin|reporter|viewer"))
        var role: RoleArgument
        @Option(help: ArgumentHelp("A reporter's pairing: its id, name or short name.", valueName: "id"))
        var pairing: String?
        @OptionGroup var database: DatabaseOption

        func run() throws {
            let name = try Account.checkedName(name)
            let password = try PasswordInput.read()
            let repository = try database.open(command: "user add")
            let hash = try PasswordHasher().hash(password)
            let account = try repository.addAccount(NewAccount(name: name, role: role.role, pairing: pairing, passwordHash: hash))
            print("added \(account.name) (\(account.role.rawValue)\(account.pairing.map { ", \($0)" } ?? ""))")
        }
    }

    /// `user list [--format table|json]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case table, json
        }

        @Option(help: "table or json.")
        var format: Format = .table
        @OptionGroup var database: DatabaseOption

        func run() throws {
            let accounts = try database.open(command: "user list").accounts()
            switch format {
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(accounts), as: UTF8.self))
            case .table:
                let table = TextTable(
                    columns: [.init("name"), .init("role"), .init("pairing"), .init("state"), .init("created_at")],
                    rows: accounts.map { [$0.name, $0.role.rawValue, $0.pairing ?? "", $0.disabled ? "disabled" : "active", $0.createdAt ?? ""] })
                print(table.rendered(), terminator: "")
            }
        }
    }

    /// `user disable NAME`.
    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Disable a user: their sessions end, and neither their password nor their API tokens work any more."
        )

        @Argument(help: "The user's name.")
        var name: String
        @OptionGroup var database: DatabaseOption

        func run() throws {
            let account = try database.open(command: "user disable").disableAccount(named: name)
            print("disabled \(account.name)")
        }
    }

    /// `user password NAME`, the new password on standard input.
    struct Password: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a user's password, read as one line from standard input; the user's sessions end."
        )

        @Argument(help: "The user's name.")
        var name: String
        @OptionGroup var database: DatabaseOption

        func run() throws {
            let repository = try database.open(command: "user password")
            let account = try repository.account(named: name)
            let password = try PasswordInput.read()
            try repository.setPasswordHash(try PasswordHasher().hash(password), forAccount: account.name)
            print("set the password of \(account.name); their sessions have ended")
        }
    }
}

/// `duikou-server token create NAME`.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Create API tokens for scripts.",
        subcommands: [Create.self]
    )

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an API token for a user and print it, once: only its SHA-256 is stored.",
            discussion: "Send it as `Authorization: Bearer TOKEN`; it acts as the user, with the user's role, until the user is disabled."
        )

        @Argument(help: "The user's name.")
        var name: String
        @OptionGroup var database: DatabaseOption

        func run() throws {
            let token = SecretToken.apiToken()
            try database.open(command: "token create").addToken(hash: SecretToken.hash(token), forAccount: name)
            print(token)
        }
    }
}
