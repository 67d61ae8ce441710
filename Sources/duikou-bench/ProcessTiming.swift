import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs another program as a whole process and measures it: wall time from spawn to exit, and the
/// child's own peak RSS from `wait4` (so each child is measured alone, not the largest of all).
enum ProcessTiming {
    /// What one process run measured.
    struct Run {
        /// From `posix_spawn` to the return of `wait4`.
        let wallTime: Duration
        /// The child's own peak resident set size in MiB, when asked for and measurable.
        let peakRSSMiB: Double?
    }

    /// A program that exited with a failure, with the end of what it wrote to stderr.
    struct Failure: Error, CustomStringConvertible {
        /// The command line.
        let command: String
        /// The exit status, or 128 + the signal that ended it.
        let status: Int32
        /// The end of its standard error.
        let stderr: String

        var description: String { "\(command) exited with status \(status): \(stderr)" }
    }

    /// Runs `executable` with `arguments`, standard input from `input` (else /dev/null), standard
    /// output discarded and standard error kept in `errorLog`; throws ``Failure`` unless it exits 0.
    ///
    /// With `peakRSS`, the child's peak RSS is sampled from `/proc/PID/status` (`VmHWM`, which is
    /// monotonic, so a sample every few milliseconds misses at most the last few milliseconds' growth):
    /// on Linux the `ru_maxrss` that `wait4` returns for a `posix_spawn`ed child also holds the
    /// parent's RSS at the time of the exec (the kernel records the replaced memory map's high-water
    /// mark), so it cannot tell a small child from a large parent. Elsewhere `ru_maxrss` is used.
    static func run(_ executable: String, _ arguments: [String], input: String? = nil, errorLog: String, peakRSS: Bool = false) throws -> Run {
        #if os(Linux)
        var actions = posix_spawn_file_actions_t()
        #else
        var actions: posix_spawn_file_actions_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorLog, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        let clock = ContinuousClock()
        let start = clock.now
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw Failure(command: executable, status: -1, stderr: "cannot start: \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        var sampledKiB: Int?
        while true {
            let reaped = wait4(pid, &status, peakRSS ? WNOHANG : 0, &usage)
            if reaped == pid { break }
            if reaped < 0 {
                guard errno == EINTR else {
                    throw Failure(command: executable, status: -1, stderr: "wait4: \(String(cString: strerror(errno)))")
                }
                continue
            }
            if let kib = highWaterMarkKiB(of: pid) { sampledKiB = max(sampledKiB ?? 0, kib) }
            usleep(5_000)
        }
        let wallTime = start.duration(to: clock.now)
        let signal = status & 0x7F
        let exitStatus = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        guard exitStatus == 0 else {
            let log = (try? String(contentsOfFile: errorLog, encoding: .utf8)) ?? ""
            let command = ([URL(fileURLWithPath: executable).lastPathComponent] + arguments).joined(separator: " ")
            let message = log.split(whereSeparator: \.isNewline).joined(separator: " ")
            throw Failure(command: command, status: exitStatus, stderr: String(message.suffix(300)))
        }
        #if os(Linux)
        let peak = sampledKiB.map { Double($0) / 1024 }
        #else
        let peak: Double? = ResourceUsage.mebibytes(maxRSS: usage.ru_maxrss)
        #endif
        return Run(wallTime: wallTime, peakRSSMiB: peakRSS ? peak : nil)
    }

    /// `VmHWM` of a running process, in KiB, from `/proc/PID/status`; `nil` where there is none.
    static func highWaterMarkKiB(of pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return nil }
        return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
    }

    /// The path of an executable named `name` on `PATH`, if any.
    static func onPath(_ name: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return directories.lazy.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The path of an executable named `name` in the same directory as this benchmark's binary.
    static func besideSelf(_ name: String) -> String? {
        let own = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath
            ?? CommandLine.arguments.first
        guard let own else { return nil }
        let path = URL(fileURLWithPath: own).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(name).path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }
}
