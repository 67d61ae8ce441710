import DuikouKit
import Foundation
import Testing

/// The web workspace in a real browser: `scripts/e2e/browser.py` drives headless Chromium through
/// Selenium against the built `duikou-server serve` on a demo database, as a reporter of one
/// pairing (sign in, the dashboard, an update through a project's form and its effect, another
/// pairing's project without forms and a crafted post refused with 403, sign out).
/// `DUIKOU_SCREENSHOTS=1` also writes docs/screenshots/dashboard.png and project.png.
@Suite(.serialized) struct BrowserTests {
    @Test func aReporterWorksThroughTheFormsInARealBrowser() throws {
        try ExternalTool.require([ExternalTool.chromium, ExternalTool.chromedriver, ExternalTool.python])
        let database = try TemporaryDatabase()
        let path = try demoDatabase(in: database.folder)
        let password = "长城 \"e2e\" password"
        _ = try duikouServer(["user", "add", "王芳", "--role", "reporter", "--pairing", "harbin-shenzhen", "--db", path], input: password + "\n")
        _ = try duikouServer(["user", "add", "viewer", "--role", "viewer", "--db", path], input: "a viewer's password\n")
        let passwordFile = database.folder.appendingPathComponent("password")
        try Data(password.utf8).write(to: passwordFile)

        let recordedBefore = try Repository(path: path).history().count
        let server = try ServerProcess(database: path, logFolder: database.folder)
        var arguments = ["scripts/e2e/browser.py", "--base", server.base, "--user", "王芳", "--password-file", passwordFile.path,
                         "--pairing", "harbin-shenzhen", "--other-pairing", "dalian-shanghai"]
        if ProcessInfo.processInfo.environment["DUIKOU_SCREENSHOTS"] == "1" {
            arguments += ["--screenshots", packageFolder.appendingPathComponent("docs/screenshots").path]
        }
        let (status, output) = try runProgram(ExternalTool.python, arguments, timeout: 90)
        let log = server.logText
        #expect(try server.terminate() == 0, "\(log)")
        #expect(status == 0, "browser.py → \(status):\n\(output)\nserver log:\n\(log)")

        // What the browser wrote is in the audit log once, under the reporter's name: the update.
        let written = try Repository(path: path).history().dropFirst(recordedBefore).filter { $0.recordKind != "account" }
        #expect(written.count == 1, "\(written)")
        #expect(written.first?.actor == "王芳" && written.first?.command.hasPrefix("web: POST /projects/") == true, "\(written)")
        #expect(log.contains("status=403"), "\(log)")
    }
}
