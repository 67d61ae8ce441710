import DuikouKit
import Foundation
import Hummingbird

extension Pages {
    /// `GET /projects/{id}`: the project, its whole history (updates in force, the updates
    /// corrections replaced, plan revisions, a void) and, for a user who may write its pairing, the
    /// forms to record an update, correct one and revise the plan.
    func project(_ page: PageRequest, _ session: PageSession) async throws -> Response {
        let id = try await projectID(session)
        return try await projectPage(id, page, session, failed: nil)
    }

    /// The project named by the path's `{id}`: its whole id or a unique prefix of 8 characters or more.
    func projectID(_ session: PageSession) async throws -> UUID {
        try await repository.resolveID(session.parameters.get("id") ?? "", of: .project)
    }

    /// The project's page; `failed` re-shows a form with what was sent and the problems, with 400.
    func projectPage(_ id: UUID, _ page: PageRequest, _ session: PageSession, failed: (ProjectForm, FormState)?) async throws -> Response {
        let history = try await repository.projectHistory(id)
        let project = history.project
        let key = project.id.uuidString.lowercased()
        let writable = history.voided == nil && session.account.mayWrite(pairing: project.pairing, in: session.catalogue)
        let state = { (form: ProjectForm) in failed?.0 == form ? failed?.1 ?? FormState() : FormState() }
        let forms: Markup = writable
            ? """
                <section id="forms">
                <h2>\(page.t("填报", "Report"))</h2>
                \(updateForm(key, page, state(.updates)))
                \(history.updates.isEmpty ? "" : correctionForm(key, history, page, state(.corrections)))
                \(planForm(key, page, state(.plan)))
                </section>
                """
            : ""
        let body: Markup = """
            \(history.voided.map { void -> Markup in
                "<p class=\"voided\" role=\"status\">\(page.t("本项目已作废", "This project was voided")) (\(void.at)): <span class=\"reason\">\(void.reason)</span></p>"
            } ?? "")
            \(details(history, page, session))
            <section id="history">
            <h2>\(page.t("进展记录", "History"))</h2>
            \(updatesTable(history.updates + history.superseded, page))
            </section>
            \(history.planRevisions.isEmpty ? "" : planRevisionsTable(history.planRevisions, page))
            \(forms)
            """
        let document = layout(page, session).document(title: project.title, current: "projects", body: body)
        return PageResponse.html(document, status: failed == nil ? .ok : .badRequest, request: page)
    }

    private func details(_ history: ProjectHistory, _ page: PageRequest, _ session: PageSession) -> Markup {
        let project = history.project
        let rows: [(String, String)] = [
            (page.t("项目编号", "Id"), project.id.uuidString.lowercased()),
            (page.t("对口合作关系", "Pairing"), session.pairingName(project.pairing, page.language)),
            (page.t("任务", "Task"), "\(project.task) \(session.taskName(project.task, page.language))"),
            (page.t("状态", "Status"), "\(project.status.label(page.language)) (\(project.statusDate))"),
            (page.t("计划总投资（万元）", "Planned (10,000 yuan)"), project.planned.map { DisplayText.money($0, in: .wan) } ?? "-"),
            (page.t("累计完成投资（万元）", "Completed (10,000 yuan)"), DisplayText.money(project.completed, in: .wan)),
            (page.t("东北方", "Northeast party"), project.northeastParty ?? "-"),
            (page.t("东部方", "Eastern party"), project.eastParty ?? "-"),
            (page.t("园区", "Park"), history.parkName ?? "-"),
            (page.t("标志性", "Landmark"), project.landmark ? page.t("是", "yes") : page.t("否", "no")),
            (page.t("计划开工", "Planned start"), project.plannedStart?.description ?? "-"),
            (page.t("计划竣工", "Planned completion"), project.plannedCompletion?.description ?? "-"),
            (page.t("项目简介", "Description"), project.description ?? "-"),
        ]
        let cells = rows.map { label, value -> Markup in "<tr><th>\(label)</th><td><pre class=\"text\">\(value)</pre></td></tr>\n" }
        return "<table class=\"details\"><tbody>\n\(cells)</tbody></table>"
    }

    private func updatesTable(_ updates: [ProgressUpdate], _ page: PageRequest) -> Markup {
        let ordered = updates.sorted { ($0.sequence, $0.recordedAt) < ($1.sequence, $1.recordedAt) }
        let rows = ordered.map { update -> Markup in
            let superseded = update.supersededAt != nil
            let remark = [
                update.unchanged ? page.t("无变化", "unchanged") : nil,
                update.reason.map { page.t("更正：", "correction: ") + $0 },
                update.supersededAt.map { page.t("已被更正 ", "superseded ") + $0 },
            ].compactMap { $0 }.joined(separator: "; ")
            return """
                <tr\(Markup.when(superseded, " class=\"superseded\"")) data-seq="\(update.sequence)"><td class="num">\(update.sequence)</td>\
                <td>\(update.date.description)</td><td>\(update.status.label(page.language))</td>\
                <td class="num">\(DisplayText.money(update.completed, in: .wan))</td><td><pre class="text">\(update.note ?? "")</pre></td>\
                <td><pre class="text">\(remark)</pre></td><td>\(update.recordedAt)</td></tr>

                """
        }
        return """
            <table class="history">
            <caption>\(page.t("金额单位：万元", "Amounts in 10,000 yuan (万元)"))</caption>
            <thead><tr><th class="num">\(page.t("序号", "Seq"))</th><th>\(page.t("日期", "Date"))</th><th>\(page.t("状态", "Status"))</th>\
            <th class="num">\(page.t("累计完成投资", "Completed"))</th><th>\(page.t("备注", "Note"))</th><th>\(page.t("说明", "Remarks"))</th>\
            <th>\(page.t("记录时间", "Recorded"))</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            """
    }

    private func planRevisionsTable(_ revisions: [PlanRevision], _ page: PageRequest) -> Markup {
        let money = { (value: Money?) in value.map { DisplayText.money($0, in: .wan) } ?? "-" }
        let rows = revisions.map { revision -> Markup in
            """
            <tr><td class="num">\(revision.sequence)</td>\
            <td class="num">\(money(revision.previousPlanned)) → \(money(revision.planned))</td>\
            <td>\(revision.previousPlannedStart?.description ?? "-") → \(revision.plannedStart?.description ?? "-")</td>\
            <td>\(revision.previousPlannedCompletion?.description ?? "-") → \(revision.plannedCompletion?.description ?? "-")</td>\
            <td><pre class="text">\(revision.reason)</pre></td><td>\(revision.recordedAt)</td></tr>

            """
        }
        return """
            <section id="plan-revisions">
            <h2>\(page.t("计划调整", "Plan revisions"))</h2>
            <table>
            <thead><tr><th class="num">\(page.t("序号", "Seq"))</th><th class="num">\(page.t("计划总投资（万元）", "Planned (10,000 yuan)"))</th>\
            <th>\(page.t("计划开工", "Planned start"))</th><th>\(page.t("计划竣工", "Planned completion"))</th>\
            <th>\(page.t("原因", "Reason"))</th><th>\(page.t("记录时间", "Recorded"))</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            </section>
            """
    }
}
