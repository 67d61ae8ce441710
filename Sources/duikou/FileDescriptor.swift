#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writing to standard error and to files by their descriptors, with the C library rather than
/// Foundation's FileHandle: loading Foundation costs every command about 6 ms of start-up.
enum FileDescriptor {
    static let standardOutput: Int32 = 1
    static let standardError: Int32 = 2

    /// Writes all of `bytes`, going on after a partial write or an interruption.
    ///
    /// - Returns: `nil` when everything was written, else why not (`strerror`).
    static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> String? {
        guard var next = bytes.baseAddress else { return nil }
        var left = bytes.count
        while left > 0 {
            let written = systemWrite(descriptor, next, left)
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            next += written
            left -= written
        }
        return nil
    }

    /// Writes text to standard error; a failure there has nowhere to be reported, so it is ignored.
    static func writeToStandardError(_ text: String) {
        var text = text
        _ = text.withUTF8 { write(UnsafeRawBufferPointer($0), to: standardError) }
    }
}
