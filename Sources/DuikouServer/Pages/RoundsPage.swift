import DuikouKit
import Foundation
import Hummingbird

extension Pages {
    /// `GET /rounds`: every round, newest first, with its state, due date and how many in its scope
    /// have reported.
    func rounds(_ page: PageRequest, _ session: PageSession) async throws -> Response {
        var rows: [Markup] = []
        for round in try await repository.rounds() {
            let status = try await repository.roundStatus(period: round.period)
            rows.append("""
                <tr data-key="\(round.period.description)"><td><a href="/rounds/\(round.period.description)">\(round.period.description)</a></td>\
                <td>\(round.state.label(page.language))</td><td>\(round.due.description)</td>\
                <td class="num">\(DisplayText.count(status.inScope))</td><td class="num">\(DisplayText.count(status.reported))</td></tr>

                """)
        }
        let body: Markup = rows.isEmpty
            ? "<p class=\"note\">\(page.t("尚未开启调度", "No round has been opened"))</p>"
            : """
                <table>
                <thead><tr><th>\(page.t("期间", "Period"))</th><th>\(page.t("状态", "State"))</th><th>\(page.t("截止", "Due"))</th>\
                <th class="num">\(page.t("应报项目", "In scope"))</th><th class="num">\(page.t("已报", "Reported"))</th></tr></thead>
                <tbody>
                \(rows)</tbody>
                </table>
                """
        return PageResponse.html(layout(page, session).document(title: page.t("调度", "Rounds"), current: "rounds", body: body), request: page)
    }

    /// `GET /rounds/{period}`: the round's status as `round status` has it, with the projects not
    /// yet reported and the template of each pairing to download.
    func round(_ page: PageRequest, _ session: PageSession) async throws -> Response {
        let period = try ReportingPeriod(parsing: session.parameters.get("period") ?? "", field: "period")
        let status = try await repository.roundStatus(period: period)
        let body: Markup = """
            \(roundSummary(status, page, session))
            <p><a href="/template/\(period.description).xlsx">\(page.t("下载调度表（全部对口合作关系）", "Download the template (every pairing)"))</a></p>
            """
        let title = page.t("调度 ", "Round ") + period.description
        return PageResponse.html(layout(page, session).document(title: title, current: "rounds", body: body), request: page)
    }

    /// A round's status: a row per pairing with its projects in scope, reported and not reported
    /// (the latter named), whether it is late, and its template.
    func roundSummary(_ status: RoundStatus, _ page: PageRequest, _ session: PageSession) -> Markup {
        let period = status.period.description
        let rows = status.pairings.map { pairing -> Markup in
            let missing = pairing.notReported.map { id -> Markup in
                let key = id.uuidString.lowercased()
                return "<li><a href=\"/projects/\(key)\">\(status.titles[id] ?? key)</a></li>"
            }
            return """
                <tr data-key="round-\(pairing.pairing)"><td>\(session.pairingName(pairing.pairing, page.language))</td>\
                <td class="num">\(DisplayText.count(pairing.inScope))</td><td class="num">\(DisplayText.count(pairing.reported))</td>\
                <td class="num">\(DisplayText.count(pairing.notReported.count))</td>\
                <td>\(pairing.late ? Markup("<span class=\"red\">\(page.t("逾期", "late"))</span>") : "")</td>\
                <td>\(missing.isEmpty ? "" : Markup("<ul>\(missing)</ul>"))</td>\
                <td><a href="/template/\(period).xlsx?pairing=\(PageForm.escape(pairing.pairing))">xlsx</a></td></tr>

                """
        }
        return """
            <p class="round-line">\(page.t("期间", "Period")) <a href="/rounds/\(period)">\(period)</a> · \(status.state.label(page.language)) · \
            \(page.t("截止", "due")) \(status.due.description) · \(page.t("已报", "reported")) \
            <strong data-key="reported">\(DisplayText.count(status.reported))</strong> / <strong data-key="in-scope">\(DisplayText.count(status.inScope))</strong></p>
            <table class="round">
            <thead><tr><th>\(page.t("对口合作关系", "Pairing"))</th><th class="num">\(page.t("应报", "In scope"))</th>\
            <th class="num">\(page.t("已报", "Reported"))</th><th class="num">\(page.t("未报", "Not reported"))</th>\
            <th>\(page.t("逾期", "Late"))</th><th>\(page.t("未报项目", "Projects not reported"))</th><th>\(page.t("调度表", "Template"))</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            """
    }
}
