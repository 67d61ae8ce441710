import DuikouKit
import Foundation
import Hummingbird

extension Pages {
    /// How many projects a page lists unless `limit` says otherwise, and the most it lists.
    static let defaultLimit = 50
    static let maximumLimit = 500

    /// `GET /projects?pairing=&area=&task=&status=&q=&limit=&offset=`: the projects that pass the
    /// filters and contain the searched text, a page at a time with links to the next and previous
    /// pages. Every user sees every project; a mark shows those the user may write.
    func projects(_ page: PageRequest, _ session: PageSession) async throws -> Response {
        let query = page.query
        let pairing = try await query["pairing"].asyncMap { try await repository.resolvePairing($0) }
        let area = try query["area"].map { area in
            guard session.catalogue.area(area) != nil else {
                throw PageFailure(.badRequest, field: "area", zh: "任务方面“\(area)”不存在（1–4）", en: "area '\(area)' is not one of 1-4")
            }
            return area
        }
        let task = try await query["task"].asyncMap { try await repository.resolveTask($0) }
        let status = try query["status"].map { try ProjectStatus(parsing: $0, field: "status") }
        let limit = try Self.whole(query["limit"], field: "limit", default: Self.defaultLimit, range: 1...Self.maximumLimit)
        let offset = try Self.whole(query["offset"], field: "offset", default: 0, range: 0...Int.max)
        let found = try await repository.projectPage(ProjectFilter(pairing: pairing, area: area, task: task, status: status),
                                                     containing: query["q"], offset: offset, limit: limit)
        let shown = found.projects
        let pager = Pager(path: "/projects", filters: [("pairing", pairing), ("area", area), ("task", task), ("status", status?.rawValue), ("q", query["q"])],
                          limit: limit, defaultLimit: Self.defaultLimit, offset: offset, shown: shown.count, total: found.total)
        let rows = shown.map { project -> Markup in
            let key = project.id.uuidString.lowercased()
            let writable = session.account.mayWrite(pairing: project.pairing, in: session.catalogue)
            return """
                <tr data-key="\(key)"><td><a href="/projects/\(key)">\(project.title)</a>\(Markup.when(project.landmark, " <span title=\"\(page.t("标志性项目", "landmark project"))\">★</span>"))</td>\
                <td>\(session.pairingName(project.pairing, page.language))</td><td>\(project.task) \(session.taskName(project.task, page.language))</td>\
                <td>\(project.status.label(page.language))</td><td>\(project.statusDate.description)</td>\
                <td class="num">\(project.planned.map { DisplayText.money($0, in: .wan) } ?? "-")</td>\
                <td class="num">\(DisplayText.money(project.completed, in: .wan))</td>\
                <td>\(writable ? page.t("可填报", "yours") : "")</td></tr>

                """
        }
        let body: Markup = """
            <form class="filters" method="get" action="/projects">
            \(pairingSelect(session, page, selected: pairing))
            <div><label for="filter-area">\(page.t("任务方面", "Area"))</label><select id="filter-area" name="area"><option value="">\(page.t("全部", "All"))</option>\
            \(session.catalogue.areas.map { option($0.code, "\($0.code) \($0.name(page.language))", selected: $0.code == area) })</select></div>
            <div><label for="filter-task">\(page.t("任务", "Task"))</label><select id="filter-task" name="task"><option value="">\(page.t("全部", "All"))</option>\
            \(session.catalogue.tasks.map { option($0.code, "\($0.code) \($0.name(page.language))", selected: $0.code == task) })</select></div>
            <div><label for="filter-status">\(page.t("状态", "Status"))</label>\(statusSelect(id: "filter-status", name: "status", page, selected: status, empty: page.t("全部", "All")))</div>
            <div><label for="filter-q">\(page.t("搜索", "Search"))</label><input id="filter-q" name="q" type="search" value="\(query["q"] ?? "")"></div>
            <button type="submit">\(page.t("筛选", "Filter"))</button>
            </form>
            \(pager.markup(page, unit: ("个项目", "projects")))
            <table class="projects">
            <caption>\(page.t("金额单位：万元", "Amounts in 10,000 yuan (万元)"))</caption>
            <thead><tr><th>\(page.t("项目名称", "Title"))</th><th>\(page.t("对口合作关系", "Pairing"))</th><th>\(page.t("任务", "Task"))</th>\
            <th>\(page.t("状态", "Status"))</th><th>\(page.t("日期", "Date"))</th><th class="num">\(page.t("计划总投资", "Planned"))</th>\
            <th class="num">\(page.t("累计完成投资", "Completed"))</th><th></th></tr></thead>
            <tbody>
            \(Array(rows))</tbody>
            </table>
            """
        return PageResponse.html(layout(page, session).document(title: page.t("项目", "Projects"), current: "projects", body: body), request: page)
    }

    /// A drop-down of the statuses by their labels, with an empty first choice.
    func statusSelect(id: String, name: String, _ page: PageRequest, selected: ProjectStatus?, empty: String) -> Markup {
        let options = ProjectStatus.allCases.map { option($0.rawValue, $0.label(page.language), selected: $0 == selected) }
        return "<select id=\"\(id)\" name=\"\(name)\"><option value=\"\">\(empty)</option>\(options)</select>"
    }

    /// A whole number from the query, `fallback` when absent.
    static func whole(_ text: String?, field: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw PageFailure(.badRequest, field: field, zh: "\(field)：“\(text)”不是 \(range.lowerBound) 以上的整数",
                              en: "\(field): '\(text)' is not a whole number from \(range.lowerBound)")
        }
        return value
    }
}
