import Foundation

/// One record of a CSV file: its fields, the physical line it starts on, and what was wrong with it.
struct CSVRecord {
    /// The 1-based physical line where the record starts (a quoted field may span several lines).
    let line: Int
    let fields: [String]
    /// Problems found while reading the record; its fields are unreliable when there are any.
    let problems: [String]

    /// Whether every field is empty: a blank line or a row of bare commas, which imports skip.
    var isBlank: Bool { fields.allSatisfy(\.isEmpty) }
}

/// Reads an RFC 4180 CSV file a chunk at a time, so that memory stays flat however large the file.
///
/// Accepts UTF-8 with or without a byte-order mark, LF or CRLF line ends, and quoted fields holding
/// commas, quotes (doubled) and line breaks. Malformed input never stops the reader: a stray quote,
/// text after a closing quote, invalid UTF-8, a NUL byte or an over-long field is reported as a
/// problem of its record, and reading goes on with the next one.
final class CSVReader {
    /// The longest field accepted; longer ones are reported rather than kept.
    static let maximumFieldBytes = 1 << 20

    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private(set) var bytesRead: Int64 = 0
    private var line = 1
    private var startedFile = false

    /// Opens `path` for reading.
    ///
    /// - Throws: ``DuikouError/Code/notFound`` when there is no such file, ``DuikouError/Code/io``
    ///   when it cannot be read (a directory, no permission).
    init(path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DuikouError(.notFound, "\(DuikouError.quoted(path)): no such file")
        }
        guard !isDirectory.boolValue, let handle = FileHandle(forReadingAtPath: path) else {
            throw DuikouError(.io, "\(DuikouError.quoted(path)): cannot be read as a file")
        }
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// The next record, or `nil` at the end of the file.
    func next() throws -> CSVRecord? {
        try skipByteOrderMark()
        guard try peek() != nil else { return nil }
        let start = line
        var fields: [String] = []
        var problems: [String] = []
        var field: [UInt8] = []
        var tooLong = false
        var strayQuote = false

        func finishField() {
            let column = fields.count + 1
            if strayQuote {
                problems.append("field \(column) has a stray quote; quote the whole field and double quotes inside it")
            }
            if tooLong {
                // Cut at the cap, possibly inside a character: only the length is worth reporting.
                problems.append("field \(column) is longer than \(Self.maximumFieldBytes / (1 << 20)) MiB")
                fields.append("")
            } else if let text = String(validating: field, as: UTF8.self) {
                if field.contains(0) { problems.append("field \(column) contains a NUL byte") }
                fields.append(text)
            } else {
                problems.append("field \(column) is not valid UTF-8 (save the file as UTF-8)")
                fields.append(String(decoding: field, as: UTF8.self))
            }
            field.removeAll(keepingCapacity: true)
            tooLong = false
            strayQuote = false
        }
        func append(_ byte: UInt8) {
            if field.count < Self.maximumFieldBytes { field.append(byte) } else { tooLong = true }
        }

        var quoted = false
        var afterClosingQuote = false
        while let byte = try take() {
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if try peek() == UInt8(ascii: "\"") {
                        _ = try take()
                        append(byte)
                    } else {
                        quoted = false
                        afterClosingQuote = true
                    }
                } else {
                    if byte == UInt8(ascii: "\n") {
                        line += 1
                    } else if byte == UInt8(ascii: "\r"), try peek() != UInt8(ascii: "\n") {
                        line += 1
                    }
                    append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                finishField()
                afterClosingQuote = false
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                if byte == UInt8(ascii: "\r"), try peek() == UInt8(ascii: "\n") { _ = try take() }
                line += 1
                finishField()
                return CSVRecord(line: start, fields: fields, problems: problems)
            case UInt8(ascii: "\""):
                if field.isEmpty && !afterClosingQuote {
                    quoted = true
                } else {
                    strayQuote = true
                    append(byte)
                }
            default:
                if afterClosingQuote {
                    problems.append("field \(fields.count + 1) has text after its closing quote")
                    afterClosingQuote = false
                }
                append(byte)
            }
        }
        if quoted {
            problems.append("a quoted field starting here never closes (is the file truncated?)")
        }
        finishField()
        return CSVRecord(line: start, fields: fields, problems: problems)
    }

    private func skipByteOrderMark() throws {
        guard !startedFile else { return }
        startedFile = true
        try fill()
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
    }

    private func peek() throws -> UInt8? {
        if position >= buffer.count { try fill() }
        return position < buffer.count ? buffer[position] : nil
    }

    private func take() throws -> UInt8? {
        guard let byte = try peek() else { return nil }
        position += 1
        return byte
    }

    private func fill() throws {
        guard !atEnd, position >= buffer.count else { return }
        let chunk: Data?
        do {
            chunk = try handle.read(upToCount: 1 << 16)
        } catch {
            throw DuikouError(.io, "reading the file failed: \(error.localizedDescription)")
        }
        guard let chunk, !chunk.isEmpty else {
            atEnd = true
            buffer = []
            position = 0
            return
        }
        bytesRead += Int64(chunk.count)
        buffer = Array(chunk)
        position = 0
    }
}
