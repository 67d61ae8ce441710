import Foundation
import Testing
import DuikouDemo
@testable import DuikouKit

/// The RFC 4180 reader behind `duikou import`: quoting, line ends, line numbers, malformed input
/// reported per record, chunk boundaries, and a seeded fuzz over mutated project files. The reader
/// is also held to a byte-by-byte reference (``ReferenceCSVReader``) on hostile and random files.
@Suite struct CSVReaderTests {
    /// A temporary folder for the test's files (and a database, for the fuzz test).
    private let scratch: TemporaryDatabase

    init() throws {
        scratch = try TemporaryDatabase()
    }

    // MARK: - Helpers

    /// Writes `bytes` to a fresh file in the scratch folder and returns its path.
    private func file(_ bytes: [UInt8], name: String = "input.csv") throws -> String {
        let path = scratch.folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Reads every record of `bytes`; a hard limit on the number of records guards against a reader
    /// that would never reach the end.
    private func records(_ bytes: [UInt8]) throws -> [CSVRecord] {
        let reader = try CSVReader(path: try file(bytes))
        var records: [CSVRecord] = []
        while let record = try reader.next() {
            records.append(record)
            if records.count > bytes.count + 1 {
                Issue.record("the reader returned more records than the file has bytes")
                break
            }
        }
        return records
    }

    private func records(_ text: String) throws -> [CSVRecord] {
        try records(Array(text.utf8))
    }

    /// Reads `bytes` with CSVReader and with ``ReferenceCSVReader``, and expects the same records: the
    /// same lines, fields (byte for byte), problems, and `bytesRead` after each one. Stops at the
    /// first difference, which it records with `context`.
    private func expectSameAsReference(
        _ bytes: [UInt8], _ context: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let reader = try CSVReader(path: try file(bytes))
        var reference = ReferenceCSVReader(bytes)
        for index in 0...(bytes.count + 1) {
            let record = try reader.next()
            let expected = reference.next()
            guard let record, let expected else {
                if record != nil || expected != nil {
                    let first = record == nil ? "CSVReader" : "the reference"
                    Issue.record("\(context()): record \(index + 1): \(first) ended first", sourceLocation: sourceLocation)
                }
                #expect(reader.bytesRead == Int64(bytes.count), "\(context())", sourceLocation: sourceLocation)
                return
            }
            let fields = record.fields.map { Array($0.utf8) }
            guard record.line == expected.line, fields == expected.fields, record.problems == expected.problems,
                  reader.bytesRead == reference.bytesRead else {
                Issue.record("""
                    \(context()): record \(index + 1) differs from the reference
                      read:     line \(record.line), \(Self.describe(fields)), \(record.problems), bytesRead \(reader.bytesRead)
                      expected: line \(expected.line), \(Self.describe(expected.fields)), \(expected.problems), bytesRead \(reference.bytesRead)
                    """, sourceLocation: sourceLocation)
                return
            }
        }
        Issue.record("\(context()): more records than the file has bytes", sourceLocation: sourceLocation)
    }

    /// Fields for a failure message: short ones as text, long ones by length.
    private static func describe(_ fields: [[UInt8]]) -> String {
        fields.map { $0.count <= 40 ? String(reflecting: String(decoding: $0, as: UTF8.self)) : "<\($0.count) bytes>" }
            .joined(separator: ", ")
    }

    // MARK: - Quoting

    @Test func quotedCommasAndDoubledQuotes() throws {
        let read = try records("a,\"b,c\",\"say \"\"hi\"\"\",\"\"\"\",d\n")
        #expect(read.count == 1)
        #expect(read.first?.fields == ["a", "b,c", "say \"hi\"", "\"", "d"])
        #expect(read.first?.problems == [])
        #expect(read.first?.line == 1)
    }

    @Test func emptyFieldsAndTrailingComma() throws {
        let read = try records("a,,b\n,,\n\"\",x,\nlast,\n")
        #expect(read.map(\.fields) == [["a", "", "b"], ["", "", ""], ["", "x", ""], ["last", ""]])
        #expect(read.map(\.line) == [1, 2, 3, 4])
        #expect(read.allSatisfy { $0.problems.isEmpty })
        #expect(read.map(\.isBlank) == [false, true, false, false])
    }

    @Test func blankLineIsOneBlankRecord() throws {
        let read = try records("a,b\n\nc,d\n")
        #expect(read.map(\.fields) == [["a", "b"], [""], ["c", "d"]])
        #expect(read.map(\.line) == [1, 2, 3])
        #expect(read[1].isBlank)
    }

    // MARK: - Line ends

    @Test func crlfLfAndLoneCrLineEnds() throws {
        let read = try records("a,b\r\nc,d\ne,f\rg,h\r\n")
        #expect(read.map(\.fields) == [["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]])
        #expect(read.map(\.line) == [1, 2, 3, 4])
        #expect(read.allSatisfy { $0.problems.isEmpty })
    }

    @Test func lastRecordWithoutFinalLineBreak() throws {
        let read = try records("a,b\nc,d")
        #expect(read.map(\.fields) == [["a", "b"], ["c", "d"]])
        #expect(read.map(\.line) == [1, 2])
        // A final line break does not make an extra, empty record.
        #expect(try records("a,b\n").map(\.fields) == [["a", "b"]])
        #expect(try records("a,b\r\n").map(\.fields) == [["a", "b"]])
        #expect(try records("only").map(\.fields) == [["only"]])
    }

    @Test func emptyFileHasNoRecords() throws {
        #expect(try records([]).isEmpty)
        // A byte-order mark alone is an empty file too.
        #expect(try records([0xEF, 0xBB, 0xBF]).isEmpty)
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let read = try records([0xEF, 0xBB, 0xBF] + Array("id,名称\r\n1,哈尔滨\r\n".utf8))
        #expect(read.map(\.fields) == [["id", "名称"], ["1", "哈尔滨"]])
        #expect(read.first?.fields.first?.unicodeScalars.first == "i")
        #expect(read.map(\.line) == [1, 2])
        // Only a mark at the very start is skipped; elsewhere it is data.
        let inside = try records(Array("a,\u{FEFF}b\n".utf8))
        #expect(inside.first?.fields == ["a", "\u{FEFF}b"])
    }

    // MARK: - Line numbers

    @Test func multiLineQuotedFieldsKeepLaterLineNumbersRight() throws {
        let text = "h1,h2\n1,\"x\ny\"\n2,\"p\r\nq\r\nr\"\r\n3,\"\"\n4,\"a,\n\n\nb\"\n5,end"
        let read = try records(text)
        #expect(read.map(\.fields) == [["h1", "h2"], ["1", "x\ny"], ["2", "p\r\nq\r\nr"], ["3", ""], ["4", "a,\n\n\nb"], ["5", "end"]])
        // Physical lines: 1 header; 2-3 record 1; 4-6 record 2; 7 record 3; 8-11 record 4; 12 record 5.
        #expect(read.map(\.line) == [1, 2, 4, 7, 8, 12])
        #expect(read.allSatisfy { $0.problems.isEmpty })
    }

    /// A file with old-Mac lone-CR line ends, whose quoted field holds a lone CR too: the reader takes a
    /// lone CR as a line end between records, so it is a line break inside a quoted field as well.
    @Test func loneCrInsideQuotedFieldCountsAsALine() throws {
        let read = try records("h1,h2\r1,\"x\ry\"\r2,z\r")
        #expect(read.map(\.fields) == [["h1", "h2"], ["1", "x\ry"], ["2", "z"]])
        // Lines: 1 header, 2 `1,"x`, 3 `y"`, 4 `2,z`.
        #expect(read.map(\.line) == [1, 2, 4])
    }

    // MARK: - Malformed input

    @Test func strayQuoteIsAProblemOfItsRecordAndReadingGoesOn() throws {
        let read = try records("a,b\"c,d\nnext,ok\n")
        #expect(read.count == 2)
        #expect(read[0].line == 1)
        #expect(read[0].problems.count == 1)
        #expect(read[0].problems.first?.contains("field 2") == true)
        #expect(read[0].problems.first?.contains("stray quote") == true)
        #expect(read[1].fields == ["next", "ok"])
        #expect(read[1].line == 2)
        #expect(read[1].problems.isEmpty)
    }

    /// One field full of stray quotes is one problem, not one per quote: a hostile or broken file
    /// must not make the reader keep a message per byte.
    @Test func manyStrayQuotesInOneFieldAreOneProblem() throws {
        let field = String(repeating: "x\"", count: 10_000)
        let read = try records("a," + field + "\nnext\n")
        #expect(read.count == 2)
        #expect(read[0].problems.count == 1, "got \(read[0].problems.count) problems")
        #expect(read[1].fields == ["next"])
        #expect(read[1].problems.isEmpty)
    }

    @Test func textAfterClosingQuote() throws {
        let read = try records("\"ab\"c,d\n\"ok\",e\n")
        #expect(read.count == 2)
        #expect(read[0].problems == ["field 1 has text after its closing quote"])
        #expect(read[1].fields == ["ok", "e"])
        #expect(read[1].problems.isEmpty)
        #expect(read[1].line == 2)
        // A space after the closing quote is text too.
        #expect(try records("\"a\" ,b\n")[0].problems.count == 1)
    }

    @Test func unclosedQuoteAtEndOfFile() throws {
        let read = try records("a,b\n1,\"open\nmore, and more\n")
        #expect(read.count == 2)
        #expect(read[1].line == 2)
        #expect(read[1].problems.count == 1)
        #expect(read[1].problems.first?.contains("never closes") == true)
        #expect(read[0].problems.isEmpty)
    }

    @Test func invalidUTF8IsAProblemOfItsField() throws {
        let bytes = Array("a,".utf8) + [0xFF, 0xFE] + Array("\nb,\u{4E2D}".utf8) + [0xE4, 0xB8] + Array("\nc,d\n".utf8)
        let read = try records(bytes)
        #expect(read.count == 3)
        #expect(read[0].problems.count == 1)
        #expect(read[0].problems.first?.contains("field 2 is not valid UTF-8") == true)
        #expect(read[0].fields.count == 2)
        // A truncated character (the first two bytes of 中) is invalid too.
        #expect(read[1].problems.count == 1)
        #expect(read[1].problems.first?.contains("field 2 is not valid UTF-8") == true)
        #expect(read[2].fields == ["c", "d"])
        #expect(read[2].problems.isEmpty)
        #expect(read.map(\.line) == [1, 2, 3])
    }

    @Test func nulByteIsAProblemOfItsField() throws {
        let bytes = Array("a,b".utf8) + [0x00] + Array("c,d\n\"x".utf8) + [0x00] + Array("\",y\nok\n".utf8)
        let read = try records(bytes)
        #expect(read.count == 3)
        #expect(read[0].problems == ["field 2 contains a NUL byte"])
        #expect(read[1].problems == ["field 1 contains a NUL byte"])
        #expect(read[2].fields == ["ok"])
        #expect(read[2].problems.isEmpty)
    }

    @Test func tenMegabyteFieldIsReportedAsTooLongAndNotKept() throws {
        let big = [UInt8](repeating: UInt8(ascii: "x"), count: 10 * 1024 * 1024)
        let bytes = Array("h1,h2\n1,".utf8) + big + Array("\n2,after\n".utf8)
        let read = try records(bytes)
        #expect(read.count == 3)
        #expect(read[1].line == 2)
        #expect(read[1].problems == ["field 2 is longer than 1 MiB"])
        // What is kept of the field stops at the cap.
        #expect(read[1].fields.count == 2)
        #expect((read[1].fields.last?.utf8.count ?? .max) <= CSVReader.maximumFieldBytes)
        #expect(read[2].fields == ["2", "after"])
        #expect(read[2].line == 3)
        #expect(read[2].problems.isEmpty)
    }

    @Test func tooLongQuotedFieldKeepsCountingLines() throws {
        // 1.1 MB of quoted text, a line break every 1,024 bytes: the next record's line must still be right.
        let line = [UInt8](repeating: UInt8(ascii: "y"), count: 1_023) + [UInt8(ascii: "\n")]
        let lines = 1_100
        let bytes = Array("h\n\"".utf8) + Array(Array(repeating: line, count: lines).joined()) + Array("\"\nnext\n".utf8)
        let read = try records(bytes)
        #expect(read.count == 3)
        #expect(read[1].problems == ["field 1 is longer than 1 MiB"])
        #expect(read[2].fields == ["next"])
        #expect(read[2].line == 2 + lines + 1)   // the closing quote sits on a line of its own
    }

    /// An over-long field of valid Chinese text is cut at the cap, possibly inside a character; that is
    /// still only "too long", not "not valid UTF-8" (which would send the user to re-save a file that is fine).
    @Test func tooLongChineseFieldIsOnlyTooLong() throws {
        let chinese = String(repeating: "中", count: 360_000)   // 1.08 MB; 1 MiB is not a multiple of 3 bytes
        let read = try records("h\n" + chinese + "\nnext\n")
        #expect(read.count == 3)
        #expect(read[1].problems == ["field 1 is longer than 1 MiB"])
        #expect(read[2].fields == ["next"])
    }

    // MARK: - Chunk boundaries

    /// The reader takes the file 64 KiB at a time; characters cut by a chunk boundary must come out whole.
    @Test(arguments: [("中", 1), ("中", 2), ("🚀", 1), ("🚀", 2), ("🚀", 3), ("é", 1)])
    func multiByteCharacterAcrossChunkBoundary(character: String, bytesBeforeBoundary: Int) throws {
        let boundary = 1 << 16
        let header = "名称,备注\n"
        let padding = boundary - header.utf8.count - bytesBeforeBoundary - 2   // 2 for `x,`
        let field = String(repeating: "a", count: padding) + character + "哈尔滨🇨🇳"
        let text = header + "x," + field + "\n末,尾\n"
        let bytes = Array(text.utf8)
        // The character starts `bytesBeforeBoundary` bytes before the boundary.
        let start = header.utf8.count + 2 + padding
        #expect(start == boundary - bytesBeforeBoundary)
        #expect(Array(bytes[start..<start + character.utf8.count]) == Array(character.utf8))
        let read = try records(bytes)
        #expect(read.map(\.fields) == [["名称", "备注"], ["x", field], ["末", "尾"]])
        #expect(read.allSatisfy { $0.problems.isEmpty })
        #expect(read.map(\.line) == [1, 2, 3])
    }

    @Test func crlfSplitAcrossChunkBoundaryIsOneLineEnd() throws {
        let boundary = 1 << 16
        let first = "a," + String(repeating: "b", count: boundary - 3)   // the CR is the last byte of the first chunk
        let bytes = Array((first + "\r\nc,d\r\n").utf8)
        #expect(bytes[boundary - 1] == 0x0D && bytes[boundary] == 0x0A)
        let read = try records(bytes)
        #expect(read.map(\.fields) == [["a", String(repeating: "b", count: boundary - 3)], ["c", "d"]])
        #expect(read.map(\.line) == [1, 2])
    }

    @Test func doubledQuoteSplitAcrossChunkBoundary() throws {
        let boundary = 1 << 16
        let prefix = "\"" + String(repeating: "q", count: boundary - 2)   // the first quote of `""` ends the first chunk
        let bytes = Array((prefix + "\"\"tail\",z\nnext\n").utf8)
        #expect(bytes[boundary - 1] == 0x22 && bytes[boundary] == 0x22)
        let read = try records(bytes)
        #expect(read.count == 2)
        #expect(read[0].fields == [String(repeating: "q", count: boundary - 2) + "\"tail", "z"])
        #expect(read[0].problems.isEmpty)
        #expect(read[1].fields == ["next"])
    }

    /// Pieces that the reader must see whole, or must see in the right order, to read them as before.
    private static let boundaryPieces: [(name: String, bytes: [UInt8])] = [
        ("comma", Array(",".utf8)),
        ("quoted comma", Array("\"a,b\"".utf8)),
        ("doubled quote", Array("\"x\"\"y\"".utf8)),
        ("empty quoted field", Array("\"\"".utf8)),
        ("quoted doubled quote", Array("\"\"\"\"".utf8)),
        ("CRLF", Array("\r\n".utf8)),
        ("LF", Array("\n".utf8)),
        ("lone CR", Array("\rz".utf8)),
        ("quoted CRLF", Array("\"p\r\nq\"".utf8)),
        ("quoted lone CR", Array("\"p\rq\"".utf8)),
        ("Chinese", Array("中文".utf8)),
        ("emoji", Array("🚀".utf8)),
        ("flag", Array("🇨🇳".utf8)),
        ("text after closing quote", Array("\"q\"tail".utf8)),
        ("stray quote", Array("a\"b".utf8)),
        ("NUL", Array("a\u{0}b".utf8)),
        ("invalid UTF-8", [0xFF, 0xFE]),
        ("truncated character", [0xE4, 0xB8]),
        ("byte-order mark", [0xEF, 0xBB, 0xBF]),
        ("unclosed quote", Array("\"open".utf8)),
    ]

    /// Each piece placed so that the chunk boundary falls `bytesBeforeBoundary` bytes into it (or,
    /// for 0, just before it): at the start of a field or inside one, before more records or at the
    /// end of the file, after a byte-order mark or not.
    @Test(arguments: 0...5)
    func piecesAcrossChunkBoundaryReadAsByTheReference(bytesBeforeBoundary: Int) throws {
        let boundary = 1 << 16
        for (number, piece) in Self.boundaryPieces.enumerated() {
            for (startsField, endsFile) in [(true, false), (false, false), (true, true), (false, true)] {
                let head = (number % 2 == 0 ? [0xEF, 0xBB, 0xBF] : []) + Array("h1,h2,h3\np,".utf8)
                let padding = boundary - bytesBeforeBoundary - head.count - (startsField ? 1 : 0)
                let before = head + [UInt8](repeating: UInt8(ascii: "x"), count: padding) + (startsField ? Array(",".utf8) : [])
                #expect(before.count == boundary - bytesBeforeBoundary)
                let bytes = before + piece.bytes + (endsFile ? [] : Array(",end\r\nnext,row,\"x\"\n".utf8))
                try expectSameAsReference(
                    bytes, "\(piece.name), \(bytesBeforeBoundary) before the boundary, starts field \(startsField), ends file \(endsFile)")
            }
        }
    }

    // MARK: - Edge cases

    @Test func byteOrderMarkEdgeCases() throws {
        // Part of a mark is data, and not valid UTF-8.
        let partial = try records([0xEF, 0xBB])
        #expect(partial.count == 1)
        #expect(partial.first?.problems == ["field 1 is not valid UTF-8 (save the file as UTF-8)"])
        // A mark then a line break is one blank record; two marks leave the second as data.
        #expect(try records([0xEF, 0xBB, 0xBF, 0x0A]).map(\.fields) == [[""]])
        #expect(try records([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF]).map(\.fields) == [["\u{FEFF}"]])
        // A mark before a quoted field does not stop it opening.
        #expect(try records([0xEF, 0xBB, 0xBF] + Array("\"a,b\",c".utf8)).map(\.fields) == [["a,b", "c"]])
        for bytes: [UInt8] in [[0xEF], [0xEF, 0xBB], [0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBF, 0x0D], [0xBB, 0xBF], [0xEF, 0xBB, 0xBE, 0x2C]] {
            try expectSameAsReference(bytes, "\(bytes)")
        }
    }

    @Test func fieldAtAndJustOverTheMaximumLength() throws {
        let maximum = CSVReader.maximumFieldBytes
        for (length, tooLong) in [(maximum - 1, false), (maximum, false), (maximum + 1, true)] {
            let field = [UInt8](repeating: UInt8(ascii: "m"), count: length)
            let bytes = Array("a,".utf8) + field + Array(",b\nnext\n".utf8)
            let read = try records(bytes)
            #expect(read.map(\.line) == [1, 2])
            #expect(read.first?.problems == (tooLong ? ["field 2 is longer than 1 MiB"] : []), "\(length) bytes")
            #expect(read.first?.fields.map(\.utf8.count) == [1, tooLong ? 0 : length, 1], "\(length) bytes")
            #expect(read.last?.fields == ["next"])
            try expectSameAsReference(bytes, "\(length) bytes")
        }
    }

    /// In a quoted field the cap counts the field's bytes, not the file's: a doubled quote is one.
    @Test func quotedFieldAtAndJustOverTheMaximumLength() throws {
        let maximum = CSVReader.maximumFieldBytes
        for (length, tooLong) in [(maximum, false), (maximum + 1, true)] {
            // A quote, Chinese, a line break, a quote and ASCII: `length` bytes once the quotes are undoubled.
            let chinese = String(repeating: "中", count: (maximum - 100) / 3)
            let content = "\"" + chinese + "\n\"" + String(repeating: "y", count: length - 3 - chinese.utf8.count)
            #expect(content.utf8.count == length)
            let quoted = "\"" + content.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let bytes = Array((quoted + ",z\r\nnext\r\n").utf8)
            let read = try records(bytes)
            #expect(read.map(\.line) == [1, 3])
            #expect(read.first?.problems == (tooLong ? ["field 1 is longer than 1 MiB"] : []), "\(length) bytes")
            #expect(read.first?.fields.first?.utf8.count == (tooLong ? 0 : length), "\(length) bytes")
            #expect(read.first?.fields.last == "z")
            try expectSameAsReference(bytes, "\(length) bytes")
        }
    }

    /// The forms of UTF-8 that look right but are not (overlong, surrogates, past U+10FFFF, cut short,
    /// continuation bytes alone) are reported just as `String(validating:as:)` sees them.
    @Test func nearlyValidUTF8IsReportedAsBefore() throws {
        let sequences: [[UInt8]] = [
            [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xE0, 0xA0, 0x80],
            [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBF],
            [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80],
            [0xF5, 0x80, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xBF], [0xE4, 0xB8], [0xF0, 0x9F, 0x98],
            [0xF0, 0x9F, 0x98, 0x80, 0x80], [0xE4, 0xB8, 0x41], [0x00, 0xFF], [0xFE, 0xFF],
        ]
        var bytes: [UInt8] = []
        for sequence in sequences {
            bytes += Array("x,".utf8) + sequence + Array(",\"".utf8) + sequence + Array("\"\n".utf8)
        }
        let read = try records(bytes)
        #expect(read.count == sequences.count)
        for (record, sequence) in zip(read, sequences) {
            let valid = String(validating: sequence, as: UTF8.self) != nil
            let invalid = ["field 2 is not valid UTF-8 (save the file as UTF-8)", "field 3 is not valid UTF-8 (save the file as UTF-8)"]
            let nul = ["field 2 contains a NUL byte", "field 3 contains a NUL byte"]
            #expect(record.problems == (valid ? (sequence.contains(0) ? nul : []) : invalid), "\(sequence)")
        }
        try expectSameAsReference(bytes, "nearly valid UTF-8")
    }

    // MARK: - Against the reference

    /// Random files made of the pieces that matter to a CSV reader, small ones and ones of a few
    /// chunks, read as the byte-by-byte reference reads them.
    @Test func randomHostileFilesReadAsByTheReference() throws {
        var generator = SeededGenerator(seed: 0xC5F_B0DE)
        let pieces: [[UInt8]] = [
            Array(",".utf8), Array(",".utf8), Array(",".utf8), Array("\"".utf8), Array("\"".utf8), Array("\"\"".utf8),
            Array("\r".utf8), Array("\n".utf8), Array("\n".utf8), Array("\r\n".utf8), Array("\r\n".utf8), [0x00], [0xFF], [0x80],
            [0xE4, 0xB8], [0xEF, 0xBB, 0xBF], Array("中".utf8), Array("哈尔滨".utf8), Array("🚀".utf8), Array("é".utf8),
            Array("a".utf8), Array(" ".utf8), Array("ab".utf8), Array("12.5亿".utf8), Array("\"a,b\"".utf8), Array("\"x\"\"y\"".utf8),
        ]
        let runs = [Array("a".utf8), Array("中".utf8), Array("🇨🇳".utf8), Array("x y".utf8)]
        for iteration in 0..<240 {
            let large = iteration % 6 == 0
            let size = Int(large ? 65_000 + generator.next(below: 100_000) : generator.next(below: 300))
            var bytes: [UInt8] = generator.next(below: 8) == 0 ? [0xEF, 0xBB, 0xBF] : []
            while bytes.count < size {
                if generator.next(below: 40) == 0 {
                    let run = runs[Int(generator.next(below: UInt64(runs.count)))]
                    bytes += Array(Array(repeating: run, count: 1 + Int(generator.next(below: 1_500))).joined())
                } else {
                    bytes += pieces[Int(generator.next(below: UInt64(pieces.count)))]
                }
            }
            try expectSameAsReference(bytes, "iteration \(iteration), \(bytes.count) bytes")
        }
    }

    // MARK: - Files that are not there

    @Test func missingFileAndFolderAreRefused() throws {
        let missing = scratch.folder.appendingPathComponent("nowhere.csv").path
        let notFound = #expect(throws: DuikouError.self) { _ = try CSVReader(path: missing) }
        #expect(notFound?.code == .notFound)
        let folder = #expect(throws: DuikouError.self) { _ = try CSVReader(path: scratch.folder.path) }
        #expect(folder?.code == .io)
    }

    // MARK: - Fuzz

    private static let fuzzSource = [
        "id,pairing,task,title,status,date,planned,completed,northeast_party,east_party,landmark,description",
        "3f2a9c1e-0000-4000-8000-000000000001,harbin-shenzhen,2.1,\"哈深\"\"合作\"\",一期\",签约,2020-01-01,12.5亿,0,哈尔滨企业,深圳企业,是,\"多行\n简介 🚀\"",
        ",heilongjiang-guangdong,4.2,哈工大智能装备产业园,landed,2021-09-12,1114.79亿,626207万元,,,1,",
        ",jilin-zhejiang,1.1,营商环境交流,planned,2019-04-01,,,,,否,",
        "3f2a9c1e-0000-4000-8000-000000000002,dalian-shanghai,2.5,\"文旅,健康\",开工,2022-03-03,3000万,12.5,大连,上海,false,\"说\"\"明\"\"\"",
        "",
        ",inner-mongolia,3.1,科技成果转化,negotiating,2023-05-06,800元,0元,,,0,最后一行",
    ].joined(separator: "\r\n")

    /// Mutates a valid projects file many times (bytes inserted, deleted and replaced, among them quotes,
    /// commas, CR, LF, NUL and 0xFF): reading never fails or loops, and importing each mutant either
    /// commits or leaves the database exactly as it was.
    @Test func fuzzedProjectFilesReadAndImportAllOrNothing() throws {
        var generator = SeededGenerator(seed: 0xD01_C0FE)
        let source = Array(Self.fuzzSource.utf8)
        let special: [UInt8] = [0x22, 0x2C, 0x0D, 0x0A, 0x00, 0xFF, 0xEF, 0xBB, 0xBF, 0xE4, 0x20, 0x31]
        let repo = try scratch.open()
        // One project already there, so that a mutant's correction of it is possible.
        _ = try repo.addProject(NewProject(
            id: UUID(uuidString: "3f2a9c1e-0000-4000-8000-000000000001")!, pairing: "harbin-shenzhen", task: "2.1",
            title: "已有项目", status: .signed, date: LocalDate(parsing: "2019-01-01")))
        var committedCount = 0
        var refusedCount = 0
        for iteration in 0..<300 {
            var bytes = source
            let edits = 1 + Int(generator.next(below: 3))
            for _ in 0..<edits {
                let useSpecial = generator.next(below: 3) != 0
                let byte = useSpecial ? special[Int(generator.next(below: UInt64(special.count)))] : UInt8(truncatingIfNeeded: generator.next())
                let position = Int(generator.next(below: UInt64(bytes.count + 1)))
                switch generator.next(below: 3) {
                case 0: bytes.insert(byte, at: position)
                case 1: if position < bytes.count { bytes.remove(at: position) }
                default: if position < bytes.count { bytes[position] = byte }
                }
            }
            let path = try file(bytes, name: "fuzz-\(iteration).csv")

            // Reading: every record comes back, lines never go backwards, fields are never over the cap.
            let reader = try CSVReader(path: path)
            var lastLine = 0
            var count = 0
            while let record = try reader.next() {
                #expect(record.line > lastLine, "iteration \(iteration): line \(record.line) after \(lastLine)")
                #expect(record.line >= 1)
                lastLine = record.line
                count += 1
                if count > bytes.count + 1 {
                    Issue.record("iteration \(iteration): more records than bytes")
                    break
                }
            }
            #expect(reader.bytesRead == Int64(bytes.count), "iteration \(iteration)")

            // Importing: all or nothing.
            let before = try Self.counts(repo)
            let result = try repo.importCSV(.projects, from: path)
            let after = try Self.counts(repo)
            if result.problemCount > 0 {
                refusedCount += 1
                #expect(!result.committed)
                #expect(after == before, "iteration \(iteration): a refused import wrote \(before) → \(after)")
                #expect(!result.problems.isEmpty)
                #expect(result.problems.allSatisfy { $0.line >= 1 && $0.line <= lastLine + 1 }, "iteration \(iteration): \(result.problems)")
            } else {
                committedCount += 1
                #expect(result.committed)
                #expect(result.rows == result.added + result.updated + result.unchanged, "iteration \(iteration)")
                #expect(after.projects == before.projects + Int64(result.added), "iteration \(iteration)")
                #expect(after.updates >= before.updates + Int64(result.added), "iteration \(iteration)")
            }
            try FileManager.default.removeItem(atPath: path)
        }
        // The mutations are neither all harmless nor all fatal, or the test would prove little.
        #expect(committedCount >= 5, "committed \(committedCount)")
        #expect(refusedCount >= 200, "refused \(refusedCount)")
    }

    private struct Counts: Equatable, CustomStringConvertible {
        var projects: Int64
        var updates: Int64
        /// Every project's fields and state, so that a correction written by a refused import shows.
        var snapshot: String
        var description: String { "\(projects) projects, \(updates) updates" }
    }

    private static func counts(_ repo: Repository) throws -> Counts {
        try repo.rawRead { connection in
            Counts(
                projects: try connection.queryFirst("SELECT count(*) FROM project") { $0.int64(0) } ?? -1,
                updates: try connection.queryFirst("SELECT count(*) FROM progress_update") { $0.int64(0) } ?? -1,
                snapshot: try connection.query("""
                    SELECT id, title, status, status_date, completed_yuan, coalesce(planned_yuan, -1), landmark,
                           coalesce(description, '<nil>') FROM project ORDER BY id
                    """) { row in
                        (0..<8).map { row.optionalText(Int32($0)) ?? "<nil>" }.joined(separator: "|")
                    }.joined(separator: "\n"))
        }
    }
}

/// The reader as it was when it took one byte at a time, over a whole file in memory: obviously right
/// by construction, and slow. CSVReader must read every file exactly as this does.
private struct ReferenceCSVReader {
    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    /// How many bytes from the start of the file the reader has looked at.
    private var bytesLookedAt: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        bytesLookedAt = min(bytes.count, 3)   // whether there is a byte-order mark
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    /// What CSVReader's `bytesRead` must be: it reads 64 KiB chunks as it needs the bytes in them.
    var bytesRead: Int64 {
        let chunk = 1 << 16
        return Int64(min(bytes.count, (bytesLookedAt + chunk - 1) / chunk * chunk))
    }

    /// The next record: its line, fields (as bytes, which are compared exactly) and problems.
    mutating func next() -> (line: Int, fields: [[UInt8]], problems: [String])? {
        guard peek() != nil else { return nil }
        let start = line
        var fields: [[UInt8]] = []
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
                problems.append("field \(column) is longer than 1 MiB")
                fields.append([])
            } else if let text = String(validating: field, as: UTF8.self) {
                if field.contains(0) { problems.append("field \(column) contains a NUL byte") }
                fields.append(Array(text.utf8))
            } else {
                problems.append("field \(column) is not valid UTF-8 (save the file as UTF-8)")
                fields.append(Array(String(decoding: field, as: UTF8.self).utf8))
            }
            field = []
            tooLong = false
            strayQuote = false
        }
        func append(_ byte: UInt8) {
            if field.count < CSVReader.maximumFieldBytes { field.append(byte) } else { tooLong = true }
        }

        var quoted = false
        var afterClosingQuote = false
        while let byte = take() {
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if peek() == UInt8(ascii: "\"") {
                        _ = take()
                        append(byte)
                    } else {
                        quoted = false
                        afterClosingQuote = true
                    }
                } else {
                    if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && peek() != UInt8(ascii: "\n")) {
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
                if byte == UInt8(ascii: "\r"), peek() == UInt8(ascii: "\n") { _ = take() }
                line += 1
                finishField()
                return (start, fields, problems)
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
        return (start, fields, problems)
    }

    private mutating func peek() -> UInt8? {
        guard position < bytes.count else { return nil }
        bytesLookedAt = max(bytesLookedAt, position + 1)
        return bytes[position]
    }

    private mutating func take() -> UInt8? {
        guard let byte = peek() else { return nil }
        position += 1
        return byte
    }
}
