import ArgumentParser
import DuikouKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The first command-line argument that is not valid UTF-8, described for an error message.
/// Swift reads such an argument with U+FFFD in place of the bad bytes, so a title given that way
/// would be stored changed; it is refused instead.
func argumentNotUTF8() -> String? {
    for index in 1..<max(1, Int(CommandLine.argc)) {
        guard let raw = CommandLine.unsafeArgv[index], String(validatingCString: raw) == nil else { continue }
        return "argument \(index) ('\(String(cString: raw))') is not valid UTF-8; nothing was read or written"
    }
    return nil
}

/// Parses, runs, and turns every failure into one `error: …` line on stderr and the exit code of the contract.
func runDuikou() -> Int32 {
    if ServerForwarding.isForwarded(CommandLine.arguments) {
        return ServerForwarding.exec(raw: (1..<Int(CommandLine.argc)).map { CommandLine.unsafeArgv[$0] })
    }
    if let problem = argumentNotUTF8() {
        printError(problem)
        return ExitStatus.dataError
    }
    do {
        var command = try Duikou.parseAsRoot()
        try command.run()
        return 0
    } catch let error as DuikouError {
        printError(ErrorHint.message(for: error))
        return error.exitStatus
    } catch {
        let status = Duikou.exitCode(for: error)
        if status == .success {
            print(Duikou.fullMessage(for: error))
            return 0
        }
        let message = Duikou.message(for: error).split(whereSeparator: \.isNewline).joined(separator: " ")
        printError(message.isEmpty ? "failed" : "\(message) (see --help)")
        return status.rawValue
    }
}

exit(runDuikou())
