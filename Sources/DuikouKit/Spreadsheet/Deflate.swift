import CZlib

/// A raw deflate stream (RFC 1951, no zlib header, as zip entries hold it) over zlib, fed in
/// chunks, handing compressed bytes to a sink as zlib produces them; also the CRC-32 of what it was
/// fed. Memory stays at zlib's state and one output block whatever the length of the input.
final class Deflate {
    /// The compressed bytes of the input so far go to `sink`, a block at a time.
    typealias Sink = (UnsafeRawBufferPointer) throws -> Void

    private static let blockSize = 1 << 16

    /// zlib keeps a pointer back to its stream, so the stream lives at a fixed address.
    private let stream: UnsafeMutablePointer<z_stream>
    private let output: UnsafeMutablePointer<UInt8>
    private(set) var crc: UInt32 = 0
    private(set) var uncompressedSize: UInt64 = 0
    private(set) var compressedSize: UInt64 = 0

    /// - Parameter level: zlib's compression level, 1 (fastest) … 9 (smallest).
    init(level: Int32) throws {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        output = .allocate(capacity: Self.blockSize)
        // -15: a window of 2^15 bytes and no zlib header or trailer (raw deflate).
        let status = deflateInit2_(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            output.deallocate()
            throw DuikouError(.internal, "zlib: cannot start deflate (status \(status))")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        output.deallocate()
    }

    /// Compresses `bytes`, handing whatever zlib has finished to `sink`.
    func write(_ bytes: UnsafeRawBufferPointer, to sink: Sink) throws {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        crc = UInt32(truncatingIfNeeded: crc32(UInt(crc), base.assumingMemoryBound(to: Bytef.self), UInt32(bytes.count)))
        uncompressedSize += UInt64(bytes.count)
        stream.pointee.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = UInt32(bytes.count)
        try run(Z_NO_FLUSH, to: sink)
    }

    /// Ends the stream, handing the last of it to `sink`.
    func finish(to sink: Sink) throws {
        stream.pointee.next_in = nil
        stream.pointee.avail_in = 0
        try run(Z_FINISH, to: sink)
    }

    private func run(_ flush: Int32, to sink: Sink) throws {
        repeat {
            stream.pointee.next_out = output
            stream.pointee.avail_out = UInt32(Self.blockSize)
            let status = deflate(stream, flush)
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                throw DuikouError(.internal, "zlib: deflate failed (status \(status))")
            }
            let produced = Self.blockSize - Int(stream.pointee.avail_out)
            if produced > 0 {
                compressedSize += UInt64(produced)
                try sink(UnsafeRawBufferPointer(start: output, count: produced))
            }
            if flush == Z_FINISH && status == Z_STREAM_END { return }
        } while stream.pointee.avail_out == 0 || flush == Z_FINISH
    }
}
