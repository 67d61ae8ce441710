#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The exit codes of the CLI contract (sysexits.h) that the CLI gives itself; the library's errors
/// carry theirs (`DuikouError.exitStatus`).
enum ExitStatus {
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let ioError: Int32 = 74
}

/// Writes `error: message` as one line on stderr.
func printError(_ message: String) {
    let line = "error: " + message.split(whereSeparator: \.isNewline).joined(separator: " ") + "\n"
    FileDescriptor.writeToStandardError(line)
}
