import DuikouKit
import DuikouServer

/// A new password, read as one line from standard input (so that it never appears in the process
/// list or the shell's history), and checked before it is hashed.
enum PasswordInput {
    /// The line read, without its line break.
    ///
    /// - Throws: ``DuikouError/Code/invalidInput`` (field `password`) when standard input is empty,
    ///   or the password is shorter than 10 characters or longer than 1024 bytes; the message says
    ///   which, never the password.
    static func read() throws -> String {
        guard let line = readLine(strippingNewline: true) else {
            throw DuikouError(.invalidInput, "password: none was given; write it as one line on standard input", field: "password")
        }
        let password = line.hasSuffix("\r") ? String(line.dropLast()) : line
        if let weakness = PasswordHasher.weakness(of: password) {
            throw DuikouError(.invalidInput, "password: \(weakness); nothing was written", field: "password")
        }
        return password
    }
}
