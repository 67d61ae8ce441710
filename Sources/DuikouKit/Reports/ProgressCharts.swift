/// The two bar charts the HTML report draws for a progress report, as inline SVG, for other pages
/// that show progress (the web workspace's dashboard) and draw it the same way.
public struct ProgressCharts: Sendable, Hashable {
    /// Projects per row, and how many of them have reached `started`: one `<svg>` element.
    public let projects: String
    /// Planned and completed investment per row, in 亿元: one `<svg>` element.
    public let investment: String
}

extension ProgressReport {
    /// The report's charts: one bar per row for the projects and another for the investment, a
    /// legend, value labels and a value axis. All text in them is escaped; they need no script and
    /// no style sheet.
    ///
    /// - Parameters:
    ///   - id: a prefix for the ids inside the charts (their titles and hatching patterns), unique
    ///     within the page that shows them.
    ///   - subject: what the rows are, as the charts' titles name it (`分任务方面`, `task area`).
    ///   - language: the language of the legends, the axes and the rows' names.
    public func charts(id: String, subject: String, language: Language = .zh) -> ProgressCharts {
        let t = { (zh: String, en: String) in language == .zh ? zh : en }
        let names = rows.map { $0.name(language) }
        let yiValue = { (money: Money) in Double(money.yuan) / 100_000_000 }
        let projects = BarChart(
            id: "\(id)-projects", title: t("\(subject)项目数", "Projects by \(subject)"), categories: names,
            series: [
                ChartSeries(name: t("项目数", "Projects"), fill: .pale,
                            values: rows.map { Double($0.figures.projects) }, labels: rows.map { HTMLText.count($0.figures.projects) }),
                ChartSeries(name: t("其中已达到开工", "of which have reached started"), fill: .dark,
                            values: rows.map { Double($0.figures.reached[.started] ?? 0) },
                            labels: rows.map { HTMLText.count($0.figures.reached[.started] ?? 0) }),
            ],
            axisTitle: t("个", "projects"), integral: true)
        let investment = BarChart(
            id: "\(id)-investment", title: t("\(subject)投资", "Investment by \(subject)"), categories: names,
            series: [
                ChartSeries(name: t("计划投资", "Planned"), fill: .hatched,
                            values: rows.map { yiValue($0.figures.plannedInvestment) }, labels: rows.map { MoneyText.yi($0.figures.plannedInvestment) }),
                ChartSeries(name: t("完成投资", "Completed"), fill: .dark,
                            values: rows.map { yiValue($0.figures.completedInvestment) }, labels: rows.map { MoneyText.yi($0.figures.completedInvestment) }),
            ],
            axisTitle: t("亿元", "100m yuan"))
        return ProgressCharts(projects: projects.svg(), investment: investment.svg())
    }
}
