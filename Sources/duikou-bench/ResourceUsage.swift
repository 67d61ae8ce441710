#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
