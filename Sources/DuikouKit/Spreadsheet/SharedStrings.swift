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
        while let event = try tokenizer.advance() {
            switch event {
            case .start:
                let closes = tokenizer.closesItself
                if tokenizer.isNamed("si") {
                    if closes { ends.append(bytes.count) } else { inItem = true }
                } else if tokenizer.isNamed("rPh") {
                    inPhonetic = !closes
                } else if tokenizer.isNamed("t") {
                    inText = !closes && inItem && !inPhonetic
                }
            case .end:
                if tokenizer.isNamed("si") {
                    inItem = false
                    ends.append(bytes.count)
                } else if tokenizer.isNamed("rPh") {
                    inPhonetic = false
                } else if tokenizer.isNamed("t") {
                    inText = false
                }
            case .text where inText:
                tokenizer.appendText(to: &bytes)
                guard bytes.count <= limit else {
                    throw tokenizer.refuse("its shared strings hold more than \(limit >> 20) MiB of text")
                }
            case .text: break
            }
        }
    }
}
