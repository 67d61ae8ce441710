import DuikouKit
import DuikouServer
import DuikouDemo
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Test-only authentication: the account named by the `X-Test-Account: name;role;pairing` header
/// (the name percent-encoded). It stands in for the real authentication middleware in these tests.
struct TestAccountMiddleware: RouterMiddleware {
    typealias Context = WorkspaceContext

    static let header = HTTPField.Name("X-Test-Account")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let value = request.headers[Self.header] {
            let parts = value.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            if parts.count >= 2, let role = AccountRole(rawValue: parts[1]) {
                let name = parts[0].removingPercentEncoding ?? parts[0]
                let pairing = parts.count > 2 && !parts[2].isEmpty ? parts[2] : nil
                context.account = Account(name: name, role: role, pairing: pairing, disabled: parts.count > 3 && parts[3] == "disabled")
            }
        }
        return try await next(request, context)
    }
}

/// Who a test request is sent as.
enum As {
    case nobody
    case admin(String = "admin")
    case reporter(String = "reporter", pairing: String)
    case viewer(String = "viewer")
    case disabledAdmin

    var headers: HTTPFields {
        let value: String
        switch self {
        case .nobody: return [:]
        case .admin(let name): value = "\(encoded(name));admin"
        case .reporter(let name, let pairing): value = "\(encoded(name));reporter;\(pairing)"
        case .viewer(let name): value = "\(encoded(name));viewer"
        case .disabledAdmin: value = "gone;admin;;disabled"
        }
        return [TestAccountMiddleware.header: value]
    }

    private func encoded(_ name: String) -> String {
        name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? name
    }
}

/// One test's server: a fresh database (with the demo data when asked), the workspace's router
/// with the test authentication, and a client.
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
    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: workspace.router(authentication: [TestAccountMiddleware()]))
        try await app.test(.router, body)
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

extension TestClientProtocol {
    /// Sends one request as `who`, with `body` (a JSON text) when given.
    func send(_ method: HTTPRequest.Method, _ uri: String, as who: As = .admin(), body: String? = nil, headers: HTTPFields = [:]) async throws -> APIResult {
        var all = who.headers
        for field in headers { all.append(field) }
        if body != nil { all[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: all, body: body.map { ByteBuffer(string: $0) }) { response in
            APIResult(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
    }
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
