extension CooperationReport {
    /// The report as one self-contained HTML file: inline CSS and inline SVG charts, no script and
    /// nothing fetched, laid out for the screen and for A4 paper.
    ///
    /// The same report gives the same bytes every time: nothing in it depends on the clock, the
    /// locale or the order of a hash table. All text from the database is escaped.
    ///
    /// - Parameters:
    ///   - language: the language of headings, labels and the names of areas, tasks, statuses and
    ///     pairings; project titles and other recorded text appear as recorded.
    ///   - redactingPeople: leave the names of seconded persons out (a dash stands in their place).
    public func html(_ language: Language = .zh, redactingPeople: Bool = false) -> String {
        ReportPage(report: self, language: language, redactingPeople: redactingPeople).document()
    }
}

/// Renders a ``CooperationReport`` as an HTML page, section by section.
struct ReportPage {
    let report: CooperationReport
    let language: Language
    let redactingPeople: Bool

    /// The most secondees listed by name; the rest are counted.
    static let listedSecondees = 30

    /// The most reform measures listed; the rest are counted.
    static let listedReforms = 20

    /// The most red alerts listed; the rest are counted.
    static let listedRedAlerts = 30

    /// The most projects not reported in a round listed by title for one pairing; the rest are counted.
    static let listedUnreported = 10

    private var total: ProgressFigures { report.byArea.total }

    private func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    private func escape(_ text: String) -> String { HTMLText.escape(text) }

    func document() -> String {
        let sections = [
            headlineSection(), areaSection(), provinceSection(), pairingSection(), funnelSection(), investmentByYearSection(),
            planSection(), parksSection(), exchangesSection(), institutionalSection(), alertsSection(), roundSection(), landmarkSection(),
        ]
        var body = header()
        for (index, section) in sections.enumerated() {
            body += "<section id=\"\(section.id)\">\n<h2>\(heading(index + 1, section.title))</h2>\n\(section.body)</section>\n"
        }
        body += notes()
        return """
            <!DOCTYPE html>
            <html lang="\(language == .zh ? "zh-CN" : "en")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title + " · " + dateLine))</title>
            <style>
            \(ReportStyle.css)</style>
            </head>
            <body>
            <main>
            \(body)</main>
            </body>
            </html>

            """
    }

    // MARK: - Title and headings

    private var title: String {
        guard let pairing = report.pairing else { return t("东北地区与东部地区对口合作进展报告", "Northeast–East Paired Cooperation: Progress Report") }
        return t("\(pairingName(pairing))对口合作进展报告", "\(pairingName(pairing)) Paired Cooperation: Progress Report")
    }

    /// The pairings below the one the report is about, named in the header.
    private var pairingsBelow: [String] {
        guard let pairing = report.pairing else { return [] }
        return Array(report.catalogue.subtree(ofPairing: pairing).dropFirst())
    }

    private var dateLine: String {
        guard let asOf = report.asOf else { return t("尚无进展记录", "No progress recorded yet") }
        return t("截至\(longDate(asOf))", "As of \(longDate(asOf))")
    }

    private func longDate(_ date: LocalDate) -> String {
        if language == .zh { return "\(date.year)年\(date.month)月\(date.day)日" }
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(date.day) \(months[(date.month - 1) % 12]) \(date.year)"
    }

    private func heading(_ number: Int, _ text: String) -> String {
        guard language == .zh else { return "\(number). \(escape(text))" }
        let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"]
        let numeral = number >= 1 && number <= numerals.count ? numerals[number - 1] : String(number)
        return "\(numeral)、\(escape(text))"
    }

    private func header() -> String {
        var out = "<header>\n<h1>\(escape(title))</h1>\n<p class=\"dateline\">\(escape(dateLine))</p>\n"
        if !pairingsBelow.isEmpty {
            let names = pairingsBelow.map(pairingName).joined(separator: t("、", ", "))
            out += "<p class=\"basis\">\(escape(t("含下级对口合作关系：", "With the pairings below it: ") + names))</p>\n"
        }
        out += "<p class=\"basis\">\(escape(t("依据《东北地区与东部地区部分省市对口合作工作方案》（国办发〔2017〕22号）", "Under the State Council General Office's work plan for paired cooperation between the Northeast and the East (国办发〔2017〕22号)")))</p>\n"
        if report.isSampleData {
            out += "<p class=\"sample\">\(escape(t("示例数据（虚构），仅供演示", "Illustrative sample data (invented), for demonstration only")))</p>\n"
        }
        return out + "</header>\n"
    }

    // MARK: - Formatting

    private var yiUnit: String { t("亿元", "100m yuan") }

    private var moneyCaption: String { t("金额单位：亿元", "Amounts in 100 million yuan (亿元)") }

    private func yi(_ money: Money) -> String { MoneyText.yi(money) }

    private func yiValue(_ money: Money) -> Double { Double(money.yuan) / 100_000_000 }

    private func percent(_ ratio: Double?) -> String { Ratio.percent(ratio) }

    private func pairingName(_ id: String) -> String { report.catalogue.name(ofPairing: id, language) }

    private func regionName(_ code: String?) -> String {
        guard let code else { return "-" }
        return report.catalogue.region(code)?.name(language) ?? code
    }

    private func taskName(_ code: String) -> String {
        report.catalogue.task(code)?.name(language) ?? code
    }

    private func empty(_ text: String) -> String { "<p class=\"empty\">\(escape(text))</p>\n" }

    private func figure(_ caption: String, _ svg: String) -> String {
        "<figure>\n<figcaption>\(escape(caption))</figcaption>\n\(svg)\n</figure>\n"
    }

    // MARK: - Sections

    private struct Section {
        let id: String
        let title: String
        let body: String
    }

    private func headlineSection() -> Section {
        let items: [(String, String, String)] = [
            (t("合作项目", "Projects"), HTMLText.count(total.projects), t("个", "")),
            (t("标志性项目", "Landmark projects"), HTMLText.count(total.landmarkProjects), t("个", "")),
            (t("计划总投资", "Planned investment"), yi(total.plannedInvestment), yiUnit),
            (t("累计完成投资", "Completed investment"), yi(total.completedInvestment), yiUnit),
            (t("落地率", "Landed rate"), percent(total.landedRate), ""),
            (t("开工率", "Started rate"), percent(total.startedRate), ""),
            (t("投产率", "Operating rate"), percent(total.operatingRate), ""),
            (t("共建园区", "Co-built parks"), HTMLText.count(total.parks), t("个", "")),
            (t("东北赴东部挂职", "Seconded to the East"), HTMLText.count(total.secondmentsToEast), t("人", "persons")),
            (t("东部来东北挂职", "Seconded to the Northeast"), HTMLText.count(total.secondmentsToNortheast), t("人", "persons")),
            (t("东北赴东部培训", "Trained in the East"), HTMLText.count(total.traineesToEast), t("人次", "person-times")),
            (t("东部来东北培训", "Trained in the Northeast"), HTMLText.count(total.traineesToNortheast), t("人次", "person-times")),
        ]
        var body = "<p class=\"lede\">\(escape(lede()))</p>\n<div class=\"figures\">\n"
        for (label, value, unit) in items {
            body += "<div class=\"figure\"><div class=\"label\">\(escape(label))</div><div class=\"value\">\(escape(value))"
            body += unit.isEmpty ? "" : "<span class=\"unit\">\(escape(unit))</span>"
            body += "</div></div>\n"
        }
        body += "</div>\n"
        return Section(id: "headline", title: t("主要指标", "Headline figures"), body: body)
    }

    private func lede() -> String {
        let completion = percent(total.investmentCompletionRate)
        if language == .zh {
            let when = report.asOf.map { "截至\(longDate($0))，" } ?? ""
            return "\(when)共有对口合作项目\(HTMLText.count(total.projects))个，其中标志性项目\(HTMLText.count(total.landmarkProjects))个；"
                + "计划总投资\(yi(total.plannedInvestment))亿元，累计完成投资\(yi(total.completedInvestment))亿元，投资完成率\(completion)。"
                + "共建园区\(HTMLText.count(total.parks))个；东北赴东部挂职干部\(HTMLText.count(total.secondmentsToEast))人，东部来东北挂职干部\(HTMLText.count(total.secondmentsToNortheast))人；"
                + "东北干部赴东部培训\(HTMLText.count(total.traineesToEast))人次，东部干部来东北培训\(HTMLText.count(total.traineesToNortheast))人次。"
        }
        let when = report.asOf.map { "As of \(longDate($0)), " } ?? ""
        return "\(when)\(HTMLText.count(total.projects)) cooperation projects were recorded, \(HTMLText.count(total.landmarkProjects)) of them landmark projects; "
            + "planned investment \(yi(total.plannedInvestment)) and completed investment \(yi(total.completedInvestment)) (100m yuan), \(completion) complete. "
            + "\(HTMLText.count(total.parks)) co-built parks; \(HTMLText.count(total.secondmentsToEast)) Northeast cadres seconded to the East and "
            + "\(HTMLText.count(total.secondmentsToNortheast)) Eastern cadres to the Northeast; \(HTMLText.count(total.traineesToEast)) person-times trained in the East "
            + "and \(HTMLText.count(total.traineesToNortheast)) in the Northeast."
    }

    /// The two charts of a progress report: projects (and how many have started), and investment.
    private func progressCharts(_ progress: ProgressReport, id: String, subject: String) -> String {
        let charts = progress.charts(id: id, subject: subject, language: language)
        return figure(t("项目数", "Projects"), charts.projects) + figure(t("投资（亿元）", "Investment (100m yuan)"), charts.investment)
    }

    private func areaSection() -> Section {
        let progress = report.byArea
        let columns: [HTMLTable.Column] = [
            .init(title: t("代码", "Code")), .init(title: t("任务方面", "Task area")),
            .init(title: t("项目", "Projects"), numeric: true), .init(title: t("标志性", "Landmark"), numeric: true),
            .init(title: t("计划投资", "Planned"), numeric: true),
            .init(title: t("完成投资", "Completed"), numeric: true),
            .init(title: t("投资完成率", "Invested"), numeric: true), .init(title: t("落地率", "Landed"), numeric: true),
            .init(title: t("开工率", "Started"), numeric: true), .init(title: t("投产率", "Operating"), numeric: true),
        ]
        let cells = { (figures: ProgressFigures) -> [HTMLCell] in
            [HTMLCell(HTMLText.count(figures.projects)), HTMLCell(HTMLText.count(figures.landmarkProjects)),
             HTMLCell(yi(figures.plannedInvestment)), HTMLCell(yi(figures.completedInvestment)),
             HTMLCell(percent(figures.investmentCompletionRate)), HTMLCell(percent(figures.landedRate)),
             HTMLCell(percent(figures.startedRate)), HTMLCell(percent(figures.operatingRate))]
        }
        let table = HTMLTable(
            columns: columns, rows: progress.rows.map { [HTMLCell($0.key), HTMLCell($0.name(language))] + cells($0.figures) },
            footer: [[HTMLCell(""), HTMLCell(t("合计", "Total"))] + cells(progress.total)], caption: moneyCaption)
        return Section(id: "areas", title: t("分任务方面进展", "Progress by task area"),
                       body: progressCharts(progress, id: "areas", subject: t("分任务方面", "task area")) + table.html())
    }

    /// The columns of the tables by pairing and by province, the first naming the rows.
    private func pairingColumns(_ first: String) -> ([HTMLTable.Column], (ProgressFigures) -> [HTMLCell]) {
        let columns: [HTMLTable.Column] = [
            .init(title: first, nowrap: true),
            .init(title: t("项目", "Projects"), numeric: true), .init(title: t("标志性", "Landmark"), numeric: true),
            .init(title: t("计划投资", "Planned"), numeric: true),
            .init(title: t("完成投资", "Completed"), numeric: true),
            .init(title: t("开工率", "Started"), numeric: true), .init(title: t("投产率", "Operating"), numeric: true),
            .init(title: t("园区", "Parks"), numeric: true),
            .init(title: t("挂职赴东部(人)", "Seconded to the East"), numeric: true), .init(title: t("挂职来东北(人)", "Seconded to the Northeast"), numeric: true),
            .init(title: t("培训赴东部(人次)", "Trained in the East"), numeric: true), .init(title: t("培训来东北(人次)", "Trained in the Northeast"), numeric: true),
            .init(title: AlertLevel.red.label(language), numeric: true), .init(title: AlertLevel.yellow.label(language), numeric: true),
        ]
        let cells = { (figures: ProgressFigures) -> [HTMLCell] in
            [HTMLCell(HTMLText.count(figures.projects)), HTMLCell(HTMLText.count(figures.landmarkProjects)),
             HTMLCell(yi(figures.plannedInvestment)), HTMLCell(yi(figures.completedInvestment)),
             HTMLCell(percent(figures.startedRate)), HTMLCell(percent(figures.operatingRate)),
             HTMLCell(HTMLText.count(figures.parks)),
             HTMLCell(HTMLText.count(figures.secondmentsToEast)), HTMLCell(HTMLText.count(figures.secondmentsToNortheast)),
             HTMLCell(HTMLText.count(figures.traineesToEast)), HTMLCell(HTMLText.count(figures.traineesToNortheast)),
             HTMLCell(HTMLText.count(figures.alertsRed)), HTMLCell(HTMLText.count(figures.alertsYellow))]
        }
        return (columns, cells)
    }

    private func pairingSection() -> Section {
        let progress = report.byPairing
        let (columns, cells) = pairingColumns(t("对口合作关系", "Pairing"))
        let table = HTMLTable(
            columns: columns, rows: progress.rows.map { [HTMLCell($0.name(language))] + cells($0.figures) },
            footer: [[HTMLCell(t("合计", "Total"))] + cells(progress.total)],
            caption: moneyCaption + t("；各行只计本关系自身的记录，下级关系另列", "; each row counts the pairing's own records, those of the pairings below it are listed apart"))
        return Section(id: "pairings", title: t("分对口合作关系进展", "Progress by pairing"),
                       body: progressCharts(progress, id: "pairings", subject: t("分对口合作关系", "pairing")) + table.html())
    }

    private func provinceSection() -> Section {
        let progress = report.byProvince
        let (columns, cells) = pairingColumns(t("省区", "Province"))
        let table = HTMLTable(
            columns: columns, rows: progress.rows.map { [HTMLCell($0.name(language))] + cells($0.figures) },
            footer: [[HTMLCell(t("合计", "Total"))] + cells(progress.total)],
            caption: moneyCaption + t("；各省区计入东北一方为本省区或位于其内的全部对口合作关系", "; each province counts every pairing whose Northeast side is the province or lies inside it"))
        return Section(id: "provinces", title: t("分省区进展（含省内各市对口合作）", "Progress by Northeast province (its cities' pairings included)"), body: table.html())
    }

    private func funnelSection() -> Section {
        let steps = ProgressFigures.reachedSteps
        let signed = total.reached[.signed] ?? 0
        let counts = steps.map { total.reached[$0] ?? 0 }
        let labels = counts.map { "\(HTMLText.count($0))\(t(" 个", "")) · \(percent(ProgressFigures.ratio($0, signed)))" }
        let chart = BarChart(
            id: "funnel", title: t("项目推进阶段", "Project stages"), categories: steps.map { $0.label(language) },
            series: [ChartSeries(name: t("项目数", "Projects"), fill: .dark, values: counts.map(Double.init), labels: labels)],
            axisTitle: t("个（已达到该阶段的项目）", "projects that have reached the step"), integral: true)
        let before = total.projects - signed
        let suspended = total.byStatus[.suspended] ?? 0
        let terminated = total.byStatus[.terminated] ?? 0
        let note = language == .zh
            ? "每一阶段计入进展曾达到该阶段的全部项目，无论其后是否停建或终止（如投产项目也计入签约、落地、开工、竣工），百分比以曾签约的项目为基数。"
                + "其中现已停建\(suspended)个、终止\(terminated)个；另有\(before)个项目尚未签约（谋划、洽谈），不计入上图。"
            : "Each step counts every project whose history has reached it, whatever became of it since (an operating project counts at every step); "
                + "percentages are of the projects that have reached signed. \(suspended) of them are now suspended and \(terminated) terminated; "
                + "\(before) projects not yet signed (planned or under negotiation) are not shown."
        return Section(id: "funnel", title: t("项目推进阶段：签约 → 落地 → 开工 → 竣工 → 投产", "Project stages: signed → landed → started → completed → operating"),
                       body: figure(t("已达到各阶段的项目", "Projects that have reached each step"), chart.svg()) + "<p class=\"note\">\(escape(note))</p>\n")
    }

    private func investmentByYearSection() -> Section {
        let title = t("历年累计完成投资", "Completed investment by year")
        let years = report.investmentByYear
        guard let last = years.last else {
            return Section(id: "investment-by-year", title: title, body: empty(t("尚无进展记录。", "No progress recorded yet.")))
        }
        let partial = last.date.month != 12 || last.date.day != 31
        let categories = years.map { $0.year == last.year && partial ? "\($0.year)*" : String($0.year) }
        let chart = ColumnChart(
            id: "investment-by-year", title: title, categories: categories,
            segments: [
                ChartSeries(name: t("上年末累计", "Cumulative at the end of the year before"), fill: .dark,
                            values: years.map { yiValue($0.cumulative) - yiValue($0.increase) }, labels: []),
                ChartSeries(name: t("当年新增", "Added in the year"), fill: .hatched, values: years.map { yiValue($0.increase) }, labels: []),
            ],
            totals: years.map { yi($0.cumulative) }, notes: years.map { "+" + yi($0.increase) }, axisTitle: yiUnit)
        let table = HTMLTable(
            columns: [.init(title: t("年度", "Year")), .init(title: t("截至", "On")),
                      .init(title: t("累计完成投资", "Cumulative"), numeric: true),
                      .init(title: t("当年新增", "Added in the year"), numeric: true)],
            rows: years.map { [HTMLCell(String($0.year)), HTMLCell($0.date.description), HTMLCell(yi($0.cumulative)), HTMLCell(yi($0.increase))] },
            caption: moneyCaption, compact: true)
        var body = figure(t("各年末累计完成投资（柱顶）与当年新增（柱下）", "Cumulative completed investment at each year end (above) and added in the year (below)"), chart.svg())
        if partial {
            body += "<p class=\"note\">\(escape(t("* \(last.year)年数据截至\(longDate(last.date))。", "* \(last.year) as of \(longDate(last.date)).")))</p>\n"
        }
        return Section(id: "investment-by-year", title: title, body: body + table.html())
    }

    private func planSection() -> Section {
        let title = report.year.map { t("\($0)年度计划完成情况", "Plan against actual, \($0)") } ?? t("年度计划完成情况", "Plan against actual")
        let rows = report.planAgainstActual
        guard !rows.isEmpty else {
            let text = report.year.map { t("\($0)年未设定年度目标。", "No targets set for \($0).") } ?? t("未设定年度目标。", "No targets set.")
            return Section(id: "plan", title: title, body: empty(text))
        }
        let scores = Evaluation.scores(rows)
        let metCount = rows.filter(\.met).count
        let chart = BarChart(
            id: "plan", title: title, categories: scores.map { pairingName($0.pairing) },
            series: [ChartSeries(
                name: t("加权得分", "Weighted score"), fill: .dark,
                values: scores.map { $0.score * 100 },
                labels: scores.map { "\(Evaluation.percent($0.score)) \($0.grade.label(language))" })],
            axisTitle: "%", reference: (Grade.pass.lowestScore * 100, t("合格线", "pass mark")))
        let mark = { (met: Bool) -> HTMLCell in
            HTMLCell(html: met ? "<span class=\"met\">✓ \(escape(t("达标", "met")))</span>" : "<span class=\"unmet\">✗ \(escape(t("未达标", "not met")))</span>")
        }
        let table = HTMLTable(
            columns: [.init(title: t("对口合作关系", "Pairing")), .init(title: t("指标", "Metric")),
                      .init(title: t("目标", "Target"), numeric: true), .init(title: t("实际", "Actual"), numeric: true),
                      .init(title: t("完成率", "Ratio"), numeric: true), .init(title: t("是否达标", "Met")),
                      .init(title: t("权重", "Weight"), numeric: true), .init(title: t("得分", "Score"), numeric: true)],
            rows: rows.map {
                [HTMLCell(pairingName($0.pairing)), HTMLCell($0.metric.label(language)),
                 HTMLCell($0.metric.valueText($0.target, language)),
                 HTMLCell($0.metric.valueText($0.actual, language)), HTMLCell(percent($0.ratio)), mark($0.met),
                 HTMLCell($0.weight.description), HTMLCell(Evaluation.percent($0.score))]
            })
        let grades = HTMLTable(
            columns: [.init(title: t("对口合作关系", "Pairing")), .init(title: t("指标数", "Targets"), numeric: true),
                      .init(title: t("达标数", "Met"), numeric: true), .init(title: t("加权得分", "Weighted score"), numeric: true),
                      .init(title: t("等级", "Grade"))],
            rows: scores.map {
                [HTMLCell(pairingName($0.pairing)), HTMLCell(String($0.metrics)), HTMLCell(String($0.met)),
                 HTMLCell(Evaluation.percent($0.score)), HTMLCell($0.grade.label(language))]
            }, compact: true)
        let summary = t("共设定目标\(rows.count)项，达标\(metCount)项。", "\(rows.count) targets set, \(metCount) met.")
        let rule = t(
            "各项目标得分为实际值与目标值之比，最高 100%（目标为 0 时计 100%）；对口合作关系的加权得分为其各项目标得分按权重的加权平均。等级：优秀 ≥ 90%，良好 ≥ 75%，合格 ≥ 60%，低于 60% 为不合格。",
            "Each target scores actual over target, at most 100% (100% when the target is 0); a pairing's weighted score is the weighted mean of its targets' scores. Grades: excellent from 90%, good from 75%, pass from 60%, fail below.")
        return Section(id: "plan", title: title,
                       body: "<p>\(escape(summary))</p>\n" + figure(t("各对口合作关系加权得分与等级", "Weighted score and grade by pairing"), chart.svg())
                           + grades.html() + table.html() + "<p class=\"note\">\(escape(rule))</p>\n")
    }

    private func parksSection() -> Section {
        let title = t("共建园区", "Co-built parks")
        guard !report.parks.isEmpty else { return Section(id: "parks", title: title, body: empty(t("尚无共建园区记录。", "No parks recorded."))) }
        let table = HTMLTable(
            columns: [.init(title: t("园区", "Park"), wide: true), .init(title: t("对口合作关系", "Pairing")), .init(title: t("类型", "Kind"), nowrap: true),
                      .init(title: t("所在地区", "Host region"), nowrap: true), .init(title: t("设立日期", "Established"), nowrap: true),
                      .init(title: t("规划面积(km²)", "Area (km²)"), numeric: true), .init(title: t("项目", "Projects"), numeric: true),
                      .init(title: t("计划投资", "Planned"), numeric: true),
                      .init(title: t("完成投资", "Completed"), numeric: true)],
            rows: report.parks.map { park in
                var name = escape(park.name)
                if let partner = park.partner { name += "<span class=\"sub\">\(escape(t("合作方：", "Partner: ") + partner))</span>" }
                if let sharing = park.benefitSharing { name += "<span class=\"sub\">\(escape(t("利益分享：", "Benefit sharing: ") + sharing))</span>" }
                return [HTMLCell(html: name), HTMLCell(pairingName(park.pairing)), HTMLCell(park.kind.label(language)),
                        HTMLCell(regionName(park.hostRegion)), HTMLCell(park.established?.description ?? "-"),
                        HTMLCell(park.plannedArea?.km2Text ?? "-"), HTMLCell(HTMLText.count(park.projects)),
                        HTMLCell(yi(park.plannedInvestment)), HTMLCell(yi(park.completedInvestment))]
            }, caption: moneyCaption)
        return Section(id: "parks", title: title, body: table.html())
    }

    private func exchangesSection() -> Section {
        let title = t("干部交流", "Cadre exchanges")
        let exchanges = report.exchanges
        guard !exchanges.isEmpty else { return Section(id: "exchanges", title: title, body: empty(t("尚无干部交流记录。", "No exchanges recorded."))) }
        struct Tally {
            var toEast = 0
            var toNortheast = 0
            var batches = 0
            var trainedInEast = 0
            var trainedInNortheast = 0
        }
        var tallies: [String: Tally] = [:]
        var sum = Tally()
        for exchange in exchanges {
            var tally = tallies[exchange.pairing] ?? Tally()
            switch (exchange.kind, exchange.direction) {
            case (.secondment, .toEast): tally.toEast += exchange.participants; sum.toEast += exchange.participants
            case (.secondment, .toNortheast): tally.toNortheast += exchange.participants; sum.toNortheast += exchange.participants
            case (.training, .toEast):
                tally.batches += 1; sum.batches += 1
                tally.trainedInEast += exchange.participants; sum.trainedInEast += exchange.participants
            case (.training, .toNortheast):
                tally.batches += 1; sum.batches += 1
                tally.trainedInNortheast += exchange.participants; sum.trainedInNortheast += exchange.participants
            }
            tallies[exchange.pairing] = tally
        }
        let known = report.catalogue.pairings.map(\.id).filter { tallies[$0] != nil }
        let unknown = Set(exchanges.map(\.pairing)).subtracting(known).sorted()
        let cells = { (tally: Tally) -> [HTMLCell] in
            [HTMLCell(HTMLText.count(tally.toEast)), HTMLCell(HTMLText.count(tally.toNortheast)),
             HTMLCell(HTMLText.count(tally.batches)), HTMLCell(HTMLText.count(tally.trainedInEast)), HTMLCell(HTMLText.count(tally.trainedInNortheast))]
        }
        let summary = HTMLTable(
            columns: [.init(title: t("对口合作关系", "Pairing"), nowrap: true), .init(title: t("挂职赴东部(人)", "Seconded to the East"), numeric: true),
                      .init(title: t("挂职来东北(人)", "Seconded to the Northeast"), numeric: true),
                      .init(title: t("培训(期)", "Training batches"), numeric: true),
                      .init(title: t("培训赴东部(人次)", "Trained in the East (person-times)"), numeric: true),
                      .init(title: t("培训来东北(人次)", "Trained in the Northeast (person-times)"), numeric: true)],
            rows: (known + unknown).map { [HTMLCell(pairingName($0))] + cells(tallies[$0] ?? Tally()) },
            footer: [[HTMLCell(t("合计", "Total"))] + cells(sum)])
        var body = summary.html()
        let named = exchanges.filter { $0.person != nil }.reversed()
        if !named.isEmpty {
            let listed = Array(named.prefix(Self.listedSecondees))
            body += "<h3>\(escape(t("挂职干部名单（最近开始的在前）", "Named secondments (latest first)")))</h3>\n"
            if redactingPeople {
                body += "<p class=\"note\">\(escape(t("按要求隐去个人姓名。", "Names of persons are left out on request.")))</p>\n"
            }
            body += HTMLTable(
                columns: [.init(title: t("姓名", "Name")), .init(title: t("对口合作关系", "Pairing")), .init(title: t("方向", "Direction")),
                          .init(title: t("派出单位", "From")), .init(title: t("接收单位", "To")), .init(title: t("职务", "Post")),
                          .init(title: t("起止", "Period"))],
                rows: listed.map { exchange in
                    [HTMLCell(redactingPeople ? "—" : exchange.person ?? "—"), HTMLCell(pairingName(exchange.pairing)),
                     HTMLCell(exchange.direction.label(language)), HTMLCell(exchange.fromOrg ?? "-"), HTMLCell(exchange.toOrg ?? "-"),
                     HTMLCell(exchange.post ?? "-"), HTMLCell("\(exchange.start) – \(exchange.end?.description ?? "")")]
                }).html()
            if named.count > listed.count {
                body += "<p class=\"note\">\(escape(t("另有\(named.count - listed.count)条较早的记录未列出。", "\(named.count - listed.count) earlier secondments are not listed.")))</p>\n"
            }
        }
        return Section(id: "exchanges", title: title, body: body)
    }

    /// Institutional cooperation: reform measures copied from the East, meetings and visits, and
    /// funding, by pairing, with the latest measures listed.
    private func institutionalSection() -> Section {
        let title = t("体制机制合作：复制推广改革举措、会议互访与资金支持", "Institutional cooperation: reforms copied, meetings and visits, funding")
        let soft = total.softCooperation
        guard soft.reforms > 0 || soft.meetingCount > 0 || soft.fundingTotal.yuan > 0 else {
            return Section(id: "institutional", title: title, body: empty(t("尚无改革举措、会议互访或资金支持记录。", "No reform measures, meetings or funding recorded.")))
        }
        let kinds = MeetingKind.allCases.map { "\($0.label(language))\(HTMLText.count(soft.meetings[$0] ?? 0))\(t("次", ""))" }
        let lede = language == .zh
            ? "复制推广东部地区改革举措\(HTMLText.count(soft.reforms))项、政策\(HTMLText.count(soft.policies))项；"
                + "开展会议互访\(HTMLText.count(soft.meetingCount))次（\(kinds.joined(separator: "，"))）；资金支持\(yi(soft.fundingTotal))亿元。"
            : "\(HTMLText.count(soft.reforms)) reform measures copied from the East, with \(HTMLText.count(soft.policies)) policies; "
                + "\(HTMLText.count(soft.meetingCount)) meetings and visits (\(MeetingKind.allCases.map { "\($0.label(language)) \(soft.meetings[$0] ?? 0)" }.joined(separator: ", "))); "
                + "funding of \(yi(soft.fundingTotal)) (100m yuan)."
        var columns: [HTMLTable.Column] = [
            .init(title: t("对口合作关系", "Pairing"), nowrap: true),
            .init(title: t("改革举措(项)", "Reforms"), numeric: true), .init(title: t("政策(项)", "Policies"), numeric: true),
        ]
        columns += MeetingKind.allCases.map { .init(title: $0.label(language) + t("(次)", ""), numeric: true) }
        columns += FundingSource.allCases.map { .init(title: $0.label(language), numeric: true) }
        let cells = { (counts: SoftCooperationCounts) -> [HTMLCell] in
            [HTMLCell(HTMLText.count(counts.reforms)), HTMLCell(HTMLText.count(counts.policies))]
                + MeetingKind.allCases.map { HTMLCell(HTMLText.count(counts.meetings[$0] ?? 0)) }
                + FundingSource.allCases.map { HTMLCell(yi(counts.funding[$0] ?? .zero)) }
        }
        let table = HTMLTable(
            columns: columns, rows: report.byPairing.rows.map { [HTMLCell($0.name(language))] + cells($0.figures.softCooperation) },
            footer: [[HTMLCell(t("合计", "Total"))] + cells(soft)],
            caption: t("资金单位：亿元；各行只计本关系自身的记录", "Funding in 100 million yuan (亿元); each row counts the pairing's own records"))
        var body = "<p class=\"lede\">\(escape(lede))</p>\n" + table.html()
        let latest = Array(report.reformMeasures.reversed().prefix(Self.listedReforms))
        if !latest.isEmpty {
            body += "<h3>\(escape(t("复制推广的改革举措（最近的在前）", "Reform measures copied (latest first)")))</h3>\n"
            body += HTMLTable(
                columns: [.init(title: t("举措", "Measure")), .init(title: t("对口合作关系", "Pairing")), .init(title: t("经验来源", "From")),
                          .init(title: t("复制推广地区", "Adopted by")), .init(title: t("日期", "Date"), nowrap: true),
                          .init(title: t("政策(项)", "Policies"), numeric: true)],
                rows: latest.map { reform in
                    [HTMLCell(reform.title), HTMLCell(pairingName(reform.pairing)), HTMLCell(reform.source ?? "-"),
                     HTMLCell(regionName(reform.adoptedBy)), HTMLCell(reform.date.description), HTMLCell(HTMLText.count(reform.policies))]
                }).html()
            if report.reformMeasures.count > latest.count {
                body += "<p class=\"note\">\(escape(t("另有\(report.reformMeasures.count - latest.count)项较早的举措未列出。", "\(report.reformMeasures.count - latest.count) earlier measures are not listed.")))</p>\n"
            }
        }
        return Section(id: "institutional", title: title, body: body)
    }

    private func alertsSection() -> Section {
        let title = t("预警", "Early warnings")
        let alerts = report.alerts
        guard !alerts.isEmpty else { return Section(id: "alerts", title: title, body: empty(t("无预警。", "No early warnings."))) }
        let counts = HTMLTable(
            columns: [.init(title: t("规则", "Rule")), .init(title: AlertLevel.red.label(language), numeric: true),
                      .init(title: AlertLevel.yellow.label(language), numeric: true)],
            rows: AlertRule.allCases.map { rule in
                [HTMLCell(rule.label(language))] + AlertLevel.allCases.map { level in
                    HTMLCell(HTMLText.count(alerts.filter { $0.rule == rule && $0.level == level }.count))
                }
            },
            footer: [[HTMLCell(t("合计", "Total"))] + AlertLevel.allCases.map { level in HTMLCell(HTMLText.count(alerts.filter { $0.level == level }.count)) }],
            caption: t("规则见 duikou alerts --help，阈值取默认值", "rules as in duikou alerts --help, with the default thresholds"), compact: true)
        var body = counts.html()
        let red = alerts.filter { $0.level == .red }
        guard !red.isEmpty else { return Section(id: "alerts", title: title, body: body) }
        let listed = red.prefix(Self.listedRedAlerts)
        let table = HTMLTable(
            columns: [.init(title: t("项目名称", "Project")), .init(title: t("对口合作关系", "Pairing")), .init(title: t("规则", "Rule"), nowrap: true),
                      .init(title: t("天数", "Days"), numeric: true), .init(title: t("说明", "Message"))],
            rows: listed.map { alert in
                [HTMLCell(alert.title ?? String(alert.project.key.prefix(8))), HTMLCell(pairingName(alert.pairing)),
                 HTMLCell(alert.rule.label(language)), HTMLCell(HTMLText.count(alert.days)),
                 HTMLCell(language == .zh ? alert.messageZH : alert.messageEN)]
            },
            caption: t("红灯预警，持续最久的在前", "red warnings, longest-standing first"))
        body += table.html()
        if red.count > listed.count {
            let more = red.count - listed.count
            body += "<p class=\"note\">\(escape(t("另有\(more)条红灯预警未列出。", "\(more) more red warnings not listed.")))</p>\n"
        }
        return Section(id: "alerts", title: title, body: body)
    }

    /// The reporting round (调度): who was in its scope, who has reported, who is late.
    private func roundSection() -> Section {
        let title = t("调度报送情况", "Reporting round")
        guard let round = report.round else { return Section(id: "round", title: title, body: empty(t("尚无调度。", "No reporting round."))) }
        let period = round.period
        let lede = language == .zh
            ? "调度期 \(period)（\(period.start) 至 \(period.end)），报送截止 \(round.due)，\(round.state.labelZH)；应报项目\(HTMLText.count(round.inScope))个，已报送\(HTMLText.count(round.reported))个，未报送\(HTMLText.count(round.inScope - round.reported))个。"
            : "Round \(period) (\(period.start) to \(period.end)), due \(round.due), \(round.state.labelEN): \(HTMLText.count(round.inScope)) projects in scope, "
                + "\(HTMLText.count(round.reported)) reported, \(HTMLText.count(round.inScope - round.reported)) not reported."
        let unreported = { (entry: RoundPairingStatus) -> String in
            let listed = entry.notReported.prefix(Self.listedUnreported).map { round.titles[$0] ?? String($0.key.prefix(8)) }
            guard !listed.isEmpty else { return "-" }
            let more = entry.notReported.count - listed.count
            return listed.joined(separator: t("、", "; ")) + (more > 0 ? t("等\(entry.notReported.count)个", " and \(more) more") : "")
        }
        let table = HTMLTable(
            columns: [.init(title: t("对口合作关系", "Pairing"), nowrap: true), .init(title: t("应报", "In scope"), numeric: true),
                      .init(title: t("已报", "Reported"), numeric: true), .init(title: t("报送率", "Share"), numeric: true),
                      .init(title: t("逾期", "Late"), nowrap: true), .init(title: t("未报项目", "Not reported"), wide: true)],
            rows: round.pairings.map { entry in
                [HTMLCell(pairingName(entry.pairing)), HTMLCell(HTMLText.count(entry.inScope)), HTMLCell(HTMLText.count(entry.reported)),
                 HTMLCell(percent(ProgressFigures.ratio(entry.reported, entry.inScope))), HTMLCell(entry.late ? t("逾期", "late") : ""),
                 HTMLCell(unreported(entry))]
            },
            footer: [[HTMLCell(t("合计", "Total")), HTMLCell(HTMLText.count(round.inScope)), HTMLCell(HTMLText.count(round.reported)),
                      HTMLCell(percent(ProgressFigures.ratio(round.reported, round.inScope))), HTMLCell(""), HTMLCell("")]],
            caption: round.state == .closed
                ? t("已关闭的调度按关闭时冻结的情况列示", "a closed round as frozen when it closed")
                : t("进行中的调度按报告日计算是否逾期", "an open round is late when the report's date is past its due date"))
        return Section(id: "round", title: title, body: "<p class=\"lede\">\(escape(lede))</p>\n" + table.html())
    }

    private func landmarkSection() -> Section {
        let title = t("标志性项目", "Landmark projects")
        let projects = report.landmarkProjects
        guard !projects.isEmpty else { return Section(id: "landmarks", title: title, body: empty(t("尚无标志性项目。", "No landmark projects recorded."))) }
        var groups: [HTMLTable.Group] = []
        for project in projects {
            let row = [HTMLCell(project.title), HTMLCell("\(project.task) \(taskName(project.task))"), HTMLCell(project.status.label(language)),
                       HTMLCell(project.planned.map(yi) ?? "-"), HTMLCell(yi(project.completed))]
            let pairing = pairingName(project.pairing)
            if groups.last?.title == pairing {
                groups[groups.count - 1].rows.append(row)
            } else {
                groups.append(HTMLTable.Group(title: pairing, rows: [row]))
            }
        }
        let table = HTMLTable(
            columns: [.init(title: t("项目名称", "Project")), .init(title: t("任务", "Task")), .init(title: t("状态", "Status"), nowrap: true),
                      .init(title: t("计划投资", "Planned"), numeric: true),
                      .init(title: t("完成投资", "Completed"), numeric: true)],
            groups: groups, caption: moneyCaption)
        let lede = t("共\(projects.count)个，按对口合作关系列示，计划投资大的在前。", "\(projects.count) projects, by pairing, largest planned investment first.")
        return Section(id: "landmarks", title: title, body: "<p class=\"note\">\(escape(lede))</p>\n" + table.html())
    }

    private func notes() -> String {
        var lines = [
            t("落地率、开工率、投产率：进展曾达到落地、开工、投产（或其后阶段）的项目占曾达到签约的项目的比例；其后停建、终止的项目仍计入分子和分母。",
              "Landed, started and operating rates: projects whose history has reached landed, started or operating (or a later step), over those that have reached signed; projects suspended or terminated since still count in both."),
            t("计划投资合计不含已终止项目；完成投资为各项目截至报告日最新进展记录的累计完成投资，含已终止项目已完成的部分；投资完成率为未终止项目的完成投资占其计划投资的比例。",
              "Planned investment leaves out terminated projects; completed investment is each project's cumulative completed investment in its latest update on or before the report's date, terminated projects included; the investment completion rate is completed over planned investment of the projects that are not terminated."),
            t("挂职以人计，培训以人次计，二者不相加；均按方向（东北赴东部、东部来东北）分列。",
              "Secondments are counted in persons and training in person-times, never added together; both are given by direction (Northeast to East, East to Northeast)."),
            t("园区计入报告日及以前设立（或未记设立日期）的园区；干部交流计入报告日及以前开始的记录。",
              "Parks established on or before the report's date (or of unknown date) and exchanges started on or before it are counted."),
        ]
        if report.isSampleData {
            lines.append(t("本报告数据为 duikou demo 生成的示例数据（虚构），不代表实际情况。", "The data in this report is illustrative sample data made by duikou demo; it is invented."))
        }
        return "<footer>\n<p><strong>\(escape(t("说明", "Notes")))</strong></p>\n<ol>\n" + lines.map { "<li>\(escape($0))</li>\n" }.joined() + "</ol>\n</footer>\n"
    }
}
