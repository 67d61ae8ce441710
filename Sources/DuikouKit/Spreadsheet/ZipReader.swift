#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file of a zip archive, as its central directory describes it.
struct ZipEntry {
    let name: String
    let method: UInt16
    let crc: UInt32
    let compressedSize: Int64
    let uncompressedSize: Int64
    let localHeaderOffset: Int64
}

/// Reads a zip archive (PKWARE APPNOTE): its central directory, then any entry as a stream.
///
/// Only what `.xlsx` files use is accepted: one disk, no ZIP64, no encryption, entries stored or
/// deflated. Everything inflated is counted against the archive's allowance (see
/// ``SpreadsheetLimits``), from the bytes actually produced, not the sizes the headers declare.
final class ZipReader {
    /// The file's name for messages.
    let path: String
    private let descriptor: Int32
    let size: Int64
    /// The entries by name.
    private(set) var entries: [String: ZipEntry] = [:]
    /// How many bytes entries may still inflate to.
    private var allowance: Int64
    private let allowanceTotal: Int64

    /// Whether the file starts as a zip archive does (`PK\u{3}\u{4}`); `false` for a missing or unreadable file.
    static func looksLikeZip(path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var magic: [UInt8] = [0, 0, 0, 0]
        return pread(descriptor, &magic, 4, 0) == 4 && magic == [0x50, 0x4B, 0x03, 0x04]
    }

    /// Opens the archive at `path` and reads its central directory.
    ///
    /// - Throws: ``DuikouError/Code/notFound`` when there is no such file; ``DuikouError/Code/invalidInput``
    ///   when it is not a zip archive, or one using what `.xlsx` files never use, or declaring more
    ///   than its allowance.
    init(path: String, limits: SpreadsheetLimits = .standard) throws {
        self.path = path
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw DuikouError(.notFound, "\(DuikouError.quoted(path)): no such file")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw DuikouError(.io, "\(DuikouError.quoted(path)): cannot be read as a file")
        }
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw DuikouError(.io, "\(DuikouError.quoted(path)): cannot be read (\(String(cString: strerror(errno))))")
        }
        size = Int64(info.st_size)
        allowanceTotal = limits.allowance(forFileOfSize: size)
        allowance = allowanceTotal
        do { try readCentralDirectory() } catch {
            close(descriptor)
            throw error
        }
    }

    deinit { close(descriptor) }

    private func refuse(_ why: String) -> DuikouError {
        DuikouError(.invalidInput, "\(DuikouError.quoted(path)): \(why)")
    }

    /// Reads `count` bytes at `offset`, all of them or an error.
    func read(_ count: Int, at offset: Int64) throws -> [UInt8] {
        guard count >= 0, offset >= 0, offset + Int64(count) <= size else {
            throw refuse("is not a valid zip archive (a record points outside the file)")
        }
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset) + off_t(done)) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { throw DuikouError(.io, "\(DuikouError.quoted(path)): reading failed") }
            done += got
        }
        return bytes
    }

    /// Reads into `buffer` at `offset`, returning how many bytes were read.
    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int, at offset: Int64) throws -> Int {
        while true {
            let got = pread(descriptor, buffer, count, off_t(offset))
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { throw refuse("is truncated (an entry's data runs past the end of the file)") }
            return got
        }
    }

    private func readCentralDirectory() throws {
        let notZip = "is not an .xlsx workbook (not a zip archive)"
        guard size >= 22 else { throw refuse(notZip) }
        let tailSize = Int(min(size, 22 + 65_535))
        let tail = try read(tailSize, at: size - Int64(tailSize))
        guard let end = stride(from: tailSize - 22, through: 0, by: -1).first(where: { tail.uint32(at: $0) == 0x0605_4B50 }) else {
            throw refuse(notZip)
        }
        let disk = tail.uint16(at: end + 4), directoryDisk = tail.uint16(at: end + 6)
        let entriesHere = tail.uint16(at: end + 8), entryCount = tail.uint16(at: end + 10)
        let directorySize = tail.uint32(at: end + 12), directoryOffset = tail.uint32(at: end + 16)
        if end >= 20, tail.uint32(at: end - 20) == 0x0706_4B50 || entryCount == 0xFFFF || directorySize == 0xFFFF_FFFF
            || directoryOffset == 0xFFFF_FFFF {
            throw refuse("is a ZIP64 archive, which spreadsheets never need; save it again from Excel, WPS or LibreOffice")
        }
        guard disk == 0, directoryDisk == 0, entriesHere == entryCount else {
            throw refuse("is a zip archive split over several disks, which is not supported")
        }
        let directory = try read(Int(directorySize), at: Int64(directoryOffset))
        var offset = 0
        var declared: Int64 = 0
        for _ in 0..<Int(entryCount) {
            guard offset + 46 <= directory.count, directory.uint32(at: offset) == 0x0201_4B50 else {
                throw refuse("is not a valid zip archive (its central directory is damaged)")
            }
            let flags = directory.uint16(at: offset + 8)
            let nameLength = Int(directory.uint16(at: offset + 28))
            let extraLength = Int(directory.uint16(at: offset + 30)), commentLength = Int(directory.uint16(at: offset + 32))
            guard offset + 46 + nameLength <= directory.count else {
                throw refuse("is not a valid zip archive (its central directory is damaged)")
            }
            let name = String(decoding: directory[offset + 46..<offset + 46 + nameLength], as: UTF8.self)
            if flags & 0x41 != 0 {
                throw refuse("is encrypted (\(DuikouError.quoted(name))); remove the password and save it again")
            }
            let entry = ZipEntry(
                name: name, method: directory.uint16(at: offset + 10), crc: directory.uint32(at: offset + 16),
                compressedSize: Int64(directory.uint32(at: offset + 20)), uncompressedSize: Int64(directory.uint32(at: offset + 24)),
                localHeaderOffset: Int64(directory.uint32(at: offset + 42)))
            if entry.compressedSize == 0xFFFF_FFFF || entry.uncompressedSize == 0xFFFF_FFFF || entry.localHeaderOffset == 0xFFFF_FFFF {
                throw refuse("is a ZIP64 archive, which spreadsheets never need; save it again from Excel, WPS or LibreOffice")
            }
            declared += entry.uncompressedSize
            guard declared <= allowanceTotal else { throw bomb() }
            entries[name] = entry
            offset += 46 + nameLength + extraLength + commentLength
        }
    }

    /// The error for an archive inflating beyond its allowance.
    private func bomb() -> DuikouError {
        refuse("inflates to more than \(allowanceTotal) bytes (at most 100 times the file's size, and never more than 1 GiB): refused as a possible zip bomb")
    }

    /// Takes `count` inflated bytes from the archive's allowance.
    func charge(_ count: Int) throws {
        allowance -= Int64(count)
        guard allowance >= 0 else { throw bomb() }
    }

    /// Opens the entry `name` as a stream of its inflated bytes, or `nil` when the archive has none.
    func openEntry(_ name: String) throws -> ZipEntryStream? {
        guard let entry = entries[name] else { return nil }
        let local = try read(30, at: entry.localHeaderOffset)
        guard local.uint32(at: 0) == 0x0403_4B50 else {
            throw refuse("is not a valid zip archive (the entry \(DuikouError.quoted(name)) is damaged)")
        }
        let start = entry.localHeaderOffset + 30 + Int64(local.uint16(at: 26)) + Int64(local.uint16(at: 28))
        guard start + entry.compressedSize <= size else {
            throw refuse("is truncated (the entry \(DuikouError.quoted(name)) runs past the end of the file)")
        }
        switch entry.method {
        case 0, 8: return try ZipEntryStream(archive: self, entry: entry, dataStart: start)
        default:
            throw refuse("compresses \(DuikouError.quoted(name)) with method \(entry.method); only stored and deflated entries are supported")
        }
    }
}

/// The inflated bytes of one zip entry, read a chunk at a time, its size and CRC checked at the end.
final class ZipEntryStream {
    private let archive: ZipReader
    private let entry: ZipEntry
    private let dataStart: Int64
    private var nextInput: Int64
    private var remainingInput: Int64
    private let inflater: Inflater?
    private let input: UnsafeMutablePointer<UInt8>
    private static let inputSize = 1 << 16
    private var produced: Int64 = 0
    private var crc: UInt32 = 0
    private var ended = false

    init(archive: ZipReader, entry: ZipEntry, dataStart: Int64) throws {
        self.archive = archive
        self.entry = entry
        self.dataStart = dataStart
        nextInput = dataStart
        remainingInput = entry.compressedSize
        inflater = entry.method == 8 ? try Inflater() : nil
        input = .allocate(capacity: Self.inputSize)
    }

    deinit { input.deallocate() }

    /// How many bytes of the entry's compressed data were read so far.
    var compressedBytesRead: Int64 { nextInput - dataStart }

    /// The size of the entry's compressed data.
    var compressedSize: Int64 { entry.compressedSize }

    private func damaged(_ why: String) -> DuikouError {
        DuikouError(.invalidInput, "\(DuikouError.quoted(archive.path)): the entry \(DuikouError.quoted(entry.name)) \(why)")
    }

    /// Reads the next inflated bytes into `buffer`; 0 at the end of the entry.
    func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws -> Int {
        guard !ended else { return 0 }
        var count = 0
        if let inflater {
            while count == 0 && !inflater.finished {
                if inflater.needsInput {
                    guard remainingInput > 0 else { throw damaged("is truncated") }
                    let got = try archive.read(into: input, count: Int(min(Int64(Self.inputSize), remainingInput)), at: nextInput)
                    nextInput += Int64(got)
                    remainingInput -= Int64(got)
                    inflater.give(input, count: got)
                }
                do { count = try inflater.inflate(into: buffer, capacity: capacity) } catch let error as DuikouError {
                    throw damaged(error.message)
                }
            }
        } else if remainingInput > 0 {
            count = try archive.read(into: buffer, count: Int(min(Int64(capacity), remainingInput)), at: nextInput)
            nextInput += Int64(count)
            remainingInput -= Int64(count)
        }
        try archive.charge(count)
        produced += Int64(count)
        guard produced <= entry.uncompressedSize else { throw damaged("inflates to more than its declared \(entry.uncompressedSize) bytes") }
        crc = zipCRC32(crc, buffer, count)
        if inflater?.finished ?? (remainingInput == 0) { try finish() }
        return count
    }

    private func finish() throws {
        guard !ended else { return }
        ended = true
        guard produced == entry.uncompressedSize else { throw damaged("inflates to \(produced) bytes, not its declared \(entry.uncompressedSize)") }
        guard crc == entry.crc else { throw damaged("is damaged (its CRC-32 does not match)") }
    }
}

extension [UInt8] {
    /// The little-endian 16-bit number at `offset`.
    func uint16(at offset: Int) -> UInt16 { UInt16(self[offset]) | UInt16(self[offset + 1]) << 8 }

    /// The little-endian 32-bit number at `offset`.
    func uint32(at offset: Int) -> UInt32 {
        UInt32(self[offset]) | UInt32(self[offset + 1]) << 8 | UInt32(self[offset + 2]) << 16 | UInt32(self[offset + 3]) << 24
    }
}
