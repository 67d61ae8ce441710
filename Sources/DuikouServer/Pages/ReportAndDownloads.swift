import DuikouKit
import Foundation
import Hummingbird

extension Pages {
    /// The policy of the report's page: the report is one self-contained file with an inline style
    /// sheet and inline SVG, and no script at all.
    static let reportSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    /// `GET /report?pairing=&as_of=`: the library's HTML report, in the page's language, as a page of
    /// its own.
    func report(_ page: PageRequest, _ session: PageSession) async throws -> Response {
        let pairing = try await page.query["pairing"].asyncMap { try await repository.resolvePairing($0) }
        let asOf = try page.query["as_of"].map { try LocalDate(parsing: $0, field: "as_of") }
        let html = try await repository.htmlReport(HTMLReportOptions(asOf: asOf, language: page.language, pairing: pairing))
        return Response(
            status: .ok,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store", .contentSecurityPolicy: Self.reportSecurityPolicy],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// `GET /export/{kind}.xlsx|csv?lang=&pairing=`: an export for people (Chinese or English
    /// headers and names, amounts in 万元), as a download.
    func export(_ page: PageRequest, _ session: PageSession) async throws -> Response {
        guard let file = PageDownload(session.parameters.get("file")), PageDownload.exportKinds.contains(file.name) else {
            throw PageFailure(.notFound, field: "kind", zh: "没有这种导出", en: "There is no such export")
        }
        let pairing = try await page.query["pairing"].asyncMap { try await repository.resolvePairing($0) }
        let options = SpreadsheetOptions(pairing: pairing, language: page.language)
        let path = PageDownload.temporaryPath(file.format)
        do {
            switch (InterchangeKind(rawValue: file.name), file.format) {
            case (nil, .xlsx): try await repository.exportProgressXLSX(to: path, options: options)
            case (.some(let kind), .xlsx): try await repository.exportXLSX(kind, to: path, options: options)
            case (.some(let kind), .csv): try await PageDownload.writeCSV(to: path) { sink in
                try await repository.exportCSV(kind, options: options, byteOrderMark: true, to: sink)
            }
            case (nil, .csv): throw PageFailure(.notFound, field: "kind", zh: "进展只能导出为 xlsx", en: "Progress is exported as xlsx only")
            }
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
        let label = InterchangeKind(rawValue: file.name)?.labelZH ?? "进展"
        return try PageDownload.stream(path, format: file.format, asciiName: "duikou-\(file.name).\(file.format.rawValue)",
                                       name: "对口合作-\(label).\(file.format.rawValue)")
    }

    /// `GET /template/{period}.xlsx?pairing=`: the round's template (调度表), of one pairing when asked.
    func template(_ page: PageRequest, _ session: PageSession) async throws -> Response {
        guard let file = PageDownload(session.parameters.get("file")), file.format == .xlsx else {
            throw PageFailure(.notFound, field: "period", zh: "没有这种调度表", en: "There is no such template")
        }
        let period = try ReportingPeriod(parsing: file.name, field: "period")
        let pairing = try await page.query["pairing"].asyncMap { try await repository.resolvePairing($0) }
        let path = PageDownload.temporaryPath(.xlsx)
        do {
            _ = try await repository.writeRoundTemplate(period: period, to: path, pairing: pairing, language: page.language)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
        let suffix = pairing.map { "-" + PageDownload.asciiSafe($0) } ?? ""
        let name = "调度表-\(period)" + (pairing.map { "-" + session.pairingName($0, .zh) } ?? "") + ".xlsx"
        return try PageDownload.stream(path, format: .xlsx, asciiName: "duikou-template-\(period)\(suffix).xlsx", name: name)
    }
}

/// A file asked for by the last part of a download's path: a name from a fixed list (or a period)
/// and a format; anything else is refused before any file is touched. The file itself is always a
/// new temporary file with a random name, never a path built from the request.
struct PageDownload {
    enum Format: String {
        case xlsx, csv

        var contentType: String {
            switch self {
            case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            case .csv: "text/csv; charset=utf-8"
            }
        }
    }

    /// The kinds `/export/` serves.
    static let exportKinds = InterchangeKind.allCases.map(\.rawValue) + ["progress"]

    let name: String
    let format: Format

    init?(_ file: String?) {
        guard let file, let dot = file.lastIndex(of: "."), let format = Format(rawValue: String(file[file.index(after: dot)...])) else { return nil }
        let name = String(file[..<dot])
        guard !name.isEmpty, name.utf8.allSatisfy({ Self.safeByte($0) }) else { return nil }
        self.name = name
        self.format = format
    }

    private static func safeByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"): true
        default: false
        }
    }

    /// The text with every character but ASCII letters, digits, `-`, `.` and `_` made `_`.
    static func asciiSafe(_ text: String) -> String {
        String(text.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-._".unicodeScalars.contains(scalar)) ? Character(scalar) : "_"
        })
    }

    /// A new path in the temporary folder, of a random name.
    static func temporaryPath(_ format: Format) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("duikou-download-\(UUID().uuidString).\(format.rawValue)").path
    }

    /// Writes what the export hands its sink to the file at `path`, as UTF-8.
    static func writeCSV(to path: String, _ export: (@escaping @Sendable (String) throws -> Void) async throws -> Int) async throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw DuikouError(.io, "cannot write the temporary file \(path)")
        }
        let writer = LockedHandle(handle)
        defer { try? handle.close() }
        _ = try await export { text in try writer.write(Data(text.utf8)) }
    }

    /// The file as the response's body, streamed in chunks, with its type and a
    /// `Content-Disposition` naming it in ASCII and, for every browser that reads it, in UTF-8
    /// (RFC 5987). The file is unlinked as soon as it is open, so nothing is left behind whatever
    /// becomes of the response.
    static func stream(_ path: String, format: Format, asciiName: String, name: String) throws -> Response {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            try? FileManager.default.removeItem(atPath: path)
            throw DuikouError(.io, "cannot read the temporary file \(path)")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        try? FileManager.default.removeItem(atPath: path)
        let reader = LockedHandle(handle)
        let body = ResponseBody(contentLength: size) { writer in
            defer { reader.close() }
            while let chunk = try reader.read(), !chunk.isEmpty {
                try await writer.write(ByteBuffer(bytes: chunk))
            }
            try await writer.finish(nil)
        }
        let disposition = "attachment; filename=\"\(asciiName)\"; filename*=UTF-8''\(PageForm.escape(name))"
        return Response(status: .ok, headers: [.contentType: format.contentType, .contentDisposition: disposition, .cacheControl: "no-store"], body: body)
    }
}

/// A file handle used from one task at a time, behind a lock so that it may cross into `@Sendable`
/// closures.
final class LockedHandle: @unchecked Sendable {
    private let handle: FileHandle
    private let lock = NSLock()

    init(_ handle: FileHandle) { self.handle = handle }

    func write(_ data: Data) throws { try lock.withLock { try handle.write(contentsOf: data) } }

    /// The next chunk of up to 64 KiB, or `nil` at the end.
    func read() throws -> Data? { try lock.withLock { try handle.read(upToCount: 64 * 1024) } }

    func close() { lock.withLock { try? handle.close() } }
}
