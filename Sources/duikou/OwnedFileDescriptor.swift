#if canImport(Glibc)
import Glibc
private let systemClose = Glibc.close
#elseif canImport(Darwin)
import Darwin
private let systemClose = Darwin.close
#endif

/// An open file descriptor and the duty to close it, which this value alone holds.
///
/// It cannot be copied, so no copy can close it a second time: it is closed exactly once, by
/// ``close()``, or, when that is never called (an error was thrown on the way), when it goes away.
/// Closing a descriptor twice is not harmless: by then the number may name a file that another
/// thread has opened since.
struct OwnedFileDescriptor: ~Copyable {
    /// The descriptor's number, for reading and writing; valid as long as this value lives.
    let rawValue: Int32

    /// Creates the file at `path` for writing, or empties it if it exists (mode 0644 when created).
    init(creatingForWriting path: String) throws(SystemError) {
        let descriptor = open(path, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SystemError.current }
        rawValue = descriptor
    }

    /// Closes the descriptor, reporting a failure: on some file systems a write that was accepted
    /// fails only here.
    consuming func close() throws(SystemError) {
        let descriptor = rawValue
        discard self
        // Linux releases the descriptor even when close fails, so a failed close is never retried.
        guard systemClose(descriptor) == 0 else { throw SystemError.current }
    }

    deinit {
        _ = systemClose(rawValue)
    }
}
