/// One cell of an HTML table: escaped text, or markup the report built itself.
struct HTMLCell {
    let html: String

    /// A cell showing `text`, escaped.
    init(_ text: String) {
        html = HTMLText.escape(text)
    }

    /// A cell of markup; every piece of user text in it must already be escaped.
    init(html: String) {
        self.html = html
    }
}

/// A table of the HTML report: a header row, body rows (in groups under a heading row, or not),
/// and footer rows such as a total. Numeric columns are right-aligned with figures of equal width.
struct HTMLTable {
    /// A column: its heading, whether it holds numbers, whether its cells are kept on one line, and
    /// whether it holds longer text that should keep a readable width.
    struct Column {
        var title: String
        var numeric = false
        var nowrap = false
        var wide = false

        var cellClass: String {
            numeric ? " class=\"num\"" : nowrap ? " class=\"nowrap\"" : wide ? " class=\"wide\"" : ""
        }
    }

    /// Rows under a heading that spans the table; rows without a title have no heading row.
    struct Group {
        var title: String?
        var rows: [[HTMLCell]]
    }

    var columns: [Column]
    var groups: [Group]
    var footer: [[HTMLCell]]
    /// A line above the table's top right corner, such as the unit of its amounts.
    var caption: String?
    /// As narrow as its content, rather than the page's width.
    var compact = false

    init(columns: [Column], rows: [[HTMLCell]], footer: [[HTMLCell]] = [], caption: String? = nil, compact: Bool = false) {
        self.init(columns: columns, groups: [Group(title: nil, rows: rows)], footer: footer, caption: caption, compact: compact)
    }

    init(columns: [Column], groups: [Group], footer: [[HTMLCell]] = [], caption: String? = nil, compact: Bool = false) {
        self.columns = columns
        self.groups = groups
        self.footer = footer
        self.caption = caption
        self.compact = compact
    }

    func html() -> String {
        func cells(_ row: [HTMLCell], tag: String) -> String {
            zip(columns, row).map { column, cell in "<\(tag)\(column.cellClass)>\(cell.html)</\(tag)>" }.joined()
        }
        var out = compact ? "<table class=\"compact\">\n" : "<table>\n"
        if let caption { out += "<caption>\(HTMLText.escape(caption))</caption>\n" }
        out += "<thead><tr>" + columns.map { "<th\($0.cellClass)>\(HTMLText.escape($0.title))</th>" }.joined() + "</tr></thead>\n"
        for group in groups {
            out += "<tbody>\n"
            if let title = group.title {
                out += "<tr class=\"group\"><th colspan=\"\(columns.count)\">\(HTMLText.escape(title))</th></tr>\n"
            }
            for row in group.rows { out += "<tr>" + cells(row, tag: "td") + "</tr>\n" }
            out += "</tbody>\n"
        }
        if !footer.isEmpty {
            out += "<tfoot>\n"
            for row in footer { out += "<tr>" + cells(row, tag: "td") + "</tr>\n" }
            out += "</tfoot>\n"
        }
        return out + "</table>\n"
    }
}
