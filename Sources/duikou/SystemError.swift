#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed call to the C library, with the `errno` it set.
struct SystemError: Error, CustomStringConvertible {
    let number: Int32

    /// The error of the call that has just failed.
    static var current: SystemError { SystemError(number: errno) }

    /// Why, in the C library's words (`strerror`), such as "No such file or directory".
    var description: String { String(cString: strerror(number)) }
}
