#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One record of a CSV file: its fields, the physical line it starts on, and what was wrong with it.
struct CSVRecord {
    /// The 1-based physical line where the record starts (a quoted field may span several lines).
    let line: Int
    let fields: [String]
    /// Problems found while reading the record; its fields are unreliable when there are any.
    let problems: [String]
    /// Problems of single fields (a spreadsheet's cells), by 0-based field position.
    var fieldProblems: [FieldProblem] = []

    /// A problem of one field.
    struct FieldProblem {
        let field: Int
        let message: String
    }

    /// Whether every field is empty: a blank line or a row of bare commas, which imports skip.
    var isBlank: Bool { fields.allSatisfy(\.isEmpty) }

    /// The record without its last field: a spreadsheet header's trailing formatted empty cell.
    func droppingLastField() -> CSVRecord {
        CSVRecord(line: line, fields: Array(fields.dropLast()), problems: problems, fieldProblems: fieldProblems)
    }
}

/// Reads an RFC 4180 CSV file a chunk at a time, so that memory stays flat however large the file.
///
/// Accepts UTF-8 with or without a byte-order mark, LF or CRLF line ends, and quoted fields holding
/// commas, quotes (doubled) and line breaks. Malformed input never stops the reader: a stray quote,
/// text after a closing quote, invalid UTF-8, a NUL byte or an over-long field is reported as a
/// problem of its record, and reading goes on with the next one.
///
/// The reader does not take ordinary bytes one at a time: it skips to the next byte that means
/// something (a comma, quote or line break), eight bytes at a time, and takes the run before it whole.
/// A field is decoded straight from the chunk; only one split by a chunk boundary or a doubled quote
/// is copied first.
final class CSVReader {
    /// The longest field accepted; longer ones are reported rather than kept.
    static let maximumFieldBytes = 1 << 20
    /// How much of the file is read at a time.
    private static let chunkSize = 1 << 16

    /// The open file.
    private let descriptor: Int32
    /// The chunk of the file being read: `chunk[position..<count]` is still to be read.
    private let chunk: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var position = 0
    private var atEnd = false
    private(set) var bytesRead: Int64 = 0
    private var line = 1
    private var startedFile = false
    /// How many fields the last record had, so that the next record's array is sized once.
    private var lastFieldCount = 0

    /// Opens `path` for reading.
    ///
    /// - Throws: ``DuikouError/Code/notFound`` when there is no such file, ``DuikouError/Code/io``
    ///   when it cannot be read (a directory, no permission).
    init(path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR {
                throw DuikouError(.notFound, "\(DuikouError.quoted(path)): no such file")
            }
            throw DuikouError(.io, "\(DuikouError.quoted(path)): cannot be read as a file (\(String(cString: strerror(errno))))")
        }
        guard info.st_mode & S_IFMT != S_IFDIR else {
            throw DuikouError(.io, "\(DuikouError.quoted(path)): cannot be read as a file (it is a directory)")
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw DuikouError(.io, "\(DuikouError.quoted(path)): cannot be read as a file (\(String(cString: strerror(errno))))")
        }
        self.descriptor = descriptor
        chunk = .allocate(capacity: Self.chunkSize)
    }

    deinit {
        close(descriptor)
        chunk.deallocate()
    }

    /// The next record, or `nil` at the end of the file.
    func next() throws -> CSVRecord? {
        try skipByteOrderMark()
        var record = RecordBuilder(line: line, expectedFieldCount: lastFieldCount)
        guard try peek(keeping: &record.field) != nil else { return nil }
        var quoted = false
        var afterClosingQuote = false
        while try peek(keeping: &record.field) != nil {
            let start = position
            position = endOfRun(from: start, quoted: quoted)
            if position > start {
                if afterClosingQuote {
                    record.problems.append("field \(record.fields.count + 1) has text after its closing quote")
                    afterClosingQuote = false
                }
                record.field.append(start..<position, of: chunk)
                if position == count { continue }   // the run may go on in the next chunk
            }
            let byte = chunk[position]
            position += 1
            if quoted {
                switch byte {
                case Byte.quote:
                    if try peek(keeping: &record.field) == Byte.quote {
                        record.field.append(position..<position + 1, of: chunk)
                        position += 1
                    } else {
                        quoted = false
                        afterClosingQuote = true
                    }
                case Byte.lineFeed:
                    line += 1
                    record.field.append(position - 1..<position, of: chunk)
                default:   // a carriage return, which is a line break unless a line feed follows
                    record.field.append(position - 1..<position, of: chunk)
                    if try peek(keeping: &record.field) != Byte.lineFeed { line += 1 }
                }
                continue
            }
            switch byte {
            case Byte.comma:
                record.finishField(in: chunk)
                afterClosingQuote = false
            case Byte.quote:
                if record.field.isEmpty && !afterClosingQuote {
                    quoted = true
                } else {
                    record.field.strayQuote = true
                    record.field.append(position - 1..<position, of: chunk)
                }
            default:   // a line feed or carriage return: the end of the record
                record.finishField(in: chunk)
                if byte == Byte.carriageReturn, try peek(keeping: &record.field) == Byte.lineFeed { position += 1 }
                line += 1
                return finish(record)
            }
        }
        if quoted {
            record.problems.append("a quoted field starting here never closes (is the file truncated?)")
        }
        record.finishField(in: chunk)
        return finish(record)
    }

    /// The record read, remembering its number of fields for the next one.
    private func finish(_ record: RecordBuilder) -> CSVRecord {
        lastFieldCount = record.fields.count
        return CSVRecord(line: record.line, fields: record.fields, problems: record.problems)
    }

    /// Where the run of ordinary bytes from `start` ends: at the first comma (outside quotes), quote or
    /// line break, or at the end of the chunk.
    ///
    /// Looks at eight bytes at a time while none of them ends the run, which is most of the time.
    private func endOfRun(from start: Int, quoted: Bool) -> Int {
        let (chunk, count) = (chunk, count)   // locals, which the loops keep in registers
        var index = start
        while index + 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(chunk + index).loadUnaligned(as: UInt64.self))
            if Byte.mayHoldStop(word) {
                let stops = Byte.stops(in: word, quoted: quoted)
                if stops != 0 { return index + stops.trailingZeroBitCount / 8 }
            }
            index += 8
        }
        while index < count, !Byte.isStop(chunk[index], quoted: quoted) { index += 1 }
        return index
    }

    /// Reads the first chunk and steps over a byte-order mark at its start, the first time only.
    private func skipByteOrderMark() throws {
        guard !startedFile else { return }
        startedFile = true
        try fill()
        if count >= 3, chunk[0] == 0xEF, chunk[1] == 0xBB, chunk[2] == 0xBF { position = 3 }
    }

    /// The byte at `position`, reading the next chunk when this one is used up; `nil` at the end of the
    /// file.
    private func peek(keeping field: inout FieldBytes) throws -> UInt8? {
        if position >= count { try nextChunk(keeping: &field) }
        return position < count ? chunk[position] : nil
    }

    /// Reads the next chunk over this one, after copying out the bytes of `field` still in it.
    private func nextChunk(keeping field: inout FieldBytes) throws {
        field.copyRun(from: chunk)
        try fill()
    }

    /// Reads the next chunk of the file once this one is used up, or notes the end of the file.
    private func fill() throws {
        guard !atEnd, position >= count else { return }
        var got = 0
        repeat {
            got = read(descriptor, chunk, Self.chunkSize)
        } while got < 0 && errno == EINTR
        guard got >= 0 else {
            throw DuikouError(.io, "reading the file failed: \(String(cString: strerror(errno)))")
        }
        position = 0
        count = got
        atEnd = got == 0
        bytesRead += Int64(got)
    }
}

/// The bytes that mean something to the reader, and how to find them.
private enum Byte {
    static let comma = UInt8(ascii: ",")
    static let quote = UInt8(ascii: "\"")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    /// Whether `byte` ends a run of ordinary bytes: inside quotes a comma is data, but a quote is not,
    /// and a line break is looked at to count it.
    static func isStop(_ byte: UInt8, quoted: Bool) -> Bool {
        byte == quote || byte == lineFeed || byte == carriageReturn || (!quoted && byte == comma)
    }

    /// Whether `word` may hold a byte that ends a run: one below `-` (0x2D), as all of them are. Most
    /// words, of letters, digits or Chinese, hold none, and this is cheaper than ``stops(in:quoted:)``.
    static func mayHoldStop(_ word: UInt64) -> Bool {
        // Subtracting 0x2D from a byte below it borrows, setting its high bit (see ``marks(of:in:)``).
        (word &- (lowBits &* 0x2D)) & ~word & highBits != 0
    }

    /// The bytes of `word` (the first in the lowest bits) that end a run, each marked by its high bit.
    /// The lowest mark is always right; a mark above it may not be.
    static func stops(in word: UInt64, quoted: Bool) -> UInt64 {
        let stops = marks(of: quote, in: word) | marks(of: lineFeed, in: word) | marks(of: carriageReturn, in: word)
        return quoted ? stops : stops | marks(of: comma, in: word)
    }

    private static let lowBits: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The bytes of `word` equal to `byte`, marked by their high bit. XOR turns them into zero bytes;
    /// subtracting 1 from every byte sets the high bit of a zero byte only, or, by the borrow it leaves,
    /// of a byte above one.
    private static func marks(of byte: UInt8, in word: UInt64) -> UInt64 {
        let zeroWhereEqual = word ^ (lowBits &* UInt64(byte))
        return (zeroWhereEqual &- lowBits) & ~zeroWhereEqual & highBits
    }
}

/// The bytes of the field being read, and what is wrong with them so far.
///
/// The field's latest bytes stay in the reader's chunk, as `run`; they are copied out only when the
/// field goes on past the chunk, or past a byte that is not part of it (the first of doubled quotes,
/// a closing quote with text after it).
private struct FieldBytes {
    /// The field's bytes that came before `run`.
    private var copied: [UInt8] = []
    /// Where the field's latest bytes are in the chunk.
    private var run = 0..<0
    /// Whether bytes past ``CSVReader/maximumFieldBytes`` were dropped.
    private(set) var tooLong = false
    /// Whether a quote was found in the field other than around it.
    var strayQuote = false

    /// Whether nothing was added to the field yet: a quote here opens a quoted field.
    var isEmpty: Bool { run.isEmpty && copied.isEmpty && !tooLong }

    /// Adds `chunk[range]` to the field, unless that would take it past ``CSVReader/maximumFieldBytes``:
    /// then the field is too long, and what it keeps no longer matters.
    mutating func append(_ range: Range<Int>, of chunk: UnsafeMutablePointer<UInt8>) {
        guard !tooLong else { return }
        guard copied.count + run.count + range.count <= CSVReader.maximumFieldBytes else {
            tooLong = true
            return
        }
        if run.isEmpty {
            run = range
        } else if run.upperBound == range.lowerBound {
            run = run.lowerBound..<range.upperBound
        } else {
            copyRun(from: chunk)
            run = range
        }
    }

    /// Copies the field's bytes out of `chunk`, which is about to be overwritten or left behind.
    mutating func copyRun(from chunk: UnsafeMutablePointer<UInt8>) {
        guard !run.isEmpty else { return }
        copied.append(contentsOf: UnsafeBufferPointer(start: chunk + run.lowerBound, count: run.count))
        run = 0..<0
    }

    /// The field as text, and what is wrong with its bytes (to follow "field N "), if anything.
    mutating func decode(in chunk: UnsafeMutablePointer<UInt8>) -> (text: String, problem: String?) {
        guard !copied.isEmpty else {
            return Self.decode(UnsafeBufferPointer(start: chunk + run.lowerBound, count: run.count))
        }
        copyRun(from: chunk)
        return copied.withUnsafeBufferPointer(Self.decode)
    }

    /// Empties the field for the next one, keeping the memory it holds.
    mutating func reset() {
        if !copied.isEmpty { copied.removeAll(keepingCapacity: true) }
        run = 0..<0
        tooLong = false
        strayQuote = false
    }

    /// `bytes` as text, and what is wrong with them, if anything; invalid UTF-8 is repaired.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: String, problem: String?) {
        guard let text = validUTF8(bytes) else {
            return (String(decoding: bytes, as: UTF8.self), "is not valid UTF-8 (save the file as UTF-8)")
        }
        return (text, containsNul(bytes) ? "contains a NUL byte" : nil)
    }

    /// Whether `bytes` hold a NUL byte; `memchr` looks at many bytes at a time, where `contains(0)`
    /// takes them one by one.
    private static func containsNul(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = bytes.baseAddress else { return false }
        return memchr(start, 0, bytes.count) != nil
    }

    /// `bytes` as text, or `nil` when they are not valid UTF-8.
    private static func validUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if #available(macOS 26, *) {
            // `String(validating:as:)` makes the same checks, but through a generic path that costs
            // two to three times as much for a field of a few dozen bytes.
            guard let text = try? UTF8Span(validating: bytes.span) else { return nil }
            return String(copying: text)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}

/// The record being read: the fields finished so far, the field under way, and the problems found.
private struct RecordBuilder {
    /// The line the record starts on.
    let line: Int
    var fields: [String] = []
    var problems: [String] = []
    var field = FieldBytes()

    /// Starts a record on `line`, with room for as many fields as the last one had.
    init(line: Int, expectedFieldCount: Int) {
        self.line = line
        fields.reserveCapacity(expectedFieldCount)
    }

    /// Turns the field under way into text, reporting what is wrong with it, and starts the next one.
    mutating func finishField(in chunk: UnsafeMutablePointer<UInt8>) {
        let column = fields.count + 1
        if field.strayQuote {
            problems.append("field \(column) has a stray quote; quote the whole field and double quotes inside it")
        }
        if field.tooLong {
            // Cut at the cap, possibly inside a character: only the length is worth reporting.
            problems.append("field \(column) is longer than \(CSVReader.maximumFieldBytes / (1 << 20)) MiB")
            fields.append("")
        } else {
            let (text, problem) = field.decode(in: chunk)
            if let problem { problems.append("field \(column) \(problem)") }
            fields.append(text)
        }
        field.reset()
    }
}
