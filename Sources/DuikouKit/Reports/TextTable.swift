/// A table of text for a terminal, its columns aligned by display width so that Chinese text lines up.
public struct TextTable: Sendable {
    /// How a column's cells are aligned.
    public enum Alignment: Sendable {
        /// Text: flush left.
        case left
        /// Numbers: flush right.
        case right
    }

    /// A column: its heading and alignment.
    public struct Column: Sendable {
        /// The heading.
        public var title: String
        /// The alignment of its cells.
        public var alignment: Alignment

        /// Creates a column.
        public init(_ title: String, _ alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    /// The columns.
    public var columns: [Column]
    /// The rows, one cell per column.
    public var rows: [[String]]
    /// Rows shown after a rule at the bottom, such as a total.
    public var footer: [[String]]

    /// Creates a table.
    public init(columns: [Column], rows: [[String]] = [], footer: [[String]] = []) {
        self.columns = columns
        self.rows = rows
        self.footer = footer
    }

    /// The table as lines of text, each ended by a line break. Line breaks inside cells are shown as
    /// `⏎`, tabs as a space, and other control characters as symbols (`␛` for escape).
    public func rendered() -> String {
        let body = rows.map { $0.map(Self.shown) }
        let foot = footer.map { $0.map(Self.shown) }
        var widths = columns.map { $0.title.displayWidth }
        for row in body + foot {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.displayWidth)
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, column) in columns.enumerated() {
                let cell = index < cells.count ? cells[index] : ""
                let padding = String(repeating: " ", count: max(0, widths[index] - cell.displayWidth))
                parts.append(column.alignment == .left ? cell + padding : padding + cell)
            }
            var text = parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text + "\n"
        }
        let rule = String(repeating: "-", count: widths.reduce(0, +) + 2 * max(0, widths.count - 1)) + "\n"
        var out = line(columns.map(\.title)) + rule
        for row in body { out += line(row) }
        if !foot.isEmpty {
            out += rule
            for row in foot { out += line(row) }
        }
        return out
    }

    /// A cell as a terminal should show it: line breaks as `⏎`, a tab as a space, and the other
    /// control characters, which a terminal would act on (ESC starts a command to it), as their
    /// Control Pictures symbol (`␛`, `␡`) or, past ASCII, as `�`. Bidirectional formatting
    /// characters, which would reorder what follows them on the line (and so disguise one text as
    /// another, or push it into the next column), are shown by name, `⟨U+202E⟩`. The stored text is
    /// unchanged.
    static func shown(_ cell: String) -> String {
        var shown = String.UnicodeScalarView()
        for character in cell {
            if character.isNewline {
                shown.append("⏎")
            } else if character == "\t" {
                shown.append(" ")
            } else {
                for scalar in character.unicodeScalars {
                    switch scalar.value {
                    case 0..<0x20: shown.append(Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}")
                    case 0x7F: shown.append("\u{2421}")
                    case 0x80..<0xA0: shown.append("\u{FFFD}")
                    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                        shown.append(contentsOf: "⟨U+\(String(scalar.value, radix: 16, uppercase: true))⟩".unicodeScalars)
                    default: shown.append(scalar)
                    }
                }
            }
        }
        return String(shown)
    }
}
