import Foundation
import Testing

/// The JSON API checked against its own OpenAPI document by schemathesis: generated requests (valid
/// and invalid) to every operation, as an admin, on the built `duikou-server serve` with a demo
/// database. No answer may be a 500, each must be a status the document lists for the operation,
/// with a body and headers that match its schema.
@Suite(.serialized) struct SchemathesisTests {
    @Test func theAPIKeepsToItsOpenAPIDocument() throws {
        try ExternalTool.require([ExternalTool.schemathesis])
        let database = try TemporaryDatabase()
        let path = try demoDatabase(in: database.folder)
        _ = try duikouServer(["user", "add", "admin", "--role", "admin", "--db", path], input: "an admin's long password\n")
        let token = try duikouServer(["token", "create", "admin", "--db", path]).trimmingCharacters(in: .whitespacesAndNewlines)

        let server = try ServerProcess(database: path, logFolder: database.folder)
        let (status, output) = try runProgram(ExternalTool.schemathesis, [
            "run", "\(server.base)/api/v1/openapi.json",
            "--header", "Authorization: Bearer \(token)",
            "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance",
            "--max-examples", "20", "--seed", "15", "--max-time", "90", "--workers", "2",
            "--phases", "examples,fuzzing",
            "--suppress-health-check", "all",
            "--output-truncate", "false",
        ], timeout: 150, environment: ["SCHEMATHESIS_HOOKS": "", "NO_COLOR": "1"])
        let log = server.logText
        #expect(try server.terminate() == 0, "\(log)")
        #expect(status == 0, "schemathesis → \(status):\n\(output)")
        #expect(!log.contains("status=500"), "\(log)")
    }
}
