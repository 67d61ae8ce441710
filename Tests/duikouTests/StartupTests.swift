import Foundation
import Testing

/// Start-up: `duikou` is built on FoundationEssentials, not Foundation, whose libraries (with ICU's
/// data) cost every command about 6 ms to load. A new `import Foundation` in DuikouKit or the CLI
/// would bring them back silently; this catches it.
@Suite struct StartupTests {
    #if os(Linux)
    @Test func binaryLoadsNeitherFoundationNorICU() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
        process.arguments = [CLIBinary.url.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("libsqlite3"), "\(text)")
        for library in ["libFoundation.so", "libFoundationInternationalization", "lib_FoundationICU"] {
            #expect(!text.contains(library), "\(library) is loaded:\n\(text)")
        }
    }
    #endif
}
