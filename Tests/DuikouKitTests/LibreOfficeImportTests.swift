import Foundation
import Testing
@testable import DuikouKit

/// A workbook written by a real client: LibreOffice (headless) converts a CSV holding a formula to
/// `.xlsx`, and the import reads it, the formula by its cached value. `.ci/run` installs LibreOffice;
/// without it this test fails rather than skips.
@Suite struct LibreOfficeImportTests {
    /// The `soffice` executable on the PATH, if any.
    private static func soffice() -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/soffice" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test func workbookWrittenByLibreOfficeImportsWithFormulaValues() throws {
        let soffice = try #require(Self.soffice(), "LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc-nogui")
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let csv = db.folder.appendingPathComponent("项目.csv")
        try Data("""
            对口合作关系,任务,项目名称,状态,日期,计划总投资（亿元）
            harbin-shenzhen,2.1,LibreOffice项目,在建,2024-03-01,=1.5*2
            harbin-shenzhen,2.1,"引号""逗号,项目",签约,2024/3/2,0.25

            """.utf8).write(to: csv)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = ["-env:UserInstallation=file://\(db.folder.path)/lo-profile", "--headless", "--infilter=CSV:44,34,76",
                             "--convert-to", "xlsx", "--outdir", db.folder.path, csv.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let xlsx = db.folder.appendingPathComponent("项目.xlsx").path
        try #require(process.terminationStatus == 0 && FileManager.default.fileExists(atPath: xlsx), "soffice did not convert the CSV")
        let result = try repo.importFile(.projects, from: xlsx)
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(result.added == 2)
        let projects = Dictionary(uniqueKeysWithValues: try repo.projects().map { ($0.title, $0) })
        #expect(projects["LibreOffice项目"]?.planned?.yuan == 300_000_000)
        #expect(projects["LibreOffice项目"]?.status == .started)
        #expect(projects["引号\"逗号,项目"]?.planned?.yuan == 25_000_000)
        #expect(projects["引号\"逗号,项目"]?.statusDate.description == "2024-03-02")
    }
}
