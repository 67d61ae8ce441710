import CZlib

/// Raw deflate (RFC 1951) decompression through zlib, a chunk at a time.
final class Inflater {
    private let stream: UnsafeMutablePointer<z_stream>
    /// Whether the compressed stream has ended.
    private(set) var finished = false

    /// Starts a raw inflate stream (no zlib or gzip wrapper, as in a zip entry).
    init() throws {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = inflateInit2_(stream, -MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deallocate()
            throw DuikouError(.internal, "zlib could not start inflating (status \(status))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// Whether all the input given so far has been consumed.
    var needsInput: Bool { stream.pointee.avail_in == 0 }

    /// Gives the next compressed bytes; they must stay valid until ``needsInput`` is true again.
    func give(_ input: UnsafeMutablePointer<UInt8>, count: Int) {
        stream.pointee.next_in = input
        stream.pointee.avail_in = UInt32(count)
    }

    /// Inflates into `output`, returning how many bytes were written (0 when more input is needed or
    /// the stream has ended).
    ///
    /// - Throws: ``DuikouError/Code/invalidInput`` when the compressed data is damaged.
    func inflate(into output: UnsafeMutablePointer<UInt8>, capacity: Int) throws -> Int {
        guard !finished else { return 0 }
        stream.pointee.next_out = output
        stream.pointee.avail_out = UInt32(capacity)
        let status = CZlib.inflate(stream, Z_NO_FLUSH)
        let produced = capacity - Int(stream.pointee.avail_out)
        switch status {
        case Z_STREAM_END: finished = true
        case Z_OK: break
        case Z_BUF_ERROR where produced == 0: break   // no progress possible without more input
        default: throw DuikouError(.invalidInput, "its compressed data is damaged (zlib status \(status))")
        }
        return produced
    }
}

/// The CRC-32 of zip entries, continued over `count` bytes at `bytes`.
func zipCRC32(_ crc: UInt32, _ bytes: UnsafeMutablePointer<UInt8>, _ count: Int) -> UInt32 {
    UInt32(truncatingIfNeeded: crc32(UInt(crc), bytes, UInt32(count)))
}
