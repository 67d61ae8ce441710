@testable import DuikouServer
import DuikouKit
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import Testing

/// The built `duikou-server` under a crash and a full disk while it writes: nothing it acknowledged
/// (201) is lost, nothing it refused is half-written, and `duikou check` finds the file sound.
@Suite(.serialized) struct ServerCrashTests {
    @Test func aFailedWriteOfTheFileAnswers503WithRetryAfter() throws {
        let full = DuikouError(.io, "/srv/duikou/duikou.sqlite: database or disk is full", sqliteCode: 13)
        let refusal = ErrorMiddleware.refusal(for: full, requestID: "r1")
        #expect(refusal.status == .serviceUnavailable && refusal.code == "io" && refusal.message == full.message)
        #expect(refusal.field == nil)
        #expect(refusal.response.headers[.retryAfter] == "30")
    }

    @Test func aKill9MidWriteLosesNoAcknowledgedUpdate() async throws {
        let setup = try CrashSetup()
        let server = try ServerProcess(database: setup.path, logFolder: setup.database.folder)
        let (ledger, base) = (Ledger(), server.base)
        let writers = (0..<8).map { worker in
            Task { await setup.writeUntilRefused(to: base, worker: worker, noteLength: 40, ledger: ledger) }
        }
        try await ledger.waitForAcknowledged(300)
        await ledger.markKilled()
        try server.killHard()
        for writer in writers { await writer.value }

        let outcome = await ledger.outcome
        #expect(server.process.terminationReason == .uncaughtSignal)
        #expect(outcome.unexpected.isEmpty, "\(outcome.unexpected)")
        #expect(outcome.cutOff > 0, "no request was in flight when the server was killed")
        try await setup.expectKept(outcome, refused: [])
        try setup.expectSound()

        let restarted = try ServerProcess(database: setup.path, logFolder: setup.database.folder)
        for project in setup.projects {
            let (status, body, _) = try await setup.send("GET", "\(restarted.base)/api/v1/projects/\(project)")
            #expect(status == 200)
            let served = Set(notes(in: try JSONSerialization.jsonObject(with: body)))
            let acknowledged = outcome.acknowledged.filter { $0.project == project }.map(\.note)
            #expect(acknowledged.allSatisfy(served.contains), "project \(project): an acknowledged update is not served")
        }
        #expect(try restarted.terminate() == 0)
    }

    @Test func aFullDiskAnswers503AndLosesNothingAcknowledged() async throws {
        let setup = try CrashSetup()
        // Room for about 1 MiB more than the database and its WAL hold now: the WAL (or, at a
        // checkpoint, the database) reaches the limit after some writes of 60 KiB notes.
        let limitBlocks = (try setup.fileSizes() + 1_048_576) / 512
        let server = try ServerProcess(database: setup.path, logFolder: setup.database.folder, fileSizeLimitBlocks: limitBlocks)
        let ledger = Ledger()
        await setup.writeUntilRefusals(to: server.base, noteLength: 20_000, refusals: 5, ledger: ledger)
        let outcome = await ledger.outcome

        #expect(outcome.acknowledged.count > 0, "no write succeeded before the limit")
        #expect(outcome.refused.count >= 5, "the limit of \(limitBlocks) blocks was never reached: \(outcome)")
        #expect(outcome.unexpected.isEmpty, "\(outcome.unexpected)")
        #expect(server.process.isRunning)
        for path in ["/healthz", "/api/v1/progress", "/api/v1/projects/\(setup.projects[0])"] {
            let (status, _, _) = try await setup.send("GET", server.base + path)
            #expect(status == 200, "GET \(path) on a full disk")
        }
        #expect(server.logText.contains("database file error"))

        // Room again: the same server takes writes.
        try server.liftFileSizeLimit()
        let roomAgain = "空间恢复 room again"
        let (written, _, _) = try await setup.send("POST", "\(server.base)/api/v1/projects/\(setup.projects[1 % setup.projects.count])/updates",
                                                   body: ["date": setup.date, "note": roomAgain])
        #expect(written == 201)
        #expect(try server.terminate() == 0)
        try await setup.expectKept(outcome, refused: outcome.refused)
        try setup.expectSound()

        let restarted = try ServerProcess(database: setup.path, logFolder: setup.database.folder)
        let note = "写入恢复 written again after the restart"
        let (status, _, _) = try await setup.send("POST", "\(restarted.base)/api/v1/projects/\(setup.projects[0])/updates",
                                                  body: ["date": setup.date, "note": note])
        #expect(status == 201)
        #expect(try restarted.terminate() == 0)
        let repository = try Repository(path: setup.path)
        let history = try await repository.projectHistory(try #require(UUID(uuidString: setup.projects[0])))
        #expect(history.updates.last?.note == note)
        let other = try await repository.projectHistory(try #require(UUID(uuidString: setup.projects[1 % setup.projects.count])))
        #expect(other.updates.contains { $0.note == roomAgain })
        try setup.expectSound()
    }
}

/// A demo database with an admin and their API token, the ids of a few projects that take updates,
/// and a date on or after each one's latest update.
private struct CrashSetup: Sendable {
    let database: TemporaryDatabase
    let path: String
    let token: String
    let projects: [String]
    let date: String

    init() throws {
        database = try TemporaryDatabase()
        path = try demoDatabase(in: database.folder)
        _ = try duikouServer(["user", "add", "admin", "--role", "admin", "--db", path], input: "an admin's long password\n")
        token = try duikouServer(["token", "create", "admin", "--db", path]).trimmingCharacters(in: .whitespacesAndNewlines)
        let listed = try Repository(path: path).projects(ProjectFilter(status: .started)).prefix(4)
        guard !listed.isEmpty else { throw TestFailure("the demo has no started project") }
        projects = listed.map { $0.id.uuidString.lowercased() }
        date = (listed.map(\.statusDate) + [LocalDate.today()]).max()?.description ?? ""
    }

    /// The bytes of the database file and its WAL, whichever is larger.
    func fileSizes() throws -> Int {
        try [path, path + "-wal"].map { file in
            FileManager.default.fileExists(atPath: file) ? (try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int ?? 0) : 0
        }.max() ?? 0
    }

    /// Sends a request with the admin's token (and `body` as JSON); the status, body and headers.
    func send(_ method: String, _ url: String, body: [String: Any]? = nil) async throws -> (Int, Data, [AnyHashable: Any]) {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = method
        request.timeoutInterval = 15
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return (http.statusCode, data, http.allHeaderFields)
    }

    /// A progress update the lifecycle rules never refuse (the status and completed investment
    /// unchanged), with a note no other request sends, as scripts/load/write.lua posts them.
    func update(_ number: Int, worker: Int, noteLength: Int) -> (project: String, note: String, body: [String: Any]) {
        let project = projects[(number + worker) % projects.count]
        let filler = String(repeating: "满", count: max(0, noteLength - 40))
        let note = "崩溃测试 w\(worker) #\(number) \(filler)\"引号\", 逗号\n😀"
        let body: [String: Any] = number % 2 == 0 ? ["date": date, "unchanged": true, "note": note] : ["date": date, "note": note]
        return (project, note, body)
    }

    /// Posts updates one after the other until a request gets no answer (the server is gone).
    func writeUntilRefused(to base: String, worker: Int, noteLength: Int, ledger: Ledger) async {
        for number in 0... {
            let (project, note, body) = update(number, worker: worker, noteLength: noteLength)
            let killedBefore = await ledger.killed
            do {
                let (status, data, _) = try await send("POST", "\(base)/api/v1/projects/\(project)/updates", body: body)
                await ledger.record(status: status, code: errorCode(data), project: project, note: note, retryAfter: nil)
            } catch {
                if !killedBefore { await ledger.recordCutOff() }
                return
            }
        }
    }

    /// Posts updates until `refusals` of them have answered 503 (or 400 requests were sent).
    func writeUntilRefusals(to base: String, noteLength: Int, refusals: Int, ledger: Ledger) async {
        for number in 0..<400 {
            guard await ledger.outcome.refused.count < refusals else { return }
            let (project, note, body) = update(number, worker: 0, noteLength: noteLength)
            do {
                let (status, data, headers) = try await send("POST", "\(base)/api/v1/projects/\(project)/updates", body: body)
                await ledger.record(status: status, code: errorCode(data), project: project, note: note,
                                    retryAfter: headers.first { "\($0.key)".lowercased() == "retry-after" }.map { "\($0.value)" })
            } catch {
                await ledger.record(status: 0, code: "\(error)", project: project, note: note, retryAfter: nil)
                return
            }
        }
    }

    /// Every acknowledged update is in its project's history exactly once; no refused one is.
    func expectKept(_ outcome: Ledger.Outcome, refused: [Ledger.Write]) async throws {
        let repository = try Repository(path: path)
        for project in projects {
            let history = try await repository.projectHistory(try #require(UUID(uuidString: project)))
            let stored = history.updates.compactMap(\.note)
            for write in outcome.acknowledged where write.project == project {
                #expect(stored.filter { $0 == write.note }.count == 1, "acknowledged: \(write.note.prefix(30))")
            }
            for write in refused where write.project == project {
                #expect(!stored.contains(write.note), "refused but written: \(write.note.prefix(30))")
            }
        }
    }

    /// `duikou check` on the file exits 0.
    func expectSound() throws {
        let (status, output, errors) = try runBinary(named: "duikou", ["check", "--db", path])
        #expect(status == 0, "duikou check → \(status): \(output)\(errors)")
    }

    private func errorCode(_ data: Data) -> String? {
        ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any])
            .flatMap { $0["error"] as? [String: Any] }.flatMap { $0["code"] as? String }
    }
}

/// What the writers sent and what the server answered.
private actor Ledger {
    struct Write: Sendable, CustomStringConvertible {
        let project: String
        let note: String
        var description: String { "\(project): \(note.prefix(30))" }
    }

    struct Outcome: Sendable {
        /// Answered 201.
        var acknowledged: [Write] = []
        /// Answered 503 with code `io` and `Retry-After`.
        var refused: [Write] = []
        /// Any other answer: status and error code.
        var unexpected: [String] = []
        /// Requests sent before the kill that got no answer.
        var cutOff = 0
    }

    private(set) var outcome = Outcome()
    private(set) var killed = false

    func record(status: Int, code: String?, project: String, note: String, retryAfter: String?) {
        let write = Write(project: project, note: note)
        switch status {
        case 201: outcome.acknowledged.append(write)
        case 503 where code == "io" && retryAfter != nil: outcome.refused.append(write)
        default: outcome.unexpected.append("\(status) \(code ?? "-") retry-after \(retryAfter ?? "-")")
        }
    }

    func recordCutOff() { outcome.cutOff += 1 }

    func markKilled() { killed = true }

    /// Waits until `count` writes were acknowledged (failing after 15 seconds without them).
    func waitForAcknowledged(_ count: Int) async throws {
        let deadline = Date().addingTimeInterval(15)
        while outcome.acknowledged.count < count {
            guard Date() < deadline, outcome.unexpected.isEmpty else {
                throw TestFailure("\(outcome.acknowledged.count) writes acknowledged; unexpected answers: \(outcome.unexpected)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}

/// Every string under a "note" key in a JSON value.
private func notes(in json: Any) -> [String] {
    if let object = json as? [String: Any] {
        return object.flatMap { key, value in key == "note" ? [value as? String].compactMap { $0 } : notes(in: value) }
    }
    if let array = json as? [Any] { return array.flatMap(notes(in:)) }
    return []
}
