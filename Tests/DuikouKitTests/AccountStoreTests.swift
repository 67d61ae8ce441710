import Foundation
import Testing
@testable import DuikouKit

@Suite struct AccountStoreTests {
    let db: TemporaryDatabase
    let repo: Repository
    let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    init() throws {
        db = try TemporaryDatabase()
        repo = try db.open(Repository.Options(identity: AuditIdentity(actor: "运维", command: "user add")))
    }

    private func hash(_ digit: Character) -> String { String(repeating: digit, count: 64) }

    private func expectCode(_ code: DuikouError.Code, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
        let error = #expect(throws: DuikouError.self, sourceLocation: sourceLocation) { try body() }
        #expect(error?.code == code, sourceLocation: sourceLocation)
    }

    @Test func accountsAreAddedListedAndFoundByNameInAnyCaseOfLatinLetters() throws {
        let admin = try repo.addAccount(NewAccount(name: "  Admin ", role: .admin, passwordHash: "$scrypt$x"))
        #expect(admin.name == "Admin" && admin.role == .admin && admin.pairing == nil && !admin.disabled && admin.createdAt != nil)
        let reporter = try repo.addAccount(NewAccount(name: "张伟", role: .reporter, pairing: "辽苏", passwordHash: "h"))
        #expect(reporter.pairing == "liaoning-jiangsu")
        try repo.addAccount(NewAccount(name: "viewer 🙂 \"quoted\", o'k", role: .viewer, passwordHash: "h"))
        #expect(try repo.accounts().map(\.name) == ["Admin", "viewer 🙂 \"quoted\", o'k", "张伟"])
        #expect(try repo.account(named: "admin").name == "Admin")
        #expect(try repo.credential(named: "ADMIN")?.passwordHash == "$scrypt$x")
        #expect(try repo.credential(named: "nobody") == nil)
        expectCode(.notFound) { _ = try repo.account(named: "nobody") }
        // Every addition is audited under the operator, without the hash.
        let events = try repo.history()
        #expect(events.map(\.recordKind) == ["account", "account", "account"])
        #expect(events.allSatisfy { $0.actor == "运维" && !$0.summary.contains("scrypt") })
    }

    @Test func badAccountsAreRefusedWithTheirField() throws {
        try repo.addAccount(NewAccount(name: "李华", role: .viewer, passwordHash: "h"))
        let cases: [(NewAccount, DuikouError.Code, String)] = [
            (NewAccount(name: "李华", role: .admin, passwordHash: "h"), .constraint, "name"),
            (NewAccount(name: " ", role: .admin, passwordHash: "h"), .invalidInput, "name"),
            (NewAccount(name: "a\nb", role: .admin, passwordHash: "h"), .invalidInput, "name"),
            (NewAccount(name: String(repeating: "长", count: 65), role: .admin, passwordHash: "h"), .invalidInput, "name"),
            (NewAccount(name: "r", role: .reporter, passwordHash: "h"), .invalidInput, "pairing"),
            (NewAccount(name: "r", role: .reporter, pairing: "火星—金星", passwordHash: "h"), .notFound, "pairing"),
            (NewAccount(name: "v", role: .viewer, pairing: "辽苏", passwordHash: "h"), .invalidInput, "pairing"),
            (NewAccount(name: "e", role: .admin, passwordHash: ""), .invalidInput, "password_hash"),
        ]
        for (account, code, field) in cases {
            do {
                try repo.addAccount(account)
                Issue.record("\(account.name) was added")
            } catch let error as DuikouError {
                #expect(error.code == code && error.field == field, "\(account.name): \(error)")
            }
        }
        #expect(try repo.accounts().count == 1)
    }

    @Test func tokensFindTheirAccountUntilItIsDisabled() throws {
        try repo.addAccount(NewAccount(name: "王芳", role: .admin, passwordHash: "h"))
        try repo.addToken(hash: hash("a"), forAccount: "王芳")
        #expect(try repo.account(tokenHash: hash("a"))?.name == "王芳")
        #expect(try repo.account(tokenHash: hash("b")) == nil)
        expectCode(.constraint) { try repo.addToken(hash: hash("a"), forAccount: "王芳") }
        expectCode(.invalidInput) { try repo.addToken(hash: "DEADBEEF", forAccount: "王芳") }
        expectCode(.notFound) { try repo.addToken(hash: hash("c"), forAccount: "nobody") }
        let disabled = try repo.disableAccount(named: "王芳")
        #expect(disabled.disabled)
        #expect(try repo.account(tokenHash: hash("a")) == nil)
        expectCode(.invalidInput) { try repo.addToken(hash: hash("d"), forAccount: "王芳") }
        #expect(try repo.history().map(\.summary) == ["王芳, admin", "王芳: API token created", "王芳 disabled"])
    }

    @Test func sessionsRotateExpireAndEndWithThePasswordOrTheAccount() throws {
        try repo.addAccount(NewAccount(name: "reporter", role: .reporter, pairing: "shenyang-beijing", passwordHash: "old"))
        let session = NewAccountSession(idHash: hash("1"), account: "REPORTER", csrfToken: "csrf-1", createdAt: start,
                                        expiresAt: start.addingTimeInterval(3600))
        let created = try repo.createSession(session)
        #expect(created.account.name == "reporter" && created.csrfToken == "csrf-1")
        #expect(try repo.session(idHash: hash("1"), at: start.addingTimeInterval(10))?.account.pairing == "shenyang-beijing")
        // An id is never used twice, even after its session ended.
        expectCode(.constraint) { _ = try repo.createSession(session) }
        // Expired: refused; touched: lives on.
        #expect(try repo.session(idHash: hash("1"), at: start.addingTimeInterval(3600)) == nil)
        try repo.touchSession(idHash: hash("1"), at: start.addingTimeInterval(1800), expiresAt: start.addingTimeInterval(7200))
        let touched = try repo.session(idHash: hash("1"), at: start.addingTimeInterval(3600))
        #expect(touched?.lastSeenAt == start.addingTimeInterval(1800) && touched?.expiresAt == start.addingTimeInterval(7200))
        try repo.deleteSession(idHash: hash("1"))
        #expect(try repo.session(idHash: hash("1"), at: start) == nil)

        try repo.createSession(NewAccountSession(idHash: hash("2"), account: "reporter", csrfToken: "c", createdAt: start, expiresAt: start.addingTimeInterval(60)))
        try repo.setPasswordHash("new", forAccount: "reporter")
        #expect(try repo.session(idHash: hash("2"), at: start) == nil)
        #expect(try repo.credential(named: "reporter")?.passwordHash == "new")

        try repo.createSession(NewAccountSession(idHash: hash("3"), account: "reporter", csrfToken: "c", createdAt: start, expiresAt: start.addingTimeInterval(60)))
        try repo.disableAccount(named: "reporter")
        #expect(try repo.session(idHash: hash("3"), at: start) == nil)
        expectCode(.invalidInput) {
            _ = try repo.createSession(NewAccountSession(idHash: hash("4"), account: "reporter", csrfToken: "c", createdAt: start, expiresAt: start.addingTimeInterval(60)))
        }
        // Sessions are not records: only the account's changes are audited.
        #expect(try repo.history().map(\.summary) == ["reporter, reporter of shenyang-beijing", "reporter: new password", "reporter disabled"])
    }

    @Test func failedLoginsAreCountedByNameAndForgotten() async throws {
        for minute in [0, 1, 2] {
            try await repo.recordFailedLogin(name: "Ghost", at: start.addingTimeInterval(Double(minute) * 60), forgettingBefore: start.addingTimeInterval(-3600))
        }
        try await repo.recordFailedLogin(name: "其他", at: start, forgettingBefore: start.addingTimeInterval(-3600))
        #expect(try await repo.failedLogins(name: "ghost", since: start.addingTimeInterval(60)) == [start.addingTimeInterval(60), start.addingTimeInterval(120)])
        // A later failure forgets those older than its horizon, for every name.
        try await repo.recordFailedLogin(name: "ghost", at: start.addingTimeInterval(600), forgettingBefore: start.addingTimeInterval(90))
        #expect(try await repo.failedLogins(name: "GHOST", since: .distantPast).count == 2)
        #expect(try await repo.failedLogins(name: "其他", since: .distantPast).isEmpty)
        try await repo.clearFailedLogins(name: "Ghost")
        #expect(try await repo.failedLogins(name: "ghost", since: .distantPast).isEmpty)
    }

    @Test func theAsyncTwinsAndTheCodableShape() async throws {
        let added = try await repo.addAccount(NewAccount(name: "赵敏", role: .reporter, pairing: "jilin-zhejiang", passwordHash: "h"))
        #expect(try await repo.account(named: "赵敏") == added)
        let json = String(decoding: try JSONEncoder().encode(added), as: UTF8.self)
        #expect(json.contains("\"role\":\"reporter\"") && json.contains("\"pairing\":\"jilin-zhejiang\"") && json.contains("\"created_at\""))
        #expect(try JSONDecoder().decode(Account.self, from: Data(json.utf8)) == added)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Account.self, from: Data(#"{"name":"x","role":"reporter"}"#.utf8)) }
    }
}
