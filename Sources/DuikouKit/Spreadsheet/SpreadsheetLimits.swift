/// How much a spreadsheet file may hold before it is refused as hostile or broken.
struct SpreadsheetLimits: Sendable {
    /// The most all the archive's entries may inflate to together, whatever the file's size: 1 GiB.
    var maximumInflatedBytes: Int64 = 1 << 30
    /// How many times its own size the archive may inflate to (a zip bomb inflates thousands of times).
    var maximumRatio: Int64 = 100
    /// What any archive may inflate to regardless of the ratio, so that small files with highly
    /// compressible XML still open: 16 MiB.
    var minimumAllowance: Int64 = 16 << 20
    /// The most bytes of text the shared-string table may hold in memory: 256 MiB.
    var maximumSharedStringBytes = 256 << 20

    static let standard = SpreadsheetLimits()

    /// What an archive of `size` bytes may inflate to.
    func allowance(forFileOfSize size: Int64) -> Int64 {
        let (scaled, overflow) = size.multipliedReportingOverflow(by: maximumRatio)
        return min(maximumInflatedBytes, max(minimumAllowance, overflow ? Int64.max : scaled))
    }

    /// The most rows a sheet has (Excel's limit).
    static let maximumRows = 1_048_576
    /// The most columns a sheet has (Excel's limit, column XFD).
    static let maximumColumns = 16_384
    /// The most characters (UTF-16 code units, as Excel counts them) a cell holds.
    static let maximumCellCharacters = 32_767
}
