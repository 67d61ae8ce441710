import DuikouKit
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
import Synchronization

/// Text for standard output or for a file (`--out`), written in blocks of 64 KiB.
///
/// Only ``writing(to:_:)`` makes one, and it sees the output through: a file is written under a
/// temporary name beside its destination and renamed into place once every byte is written, so
/// the destination is either whole or as it was; on any failure the temporary file is removed.
final class BufferedOutput: Sendable {
    private static let blockSize = 1 << 16

    /// Borrowed from ``writing(to:_:)``, which owns it and closes it once the body has finished.
    private let descriptor: Int32
    /// What a failed write says before the reason: "--out: cannot write FILE".
    private let failure: String
    private let buffer = Mutex(Data())

    private init(descriptor: Int32, failure: String) {
        self.descriptor = descriptor
        self.failure = failure
    }

    /// Runs `body` with an output to the file at `path`, or to standard output when `path` is nil,
    /// then writes out what is buffered and moves the file into place.
    ///
    /// The output must not be used after `body` returns.
    ///
    /// - Throws: what `body` throws, or an I/O error (exit 74) when the file cannot be created,
    ///   written, closed or moved into place. Either way the file at `path` is left as it was.
    static func writing(to path: String?, _ body: (BufferedOutput) throws -> Void) throws {
        guard let path else {
            // What `print` has buffered goes first, so that the two never interleave out of order.
            fflush(nil)
            let output = BufferedOutput(descriptor: FileDescriptor.standardOutput, failure: "cannot write standard output")
            try body(output)
            try output.flush()
            return
        }
        let failure = "--out: cannot write \(path)"
        let temporary = path + ".part-\(ProcessInfo.processInfo.processIdentifier)"
        let file: OwnedFileDescriptor
        do {
            file = try OwnedFileDescriptor(creatingForWriting: temporary)
        } catch {
            throw DuikouError(.io, "\(failure): \(error)")
        }
        do {
            let output = BufferedOutput(descriptor: file.rawValue, failure: failure)
            try body(output)
            try output.flush()
            try file.close()
            // rename(2) replaces an existing file atomically (Foundation's replaceItemAt does not on Linux).
            guard rename(temporary, path) == 0 else { throw SystemError.current }
        } catch {
            // Unless `close()` has taken it, `file` closes itself as it goes away.
            unlink(temporary)
            if let error = error as? SystemError {
                throw DuikouError(.io, "\(failure): \(error)")
            }
            throw error
        }
    }

    /// Adds `text` to the buffer, writing the buffer out whenever it holds a block or more.
    func write(_ text: String) throws {
        try buffer.withLock { buffer in
            buffer.append(contentsOf: text.utf8)
            if buffer.count >= Self.blockSize { try writeOut(&buffer) }
        }
    }

    /// Writes out whatever is buffered.
    private func flush() throws {
        try buffer.withLock { try writeOut(&$0) }
    }

    private func writeOut(_ buffer: inout Data) throws {
        guard !buffer.isEmpty else { return }
        if let reason = buffer.withUnsafeBytes({ FileDescriptor.write($0, to: descriptor) }) {
            throw DuikouError(.io, "\(failure): \(reason)")
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
