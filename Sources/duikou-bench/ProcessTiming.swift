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
        /// The child's peak resident set size, in MiB.
        let peakRSSMiB: Double
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
    static func run(_ executable: String, _ arguments: [String], input: String? = nil, errorLog: String) throws -> Run {
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
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else {
                throw Failure(command: executable, status: -1, stderr: "wait4: \(String(cString: strerror(errno)))")
            }
        }
        let wallTime = start.duration(to: clock.now)
        let signal = status & 0x7F
        let exitStatus = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        guard exitStatus == 0 else {
            let log = (try? String(contentsOfFile: errorLog, encoding: .utf8)) ?? ""
            throw Failure(command: ([executable] + arguments).joined(separator: " "), status: exitStatus, stderr: String(log.suffix(400)))
        }
        return Run(wallTime: wallTime, peakRSSMiB: ResourceUsage.mebibytes(maxRSS: usage.ru_maxrss))
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

/// The benchmark process's own resource usage.
enum ResourceUsage {
    /// Peak resident set size of this process so far, in MiB.
    static func peakRSSMiB() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return mebibytes(maxRSS: usage.ru_maxrss)
    }

    /// `ru_maxrss` in MiB: it is in KiB on Linux and in bytes on Darwin.
    static func mebibytes(maxRSS: Int) -> Double {
        #if os(Linux)
        Double(maxRSS) / 1024
        #else
        Double(maxRSS) / (1024 * 1024)
        #endif
    }
}
