/// The shared-string table of a workbook (`xl/sharedStrings.xml`), kept in memory as one run of UTF-8
/// bytes and the offsets of the strings in it, at most ``SpreadsheetLimits/maximumSharedStringBytes``.
struct SharedStrings {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    var count: Int { ends.count }

    /// An empty table, for a workbook without shared strings.
    init() {}

    /// The string at `index`, or `nil` when there is none.
    func string(at index: Int) -> String? {
        guard index >= 0, index < ends.count else { return nil }
        let start = index == 0 ? 0 : ends[index - 1]
        return String(decoding: bytes[start..<ends[index]], as: UTF8.self)
    }

    /// Reads the table: each `<si>` is the text of its `<t>` elements (plain, or the runs of rich
    /// text), phonetic guides (`<rPh>`) left out.
    init(_ tokenizer: XMLTokenizer, limit: Int) throws {
        var inItem = false, inText = false, inPhonetic = false
        while let token = try tokenizer.next() {
            switch token {
            case .start(let tag):
                switch tag.name {
                case "si" where !tag.closesItself: inItem = true
                case "si": ends.append(bytes.count)
                case "rPh": inPhonetic = !tag.closesItself
                case "t": inText = !tag.closesItself && inItem && !inPhonetic
                default: break
                }
            case .end(let name):
                switch name {
                case "si":
                    inItem = false
                    ends.append(bytes.count)
                case "rPh": inPhonetic = false
                case "t": inText = false
                default: break
                }
            case .text(let text) where inText:
                bytes.append(contentsOf: text.utf8)
                guard bytes.count <= limit else {
                    throw tokenizer.refuse("its shared strings hold more than \(limit >> 20) MiB of text")
                }
            case .text: break
            }
        }
    }
}
