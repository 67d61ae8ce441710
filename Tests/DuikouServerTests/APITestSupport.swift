import DuikouKit
import DuikouServer
import DuikouDemo
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Who a test request is sent as: an account of that name and role, created in the test's
/// database on first use with an API token of its own (a disabled admin keeps a token it was
/// given before it was disabled), or nobody.
enum As {
    case nobody
    case admin(String = "admin")
    case reporter(String = "reporter", pairing: String)
    case viewer(String = "viewer")
    case disabledAdmin

    /// The account's name, role, pairing and whether it is disabled; `nil` for nobody.
    var account: (name: String, role: AccountRole, pairing: String?, disabled: Bool)? {
        switch self {
        case .nobody: nil
        case .admin(let name): (name, .admin, nil, false)
        case .reporter(let name, let pairing): (name, .reporter, pairing, false)
        case .viewer(let name): (name, .viewer, nil, false)
        case .disabledAdmin: ("gone", .admin, nil, true)
        }
    }
}

/// The API tokens of a test's accounts, made on first use through the library and the real
/// authentication: requests carry `Authorization: Bearer TOKEN`.
final class TestTokens: @unchecked Sendable {
    private let repository: Repository
    private let lock = NSLock()
    private var tokens: [String: String] = [:]

    init(repository: Repository) { self.repository = repository }

    func headers(for who: As) throws -> HTTPFields {
        guard let account = who.account else { return [:] }
        let key = "\(account.name)|\(account.role)|\(account.pairing ?? "")|\(account.disabled)"
        let token = try lock.withLock { () throws -> String in
            if let token = tokens[key] { return token }
            // The name as asked, or with a number when another test account has it already.
            var name = account.name
            while try repository.accounts().contains(where: { $0.name == name }) { name = "\(account.name) \(tokens.count + 2)" }
            let hash = try PasswordHasher(cost: .minimal).hash("a long enough password")
            _ = try repository.addAccount(NewAccount(name: name, role: account.role, pairing: account.pairing, passwordHash: hash))
            let token = SecretToken.apiToken()
            try repository.addToken(hash: SecretToken.hash(token), forAccount: name)
            if account.disabled { _ = try repository.disableAccount(named: name) }
            tokens[key] = token
            return token
        }
        return [.authorization: "Bearer \(token)"]
    }
}

/// One test's server: a fresh database (with the demo data when asked), the workspace's router
/// with its real authentication, and a client.
struct APIFixture {
    let database: TemporaryDatabase
    let repository: Repository

    init(demo: Bool = false) throws {
        database = try TemporaryDatabase()
        repository = try database.open()
        if demo { _ = try DemoData.populate(repository) }
    }

    var workspace: Workspace { Workspace(repository: repository) }

    /// Runs `body` against the workspace's router, in process.
    func test(_ body: @escaping @Sendable (APIClient) async throws -> Void) async throws {
        try await APIClient.test(workspace, body)
    }
}

/// A test client that sends requests as one of the test's accounts.
struct APIClient: Sendable {
    let client: any TestClientProtocol
    let tokens: TestTokens

    /// Runs `body` against `workspace`'s router, in process.
    static func test(_ workspace: Workspace, _ body: @escaping @Sendable (APIClient) async throws -> Void) async throws {
        let tokens = TestTokens(repository: workspace.repository)
        try await Application(router: workspace.router()).test(.router) { client in
            try await body(APIClient(client: client, tokens: tokens))
        }
    }

    /// Sends one request as `who`, with `body` (a JSON text) when given.
    func send(_ method: HTTPRequest.Method, _ uri: String, as who: As = .admin(), body: String? = nil, headers: HTTPFields = [:]) async throws -> APIResult {
        var all = try tokens.headers(for: who)
        for field in headers { all.append(field) }
        if body != nil { all[.contentType] = "application/json" }
        return try await client.execute(uri: uri, method: method, headers: all, body: body.map { ByteBuffer(string: $0) }) { response in
            APIResult(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
    }
}

/// What a test request gave back.
struct APIResult {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let body: String

    /// The body parsed as JSON.
    func json() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(body.utf8), options: [.fragmentsAllowed])
    }

    func object() throws -> [String: Any] {
        guard let object = try json() as? [String: Any] else { throw TestFailure("expected a JSON object: \(body)") }
        return object
    }

    func rows() throws -> [[String: Any]] {
        guard let rows = try json() as? [[String: Any]] else { throw TestFailure("expected a JSON array of objects: \(body)") }
        return rows
    }

    /// The error object's code and field.
    func error() throws -> (code: String, field: String?) {
        guard let error = try object()["error"] as? [String: Any], let code = error["code"] as? String, error["message"] is String,
              error.keys.contains("field") else {
            throw TestFailure("expected the JSON error object: \(body)")
        }
        return (code, error["field"] as? String)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The audit log without the test accounts' own entries (made on first use of each account).
func dataHistory(_ repository: Repository) async throws -> [AuditEvent] {
    try await repository.history().filter { $0.recordKind != "account" }
}

/// Runs the built `duikou` CLI on `db` and returns its standard output.
func duikouCLI(_ arguments: [String], db: String) throws -> String {
    let (status, output, errors) = try runBinary(named: "duikou", arguments + ["--db", db])
    guard status == 0 else { throw TestFailure("duikou \(arguments.joined(separator: " ")) → \(status): \(errors)") }
    return output
}

/// Runs a built executable of the package and waits for it.
func runBinary(named name: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = try builtBinary(named: name)
    process.arguments = arguments
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("duikou-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let (outURL, errURL) = (folder.appendingPathComponent("out"), folder.appendingPathComponent("err"))
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let (out, err) = (try FileHandle(forWritingTo: outURL), try FileHandle(forWritingTo: errURL))
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return (process.terminationStatus, try String(contentsOf: outURL, encoding: .utf8), try String(contentsOf: errURL, encoding: .utf8))
}

/// The built executable `name`, beside the test bundle (the products folder).
func builtBinary(named name: String) throws -> URL {
    var folders = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
    for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
        folders.append(bundle.bundleURL.deletingLastPathComponent())
    }
    for folder in folders {
        let candidate = folder.appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    throw TestFailure("no built \(name) beside the tests in \(folders.map(\.path))")
}
