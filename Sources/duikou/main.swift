import ArgumentParser
import DuikouKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses, runs, and turns every failure into one `error: …` line on stderr and the exit code of the contract.
func runDuikou() -> Int32 {
    do {
        var command = try Duikou.parseAsRoot()
        try command.run()
        return 0
    } catch let error as DuikouError {
        printError(error.message)
        return ExitStatus.code(for: error)
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
