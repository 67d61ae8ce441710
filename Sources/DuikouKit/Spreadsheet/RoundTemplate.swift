/// The layout of a reporting template (调度表): its columns, the fill-in ones, the drop-down lists and
/// the instructions sheet, in Chinese or English. The import recognizes a filled template by its
/// header row, exactly these headers in either language.
enum RoundTemplate {
    /// A column of a pairing's sheet.
    struct Column {
        let key: String
        let headerZH: String
        let headerEN: String
        let width: Int
        /// The style of its cells: locked (`nil`) or a fill-in style.
        let style: XLSXStyle?

        func header(_ language: Language) -> String { language == .zh ? headerZH : headerEN }
    }

    /// The columns of a pairing's sheet: five locked columns describing the project, then five to fill.
    static let columns: [Column] = [
        Column(key: "project", headerZH: "项目编号", headerEN: "Project ID", width: 38, style: nil),
        Column(key: "title", headerZH: "项目名称", headerEN: "Title", width: 30, style: nil),
        Column(key: "task", headerZH: "任务", headerEN: "Task", width: 22, style: nil),
        Column(key: "last_status", headerZH: "上期状态", headerEN: "Last status", width: 10, style: nil),
        Column(key: "last_completed", headerZH: "上期累计完成投资（万元）", headerEN: "Last completed investment (10,000 yuan)", width: 18, style: nil),
        Column(key: "status", headerZH: "本期状态", headerEN: "Status", width: 10, style: .input),
        Column(key: "completed", headerZH: "本期累计完成投资（万元）", headerEN: "Completed investment (10,000 yuan)", width: 18, style: .inputWan),
        Column(key: "date", headerZH: "日期", headerEN: "Date", width: 12, style: .inputDate),
        Column(key: "note", headerZH: "备注", headerEN: "Note", width: 30, style: .input),
        Column(key: "unchanged", headerZH: "无变化", headerEN: "Unchanged", width: 8, style: .input),
    ]

    /// The keys of the columns people fill in.
    static let fillInKeys = columns.filter { $0.style != nil }.map(\.key)

    /// The 0-based positions of the status and the unchanged columns, which have drop-down lists.
    static let statusColumn = 5
    static let unchangedColumn = 9

    static func sheetColumns(_ language: Language) -> [SheetColumn] {
        columns.map { SheetColumn(key: $0.key, header: $0.header(language), width: $0.width, style: $0.style) }
    }

    /// A pairing's sheet is protected (only the fill-in columns can be edited) and offers the
    /// statuses and 是/否 as drop-down lists.
    static func layout(_ language: Language) -> SheetLayout {
        SheetLayout(protected: true, choices: [
            SheetLayout.Choice(column: statusColumn, values: ProjectStatus.allCases.map { $0.label(language) }),
            SheetLayout.Choice(column: unchangedColumn, values: yesNo(language)),
        ])
    }

    static func yesNo(_ language: Language) -> [String] { language == .zh ? ["是", "否"] : ["yes", "no"] }

    /// The header a column key has in the template, for problems: `本期状态`.
    static func header(of key: String, _ language: Language) -> String {
        columns.first { $0.key == key }?.header(language) ?? key
    }

    /// The language of a sheet whose header row is exactly a template's, or `nil` when it is not one.
    static func language(ofHeader fields: [String]) -> Language? {
        var names = fields.map { $0.trimmingSpaces() }
        while names.last?.isEmpty == true { names.removeLast() }
        return Language.allCases.first { language in names == columns.map { $0.header(language) } }
    }

    /// The name of the instructions sheet.
    static func instructionsName(_ language: Language) -> String { language == .zh ? "说明" : "Instructions" }

    /// The columns of the instructions sheet.
    static func instructionsColumns(_ language: Language) -> [SheetColumn] {
        [SheetColumn(key: "item", header: language == .zh ? "事项" : "Item", width: 26),
         SheetColumn(key: "text", header: language == .zh ? "说明" : "Notes", width: 110)]
    }

    /// The label of the instructions row that holds the round's period, which the import reads.
    static func periodLabel(_ language: Language) -> String { language == .zh ? "调度期" : "Round" }

    /// The rows of the instructions sheet; the first names the round's period.
    static func instructions(_ round: ReportingRound, _ language: Language) -> [(String, String)] {
        let period = round.period
        let statuses = ProjectStatus.allCases.map { $0.label(language) }
        if language == .en {
            return [
                (periodLabel(.en), period.description),
                ("Period", "\(period.start) to \(period.end)"),
                ("Due", round.due.description),
                ("What to fill in", "One sheet per pairing, one row per project in the round's scope. Fill in only the five columns on the right: Status, Completed investment (10,000 yuan), Date, Note, Unchanged. The columns on the left are locked; do not add, delete or reorder rows, and do not change the headers."),
                ("Status", "Choose from the list: \(statuses.joined(separator: ", ")). A project only moves forward (it may skip steps); a suspended project resumes at or past the step it left; terminated is final. Leave it empty to keep the last status."),
                ("Completed investment (10,000 yuan)", "The cumulative amount to date (not this period's increase), in 10,000 yuan, decimals allowed; never less than the last figure. Leave it empty to keep the last figure."),
                ("Date", "The date the report describes, as a date or as 2025-09-30, 2025/9/30 or 2025年9月30日; not before the project's last update. Empty: the period's last day, or today if that is earlier."),
                ("Note", "Optional: progress or problems in a few words."),
                ("Unchanged", "Choose yes when nothing changed in the period: then leave Status and Completed investment empty (a note is fine)."),
                ("Rows left empty", "A row with nothing filled in is a project that has not reported; the import skips it."),
                ("Returning it", "Send the filled workbook back as it is, in .xlsx: keep this sheet, whose first row names the round."),
            ]
        }
        return [
            (periodLabel(.zh), period.description),
            ("期间", "\(period.start) 至 \(period.end)"),
            ("截止日期", round.due.description),
            ("填写内容", "每个对口合作关系一张表，每行一个本期调度范围内的项目。只填写右侧五列：本期状态、本期累计完成投资（万元）、日期、备注、无变化。左侧各列已锁定；请勿增删或调整行的顺序，也不要改动表头。"),
            ("本期状态", "从下拉列表中选择：\(statuses.joined(separator: "、"))。项目只能向前推进（可跳过阶段）；停建的项目在停建时的阶段或之后复工；终止后不再变化。留空表示沿用上期状态。"),
            ("本期累计完成投资（万元）", "截至本期的累计完成投资（不是本期新增），单位万元，可带小数；不得小于上期累计。留空表示沿用上期数。"),
            ("日期", "本次情况对应的日期，可填日期或 2025-09-30、2025/9/30、2025年9月30日；不得早于项目上次更新的日期。留空：取本期最后一天，若今天更早则取今天。"),
            ("备注", "可选：简要说明进展或问题。"),
            ("无变化", "本期没有任何变化时选“是”：此时本期状态和本期累计完成投资留空（可填备注）。"),
            ("未填写的行", "整行未填写的项目视为本期未报送，导入时跳过。"),
            ("交回", "填好后按原样以 .xlsx 格式交回；请保留本说明表，其第一行标明本期调度。"),
        ]
    }
}
