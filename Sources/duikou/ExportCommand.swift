import ArgumentParser
import DuikouKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// `duikou export`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export projects, updates, parks or exchanges as CSV or JSON Lines, in a stable order.",
        discussion: """
            The columns are those `duikou import` reads, so an export imports back as it was. CSV amounts \
            carry their unit (1250000000元); JSON Lines amounts are integer yuan. With --out the file is \
            written whole or not at all. --redact-people leaves the person column of exchanges empty.
            Example: duikou export projects --out 项目.csv --bom
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "What to export.")
    var kind: InterchangeKind

    @Option(help: "The file format.")
    var format: ExportFormat = .csv

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var out: String?

    @Flag(help: "Start the CSV with a byte-order mark, so that Excel reads it as UTF-8.")
    var bom = false

    @Flag(help: "Leave the names of seconded persons out: the person column of exchanges stays, empty.")
    var redactPeople = false

    func run() throws {
        let repository = try database.open()
        let output = try BufferedOutput(path: out)
        let bar = ProgressBar(label: "exporting \(kind.rawValue)")
        do {
            try repository.export(kind, format: format, byteOrderMark: bom, redactingPeople: redactPeople, progress: bar.update) { try output.write($0) }
            bar.finish()
            try output.finish()
        } catch {
            bar.finish()
            output.abandon()
            throw error
        }
    }
}

/// Buffers text for standard output or a file; a file is written to a temporary name beside it and
/// moved into place only when complete.
final class BufferedOutput: Sendable {
    private let descriptor: Int32
    private let destination: String?
    private let temporary: String?
    private let buffer = Mutex(Data())

    init(path: String?) throws {
        guard let path else {
            descriptor = FileDescriptor.standardOutput
            destination = nil
            temporary = nil
            return
        }
        let temporary = path + ".part-\(ProcessInfo.processInfo.processIdentifier)"
        let descriptor = open(temporary, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw DuikouError(.io, "--out: cannot write \(path): \(String(cString: strerror(errno)))")
        }
        self.descriptor = descriptor
        self.destination = path
        self.temporary = temporary
    }

    func write(_ text: String) throws {
        let full: Data? = buffer.withLock { buffer in
            buffer.append(contentsOf: text.utf8)
            guard buffer.count >= 1 << 16 else { return nil }
            defer { buffer.removeAll(keepingCapacity: true) }
            return buffer
        }
        if let full { try flush(full) }
    }

    func finish() throws {
        try flush(buffer.withLock { $0 })
        guard let destination, let temporary else { return }
        close(descriptor)
        // rename(2) replaces an existing file atomically (Foundation's replaceItemAt does not work on Linux).
        guard rename(temporary, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            abandon()
            throw DuikouError(.io, "--out: cannot write \(destination): \(reason)")
        }
    }

    func abandon() {
        guard let temporary else { return }
        close(descriptor)
        try? FileManager.default.removeItem(atPath: temporary)
    }

    private func flush(_ data: Data) throws {
        guard !data.isEmpty else { return }
        if let reason = data.withUnsafeBytes({ FileDescriptor.write($0, to: descriptor) }) {
            throw DuikouError(.io, "writing \(destination ?? "standard output") failed: \(reason)")
        }
    }
}
