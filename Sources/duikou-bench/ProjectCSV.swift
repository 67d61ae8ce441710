import Foundation

/// Writes the workload as the projects CSV that `importCSV(.projects, from:)` and
/// `duikou import projects` read: the import's English header, amounts as `N元`, landmark as 1/0.
enum ProjectCSV {
    /// The import's columns, in the order written.
    static let header = "id,pairing,task,title,status,date,planned,completed,northeast_party,east_party,park,landmark,description"

    /// Writes the whole file at `path`, a megabyte at a time, so that the file is never held whole.
    static func write(_ workload: Workload, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else {
            throw BenchError(description: "cannot create \(path)")
        }
        defer { try? file.close() }
        var text = header + "\n"
        for (index, project) in workload.projects.enumerated() {
            let fields = [
                workload.keys[index], project.pairing, project.task, project.title, project.status.rawValue,
                workload.dates[index], project.planned.map { "\($0.yuan)元" } ?? "", "\(project.completed.yuan)元",
                project.northeastParty ?? "", project.eastParty ?? "", project.park?.uuidString.lowercased() ?? "",
                project.landmark ? "1" : "0", project.description ?? "",
            ]
            text += fields.map(quoted).joined(separator: ",")
            text += "\n"
            if text.utf8.count >= 1 << 20 {
                try file.write(contentsOf: Data(text.utf8))
                text = ""
            }
        }
        try file.write(contentsOf: Data(text.utf8))
    }

    /// A field quoted by RFC 4180 when it holds a comma, a quote or a line break.
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
