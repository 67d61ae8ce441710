import DuikouKit
import Hummingbird

extension Pages {
    /// The most alerts the dashboard lists; the alerts page has them all.
    static let dashboardAlerts = 10

    /// `GET /`: progress by area and by pairing (tables and the report's charts), the open round's
    /// status and the alerts.
    func dashboard(_ page: PageRequest, _ session: PageSession) async throws -> Response {
        let language = page.language
        let figures = try await cache.answer(ReadCache.Key("dashboard", [language.rawValue]), from: repository) { try DashboardFigures($0, page: page) }
        let (byArea, byPairing, round) = (figures.byArea, figures.byPairing, figures.round)
        let (areaCharts, pairingCharts) = (figures.areaCharts, figures.pairingCharts)
        let body: Markup = """
            \(headline(byArea.total, page))
            <section id="by-area">
            <h2>\(page.t("分任务方面进展", "Progress by task area"))</h2>
            \(progressTable(byArea, page, alerts: false))
            <figure><figcaption>\(page.t("项目数", "Projects"))</figcaption>\(Markup(trusted: areaCharts.projects))</figure>
            <figure><figcaption>\(page.t("投资（亿元）", "Investment (100m yuan)"))</figcaption>\(Markup(trusted: areaCharts.investment))</figure>
            </section>
            <section id="by-pairing">
            <h2>\(page.t("分对口合作关系进展", "Progress by pairing"))</h2>
            \(progressTable(byPairing, page, alerts: true))
            <figure><figcaption>\(page.t("项目数", "Projects"))</figcaption>\(Markup(trusted: pairingCharts.projects))</figure>
            <figure><figcaption>\(page.t("投资（亿元）", "Investment (100m yuan)"))</figcaption>\(Markup(trusted: pairingCharts.investment))</figure>
            </section>
            <section id="round">
            <h2>\(page.t("当前调度", "The open round"))</h2>
            \(round.map { roundSummary($0, page, session) } ?? "<p class=\"note\">\(page.t("没有进行中的调度", "No round is open"))</p>")
            </section>
            <section id="alerts">
            <h2>\(page.t("预警", "Alerts"))</h2>
            \(alertCounts(red: figures.redAlerts, yellow: figures.yellowAlerts, page))
            \(alertTable(figures.firstAlerts, page, session))
            <p><a href="/alerts">\(page.t("全部预警", "All alerts"))</a></p>
            </section>
            <section id="downloads">
            <h2>\(page.t("下载", "Downloads"))</h2>
            \(downloadLinks(page))
            </section>
            """
        return PageResponse.html(layout(page, session).document(title: page.t("概览", "Dashboard"), current: "dashboard", body: body), request: page)
    }

    private func headline(_ total: ProgressFigures, _ page: PageRequest) -> Markup {
        let items: [(String, String, String)] = [
            ("projects", page.t("合作项目（个）", "Projects"), DisplayText.count(total.projects)),
            ("planned", page.t("计划总投资（亿元）", "Planned (100m yuan)"), DisplayText.money(total.plannedInvestment, in: .yi)),
            ("completed", page.t("累计完成投资（亿元）", "Completed (100m yuan)"), DisplayText.money(total.completedInvestment, in: .yi)),
            ("started-rate", page.t("开工率", "Started rate"), DisplayText.percent(total.startedRate)),
        ]
        let figures = items.map { key, label, value -> Markup in "<div data-key=\"\(key)\">\(label)<strong>\(value)</strong></div>" }
        return "<div class=\"figures\">\(figures)</div>"
    }

    /// A progress report as a table: a row per area or pairing, then the total.
    func progressTable(_ report: ProgressReport, _ page: PageRequest, alerts: Bool) -> Markup {
        let cells = { (figures: ProgressFigures) -> Markup in
            """
            <td class="num">\(DisplayText.count(figures.projects))</td><td class="num">\(DisplayText.count(figures.landmarkProjects))</td>\
            <td class="num">\(DisplayText.money(figures.plannedInvestment, in: .yi))</td><td class="num">\(DisplayText.money(figures.completedInvestment, in: .yi))</td>\
            <td class="num">\(DisplayText.percent(figures.investmentCompletionRate))</td><td class="num">\(DisplayText.percent(figures.startedRate))</td>\
            \(Markup.when(alerts, "<td class=\"num red\">\(DisplayText.count(figures.alertsRed))</td><td class=\"num yellow\">\(DisplayText.count(figures.alertsYellow))</td>"))
            """
        }
        let rows = report.rows.map { row -> Markup in
            "<tr data-key=\"\(row.key)\"><td>\(row.name(page.language))</td>\(cells(row.figures))</tr>\n"
        }
        return """
            <table>
            <caption>\(page.t("金额单位：亿元", "Amounts in 100 million yuan (亿元)"))</caption>
            <thead><tr><th>\(report.grouping == .area ? page.t("任务方面", "Task area") : page.t("对口合作关系", "Pairing"))</th>\
            <th class="num">\(page.t("项目", "Projects"))</th><th class="num">\(page.t("标志性", "Landmark"))</th>\
            <th class="num">\(page.t("计划投资", "Planned"))</th><th class="num">\(page.t("完成投资", "Completed"))</th>\
            <th class="num">\(page.t("投资完成率", "Invested"))</th><th class="num">\(page.t("开工率", "Started"))</th>\
            \(Markup.when(alerts, "<th class=\"num\">\(page.t("红灯", "Red"))</th><th class=\"num\">\(page.t("黄灯", "Yellow"))</th>"))</tr></thead>
            <tbody>
            \(rows)</tbody>
            <tfoot><tr data-key="total"><th>\(page.t("合计", "Total"))</th>\(cells(report.total))</tr></tfoot>
            </table>
            """
    }

    /// The links to the exports, in the page's language.
    private func downloadLinks(_ page: PageRequest) -> Markup {
        let links = PageDownload.exportKinds.map { kind -> Markup in
            let label = InterchangeKind(rawValue: kind)?.label(page.language) ?? page.t("进展", "progress")
            return """
                <li>\(label): <a href="/export/\(kind).xlsx?lang=\(page.language.rawValue)">xlsx</a>\
                \(Markup.when(kind != "progress", " · <a href=\"/export/\(kind).csv?lang=\(page.language.rawValue)\">csv</a>"))</li>
                """
        }
        return "<ul>\(links)</ul>"
    }
}

/// What the dashboard shows from the database, in one language: kept in the ``ReadCache``, so that
/// a dashboard costs its page's text and no query until the records change.
struct DashboardFigures: Sendable {
    let byArea: ProgressReport
    let byPairing: ProgressReport
    /// The first alerts (``Pages/dashboardAlerts``), and how many there are of each level.
    let firstAlerts: [Alert]
    let redAlerts: Int
    let yellowAlerts: Int
    /// The open round's status; `nil` when no round is open.
    let round: RoundStatus?
    let areaCharts: ProgressCharts
    let pairingCharts: ProgressCharts

    init(_ snapshot: Snapshot, page: PageRequest) throws {
        byArea = try snapshot.progress(ProgressQuery(grouping: .area))
        byPairing = try snapshot.progress(ProgressQuery(grouping: .pairing, countsAlerts: true))
        let alerts = try snapshot.alerts(AlertQuery())
        firstAlerts = Array(alerts.prefix(Pages.dashboardAlerts))
        (redAlerts, yellowAlerts) = AlertCounts.count(alerts)
        do {
            round = try snapshot.roundStatus()
        } catch let error as DuikouError where error.code == .notFound {
            round = nil
        }
        areaCharts = byArea.charts(id: "areas", subject: page.t("分任务方面", "task area"), language: page.language)
        pairingCharts = byPairing.charts(id: "pairings", subject: page.t("分对口合作关系", "pairing"), language: page.language)
    }
}
