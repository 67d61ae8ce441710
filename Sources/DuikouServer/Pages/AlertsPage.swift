import DuikouKit
import Foundation
import Hummingbird

extension Pages {
    /// How many alerts a page lists unless `limit` says otherwise.
    static let alertsPerPage = 100

    /// `GET /alerts?pairing=&level=&limit=&offset=`: the alerts as of today, red first, for a
    /// pairing and those below it and of one level when asked, a page at a time; the counts are of
    /// all of them.
    func alerts(_ page: PageRequest, _ session: PageSession) async throws -> Response {
        let pairing = try await page.query["pairing"].asyncMap { try await repository.resolvePairing($0) }
        let level = try page.query["level"].map { try AlertLevel(parsing: $0, field: "level") }
        let limit = try Self.whole(page.query["limit"], field: "limit", default: Self.alertsPerPage, range: 1...Self.maximumLimit)
        let offset = try Self.whole(page.query["offset"], field: "offset", default: 0, range: 0...Int.max)
        let all = try await cache.answer(ReadCache.Key("alerts", [pairing]), from: repository) { try $0.alerts(AlertQuery(pairing: pairing)) }
        let alerts = level.map { level in all.filter { $0.level == level } } ?? all
        let (red, yellow) = AlertCounts.count(alerts)
        let shown = Array(alerts.dropFirst(offset).prefix(limit))
        let pager = Pager(path: "/alerts", filters: [("pairing", pairing), ("level", level?.rawValue)], limit: limit,
                          defaultLimit: Self.alertsPerPage, offset: offset, shown: shown.count, total: alerts.count)
        let body: Markup = """
            <form class="filters" method="get" action="/alerts">
            \(pairingSelect(session, page, selected: pairing))
            <div><label for="filter-level">\(page.t("级别", "Level"))</label><select id="filter-level" name="level">\
            <option value="">\(page.t("全部", "All"))</option>\
            \(AlertLevel.allCases.map { option($0.rawValue, $0.label(page.language), selected: $0 == level) })</select></div>
            <button type="submit">\(page.t("筛选", "Filter"))</button>
            </form>
            \(alertCounts(red: red, yellow: yellow, page))
            \(pager.markup(page, unit: ("条预警", "alerts"), counter: "条"))
            \(alertTable(shown, page, session))
            """
        return PageResponse.html(layout(page, session).document(title: page.t("预警", "Alerts"), current: "alerts", body: body), request: page)
    }

    /// The red and yellow counts.
    func alertCounts(red: Int, yellow: Int, _ page: PageRequest) -> Markup {
        """
            <p class="alert-counts"><span class="red" data-key="red">\(page.t("红灯", "Red")) \(DisplayText.count(red))</span> · \
            <span class="yellow" data-key="yellow">\(page.t("黄灯", "Yellow")) \(DisplayText.count(yellow))</span></p>
            """
    }

    /// The alerts as a table, each naming its project (a link to it) and pairing.
    func alertTable(_ alerts: [Alert], _ page: PageRequest, _ session: PageSession) -> Markup {
        guard !alerts.isEmpty else { return "<p class=\"note\">\(page.t("没有预警", "No alerts"))</p>" }
        let rows = alerts.map { alert -> Markup in
            """
            <tr><td class="\(alert.level.rawValue)">\(alert.level.label(page.language))</td><td>\(alert.rule.label(page.language))</td>\
            <td><a href="/projects/\(alert.project.uuidString.lowercased())">\(alert.title ?? alert.project.uuidString.lowercased())</a></td>\
            <td>\(session.pairingName(alert.pairing, page.language))</td><td>\(alert.since.description)</td>\
            <td class="num">\(DisplayText.count(alert.days))</td><td>\(page.language == .zh ? alert.messageZH : alert.messageEN)</td></tr>

            """
        }
        return """
            <table class="alerts">
            <thead><tr><th>\(page.t("级别", "Level"))</th><th>\(page.t("规则", "Rule"))</th><th>\(page.t("项目", "Project"))</th>\
            <th>\(page.t("对口合作关系", "Pairing"))</th><th>\(page.t("起始", "Since"))</th><th class="num">\(page.t("天数", "Days"))</th>\
            <th>\(page.t("说明", "Message"))</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            """
    }

    /// A drop-down of the pairings by name, with an empty choice for all of them.
    func pairingSelect(_ session: PageSession, _ page: PageRequest, selected: String?) -> Markup {
        let options = session.catalogue.pairings.map { option($0.id, session.pairingName($0.id, page.language), selected: $0.id == selected) }
        return """
            <div><label for="filter-pairing">\(page.t("对口合作关系", "Pairing"))</label><select id="filter-pairing" name="pairing">\
            <option value="">\(page.t("全部", "All"))</option>\(options)</select></div>
            """
    }

    /// An `<option>`.
    func option(_ value: String, _ label: String, selected: Bool) -> Markup {
        "<option value=\"\(value)\"\(Markup.when(selected, " selected"))>\(label)</option>"
    }
}

extension Optional {
    /// The wrapped value transformed by an asynchronous function, or `nil`.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        switch self {
        case .some(let value): try await transform(value)
        case .none: nil
        }
    }
}

/// Counting alerts by level without copying each one.
enum AlertCounts {
    /// How many of `alerts` are red and how many yellow.
    static func count(_ alerts: [Alert]) -> (red: Int, yellow: Int) {
        var (red, yellow) = (0, 0)
        for index in alerts.indices {
            switch alerts[index].level {
            case .red: red += 1
            case .yellow: yellow += 1
            }
        }
        return (red, yellow)
    }
}
