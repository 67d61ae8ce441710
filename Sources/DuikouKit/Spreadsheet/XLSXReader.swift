/// A sheet of a workbook: its name and the zip entry holding it.
struct XLSXSheet {
    let name: String
    let part: String

    /// The name as Excel writes it in a reference: bare when it is plain letters, digits and
    /// underscores, otherwise in single quotes with quotes doubled (`'It''s'`).
    var reference: String {
        let plain = !name.isEmpty && name.unicodeScalars.allSatisfy {
            $0 == "_" || ($0.properties.isAlphabetic || ("0"..."9").contains($0)) && $0.value > 0x20
        } && !("0"..."9").contains(name.unicodeScalars.first!)
        return plain ? name : "'" + name.replacingEvery("'", with: "''") + "'"
    }
}

/// Reads an `.xlsx` workbook (Office Open XML SpreadsheetML): its sheets in order, its shared strings
/// and which styles are dates, then any sheet row by row as a stream.
final class XLSXReader {
    let path: String
    let sheets: [XLSXSheet]
    let strings: SharedStrings
    let formats: CellFormats
    /// Whether serial dates count from 1904 (`<workbookPr date1904="1"/>`, old Mac workbooks).
    let system1904: Bool
    private let archive: ZipReader

    /// Opens the workbook at `path`.
    ///
    /// - Throws: ``DuikouError/Code/invalidInput`` when it is not a zip archive, has no
    ///   `xl/workbook.xml`, or breaks a limit (see ``SpreadsheetLimits``).
    init(path: String, limits: SpreadsheetLimits = .standard) throws {
        self.path = path
        archive = try ZipReader(path: path, limits: limits)
        guard let workbook = try Self.tokenizer(archive, "xl/workbook.xml") else {
            throw DuikouError(.invalidInput, "\(DuikouError.quoted(path)): is a zip archive but not an .xlsx workbook (it has no xl/workbook.xml)")
        }
        var named: [(name: String, relation: String)] = []
        var system1904 = false
        while let token = try workbook.next() {
            guard case .start(let tag) = token else { continue }
            if tag.name == "sheet", let name = tag.attribute("name"), let relation = tag.attribute("id") {
                named.append((name, relation))
            } else if tag.name == "workbookPr", let value = tag.attribute("date1904") {
                system1904 = value == "1" || value.lowercased() == "true"
            }
        }
        self.system1904 = system1904
        var targets: [String: String] = [:]
        var stringsPart = "xl/sharedStrings.xml", stylesPart = "xl/styles.xml"
        if let relations = try Self.tokenizer(archive, "xl/_rels/workbook.xml.rels") {
            while let token = try relations.next() {
                guard case .start(let tag) = token, tag.name == "Relationship", let id = tag.attribute("Id"),
                      let target = tag.attribute("Target") else { continue }
                let part = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
                targets[id] = part
                let type = tag.attribute("Type") ?? ""
                if type.hasSuffix("/sharedStrings") { stringsPart = part }
                if type.hasSuffix("/styles") { stylesPart = part }
            }
        }
        sheets = named.map { XLSXSheet(name: $0.name, part: targets[$0.relation] ?? "xl/worksheets/sheet\($0.relation.filter(\.isASCIIDigitCharacter)).xml") }
        strings = try Self.tokenizer(archive, stringsPart).map { try SharedStrings($0, limit: limits.maximumSharedStringBytes) } ?? SharedStrings()
        formats = try Self.tokenizer(archive, stylesPart).map { try CellFormats($0) } ?? CellFormats()
    }

    private static func tokenizer(_ archive: ZipReader, _ part: String) throws -> XMLTokenizer? {
        try archive.openEntry(part).map { XMLTokenizer(source: $0, context: "\(DuikouError.quoted(archive.path)) \(part)") }
    }

    /// The rows of `sheet`, read as they are asked for.
    func rows(of sheet: XLSXSheet) throws -> SheetRowReader {
        guard let tokenizer = try Self.tokenizer(archive, sheet.part) else {
            throw DuikouError(.invalidInput, "\(DuikouError.quoted(path)): the sheet \(sheet.reference) has no part \(sheet.part) in the archive")
        }
        return SheetRowReader(tokenizer: tokenizer, workbook: self, sheet: sheet)
    }
}
