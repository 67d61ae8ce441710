import DuikouKit
import Foundation
import Testing

/// `duikou-server serve` for real: it listens, answers, and stops cleanly on SIGTERM.
@Suite(.serialized) struct ServeCommandTests {
    @Test func servesUntilSIGTERMThenExitsCleanly() throws {
        let database = try TemporaryDatabase()
        let server = try ServerProcess(database: database.path, logFolder: database.folder)
        let port = server.port
        let health = try httpGet("/healthz", port: port)
        #expect(health.hasPrefix("HTTP/1.1 200"), "\(health)")
        #expect(health.contains(#""status": "ok""#), "\(health)")
        let refused = try httpGet("/api/v1/progress", port: port)
        #expect(refused.hasPrefix("HTTP/1.1 401"), "\(refused)")

        #expect(try server.terminate() == 0)
        let text = server.logText
        #expect(text.components(separatedBy: "listening").count == 2, "\(text)")
        #expect(text.contains("path=/healthz") && text.contains("status=200"), "\(text)")
        #expect(text.contains("path=/api/v1/progress") && text.contains("status=401"), "\(text)")
    }

    @Test func aDatabaseFromANewerDuikouIsRefusedWith78() throws {
        let database = try TemporaryDatabase()
        do { _ = try database.open() }
        // PRAGMA user_version lives at offset 60 of the file's header, big-endian.
        let file = try FileHandle(forUpdating: URL(fileURLWithPath: database.path))
        try file.seek(toOffset: 60)
        try file.write(contentsOf: Data([0, 0, 0x27, 0x0F]))
        try file.close()
        let (status, _, errors) = try runBinary(named: "duikou-server", ["serve", "--db", database.path, "--port", "0"])
        #expect(status == 78, "\(errors)")
        #expect(errors.hasPrefix("error: "))
    }

    /// A GET over a plain socket; the whole answer.
    private func httpGet(_ path: String, port: Int) throws -> String {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw TestFailure("no socket") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw TestFailure("could not connect to port \(port)") }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".utf8)
        guard send(socket, request, request.count, 0) == request.count else { throw TestFailure("could not send") }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            answer += buffer[0..<count]
        }
        return String(decoding: answer, as: UTF8.self)
    }
}
