import DuikouKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The exit codes of the CLI contract (sysexits.h).
enum ExitStatus {
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let software: Int32 = 70
    static let ioError: Int32 = 74
    static let tempFailure: Int32 = 75
    static let config: Int32 = 78

    static func code(for error: DuikouError) -> Int32 {
        switch error.code {
        case .invalidInput, .constraint, .foreignDatabase, .notADatabase, .migrationMismatch: dataError
        case .notFound: noInput
        case .io, .readOnly, .corrupt: ioError
        case .busy: tempFailure
        case .schemaTooNew: config
        default: software
        }
    }
}

/// Writes `error: message` as one line on stderr.
func printError(_ message: String) {
    let line = "error: " + message.split(whereSeparator: \.isNewline).joined(separator: " ") + "\n"
    FileDescriptor.writeToStandardError(line)
}
