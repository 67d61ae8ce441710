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

/// Writes a zip file (PKWARE APPNOTE 6.3) entry by entry, each entry deflated as it is written.
///
/// The file is written under a temporary name beside its destination and renamed into place by
/// ``finish()``; a writer that goes away unfinished removes it, so the destination is either whole
/// or as it was. Sizes and CRCs are patched into each local header once its entry is done (the
/// file is seekable), so no data descriptors are needed. Without ZIP64, a file and its entries stay
/// below 4 GiB: anything larger is refused.
final class ZipWriter {
    private struct Entry {
        let name: [UInt8]
        let offset: UInt64
        let crc: UInt32
        let compressedSize: UInt64
        let uncompressedSize: UInt64
    }

    /// The largest size or offset a zip file without ZIP64 records (0xFFFFFFFF means "see ZIP64").
    static let limit: UInt64 = 0xFFFF_FFFE
    /// The deflate level: 6 is zlib's default; xlsx XML compresses about tenfold at it.
    static let level: Int32 = 6
    /// 1980-01-01 00:00 in MS-DOS form: entries carry a fixed time, so that the same export gives the same bytes.
    private static let dosTime: UInt16 = 0
    private static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1

    private let destination: String
    private let temporary: String
    private var descriptor: Int32
    private var offset: UInt64 = 0
    private var entries: [Entry] = []
    private var current: (name: [UInt8], offset: UInt64, deflate: Deflate)?

    /// Creates the temporary file for a zip file at `path`.
    ///
    /// - Throws: ``DuikouError/Code/io`` when it cannot be created.
    init(path: String) throws {
        destination = path
        temporary = path + ".part-\(getpid())"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.ioError(path) }
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(temporary)
        }
    }

    /// Starts an entry; what ``add(_:)`` is given until ``endEntry()`` goes into it.
    func beginEntry(_ name: String) throws {
        if current != nil { try endEntry() }
        let nameBytes = Array(name.utf8)
        let start = offset
        var header = ByteWriter()
        header.u32(0x0403_4B50)
        header.u16(20)  // version needed: 2.0, deflate
        header.u16(0x0800)  // names are UTF-8
        header.u16(8)  // deflate
        header.u16(Self.dosTime)
        header.u16(Self.dosDate)
        header.u32(0)  // CRC-32, compressed and uncompressed sizes: patched by endEntry()
        header.u32(0)
        header.u32(0)
        header.u16(UInt16(nameBytes.count))
        header.u16(0)
        header.bytes(nameBytes)
        try append(header.data)
        current = (nameBytes, start, try Deflate(level: Self.level))
    }

    /// Adds bytes to the current entry.
    func add(_ bytes: UnsafeRawBufferPointer) throws {
        guard let current else { throw DuikouError(.misuse, "zip: bytes written outside an entry") }
        try current.deflate.write(bytes) { try self.append($0) }
        if current.deflate.uncompressedSize > Self.limit { throw tooLarge() }
    }

    /// Ends the current entry, recording its sizes and CRC-32 in its local header.
    func endEntry() throws {
        guard let current else { return }
        self.current = nil
        try current.deflate.finish { try self.append($0) }
        let deflate = current.deflate
        guard deflate.uncompressedSize <= Self.limit, deflate.compressedSize <= Self.limit else { throw tooLarge() }
        var patch = ByteWriter()
        patch.u32(deflate.crc)
        patch.u32(UInt32(deflate.compressedSize))
        patch.u32(UInt32(deflate.uncompressedSize))
        try patch.data.withUnsafeBytes { bytes in
            guard pwrite(descriptor, bytes.baseAddress, bytes.count, off_t(current.offset + 14)) == bytes.count else { throw Self.ioError(destination) }
        }
        entries.append(Entry(name: current.name, offset: current.offset, crc: deflate.crc,
                             compressedSize: deflate.compressedSize, uncompressedSize: deflate.uncompressedSize))
    }

    /// Writes the central directory, closes the file and moves it into place.
    func finish() throws {
        try endEntry()
        guard entries.count < 0xFFFF else { throw tooLarge() }
        let directoryStart = offset
        var directory = ByteWriter()
        for entry in entries {
            directory.u32(0x0201_4B50)
            directory.u16(0x0314)  // made by: Unix, 2.0
            directory.u16(20)
            directory.u16(0x0800)
            directory.u16(8)
            directory.u16(Self.dosTime)
            directory.u16(Self.dosDate)
            directory.u32(entry.crc)
            directory.u32(UInt32(entry.compressedSize))
            directory.u32(UInt32(entry.uncompressedSize))
            directory.u16(UInt16(entry.name.count))
            directory.u16(0)  // extra field
            directory.u16(0)  // comment
            directory.u16(0)  // disk
            directory.u16(0)  // internal attributes
            directory.u32(0o100644 << 16)  // external attributes: a regular file, rw-r--r--
            directory.u32(UInt32(entry.offset))
            directory.bytes(entry.name)
        }
        try append(directory.data)
        guard offset <= Self.limit else { throw tooLarge() }
        var end = ByteWriter()
        end.u32(0x0605_4B50)
        end.u16(0)
        end.u16(0)
        end.u16(UInt16(entries.count))
        end.u16(UInt16(entries.count))
        end.u32(UInt32(offset - directoryStart))
        end.u32(UInt32(directoryStart))
        end.u16(0)
        try append(end.data)
        let closing = descriptor
        descriptor = -1
        guard close(closing) == 0 else {
            unlink(temporary)
            throw Self.ioError(destination)
        }
        guard rename(temporary, destination) == 0 else {
            let error = Self.ioError(destination)
            unlink(temporary)
            throw error
        }
    }

    private func append(_ data: [UInt8]) throws {
        try data.withUnsafeBytes { try append($0) }
    }

    private func append(_ bytes: UnsafeRawBufferPointer) throws {
        var rest = bytes
        while let base = rest.baseAddress, !rest.isEmpty {
            let written = write(descriptor, base, rest.count)
            if written < 0 {
                if errno == EINTR { continue }
                throw Self.ioError(destination)
            }
            rest = UnsafeRawBufferPointer(rebasing: rest[written...])
        }
        offset += UInt64(bytes.count)
        if offset > Self.limit { throw tooLarge() }
    }

    private func tooLarge() -> DuikouError {
        DuikouError(.invalidInput, "\(DuikouError.quoted(destination)) would be larger than 4 GiB, the most a zip file without ZIP64 holds; nothing was written")
    }

    private static func ioError(_ path: String) -> DuikouError {
        DuikouError(.io, "cannot write \(DuikouError.quoted(path)): \(String(cString: strerror(errno)))")
    }
}

/// Little-endian fields of zip headers.
struct ByteWriter {
    private(set) var data: [UInt8] = []

    mutating func u16(_ value: UInt16) {
        data.append(UInt8(truncatingIfNeeded: value))
        data.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func u32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { data.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    mutating func bytes(_ bytes: [UInt8]) { data += bytes }
}
