import DuikouKit
import Foundation
import Hummingbird

/// The three forms of a project's page, by the last part of the path they post to.
enum ProjectForm: String, CaseIterable, Sendable {
    /// Record a progress update.
    case updates
    /// Correct an update.
    case corrections
    /// Revise the planned figures.
    case plan

    /// The fields the form sends besides its CSRF token.
    var fields: [String] {
        switch self {
        case .updates: ["date", "status", "completed", "note", "unchanged"]
        case .corrections: ["seq", "date", "status", "completed", "note", "reason"]
        case .plan: ["planned", "planned_start", "planned_completion", "reason"]
        }
    }
}

/// What a form shows: the values sent, and the problems by field (`""` for one that names none).
struct FormState: Sendable {
    var values: [String: String] = [:]
    var errors: [String: String] = [:]
}

extension Pages {
    /// The largest form body read.
    static let maximumFormBytes = 1 << 20

    /// `POST /projects/{id}/updates|corrections|plan`: checks the CSRF token (403), the user's right
    /// to write the project's pairing (403, nothing written) and the values (400, the form shown
    /// again with the problem beside its field), writes under the user's name and redirects (303)
    /// to the project's page.
    func post(_ form: ProjectForm, _ request: Request, _ page: PageRequest, _ session: PageSession) async throws -> Response {
        var request = request
        let buffer = try await request.collectBody(upTo: Self.maximumFormBytes)
        guard let fields = PageForm(encoded: String(decoding: buffer.readableBytesView, as: UTF8.self)[...]) else {
            throw PageFailure(.badRequest, field: "body", zh: "表单无法读取", en: "The form cannot be read")
        }
        guard let expected = page.csrfToken, let sent = fields.raw("csrf_token"), Self.constantTimeEqual(expected, sent) else {
            throw PageFailure(.forbidden, field: "csrf_token", zh: "表单已失效，请返回重新填写", en: "The form has expired; go back and fill it in again")
        }
        let id = try await projectID(session)
        let history = try await repository.projectHistory(id)
        guard session.account.mayWrite(pairing: history.project.pairing, in: session.catalogue) else {
            throw PageFailure(.forbidden, field: "pairing", zh: "您无权填报该对口合作关系的项目", en: "You may not write the projects of this pairing")
        }
        var state = FormState(values: Dictionary(uniqueKeysWithValues: form.fields.compactMap { name in fields.raw(name).map { (name, $0) } }))
        let identity = AuditIdentity(actor: session.account.name, command: "web: POST /projects/\(id.uuidString.lowercased())/\(form.rawValue)")
        do {
            switch form {
            case .updates:
                let update = try Self.update(from: fields, errors: &state.errors)
                if let update, state.errors.isEmpty {
                    _ = try await repository.write(as: identity) { try $0.recordUpdate(update, toProject: id) }
                }
            case .corrections:
                let correction = try Self.correction(from: fields, errors: &state.errors)
                if let correction, state.errors.isEmpty {
                    _ = try await repository.write(as: identity) { try $0.correctUpdate(correction, ofProject: id) }
                }
            case .plan:
                let revision = try Self.revision(from: fields, errors: &state.errors)
                if let revision, state.errors.isEmpty {
                    _ = try await repository.write(as: identity) { try $0.reviseProjectPlan(id, revision) }
                }
            }
        } catch let error as DuikouError where error.code == .invalidInput || error.code == .constraint {
            let field = error.field.flatMap { form.fields.contains($0) ? $0 : nil } ?? ""
            state.errors[field] = error.message
        }
        guard state.errors.isEmpty else { return try await projectPage(id, page, session, failed: (form, state)) }
        return PageResponse.redirect(to: "/projects/\(id.uuidString.lowercased())#history")
    }

    /// Whether two texts are equal, in a time that depends on their lengths only.
    static func constantTimeEqual(_ first: String, _ second: String) -> Bool {
        let a = Array(first.utf8)
        let b = Array(second.utf8)
        guard a.count == b.count, !a.isEmpty else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    // MARK: Reading the forms

    /// Reads one field with `parse`, noting its problem under its name.
    private static func read<T>(_ fields: PageForm, _ name: String, _ errors: inout [String: String], _ parse: (String) throws -> T) -> T? {
        guard let text = fields[name] else { return nil }
        do {
            return try parse(text)
        } catch let error as DuikouError {
            errors[name] = error.message
        } catch {
            errors[name] = String(describing: error)
        }
        return nil
    }

    static func update(from fields: PageForm, errors: inout [String: String]) throws -> NewProgressUpdate? {
        let date = read(fields, "date", &errors) { try LocalDate(parsing: $0, field: "date") }
        let status = read(fields, "status", &errors) { try ProjectStatus(parsing: $0, field: "status") }
        let completed = read(fields, "completed", &errors) { try Money(parsing: $0, field: "completed") }
        let note = fields.raw("note").flatMap { $0.isEmpty ? nil : $0 }
        if fields["date"] == nil { errors["date"] = "date: required (YYYY-MM-DD)" }
        guard let date, errors.isEmpty else { return nil }
        if fields["unchanged"] != nil {
            guard status == nil, completed == nil else {
                errors["unchanged"] = "unchanged: an unchanged report (无变化) gives no new status or completed investment"
                return nil
            }
            return try NewProgressUpdate(unchangedOn: date, note: note)
        }
        guard status != nil || completed != nil || note != nil else {
            errors["status"] = "update: give a status, a completed investment or a note"
            return nil
        }
        return try NewProgressUpdate(date: date, status: status, completed: completed, note: note)
    }

    static func correction(from fields: PageForm, errors: inout [String: String]) throws -> UpdateCorrection? {
        let sequence = read(fields, "seq", &errors) { text -> Int in
            guard let value = Int(text), value >= 1 else { throw DuikouError.invalidValue("seq", text, "is not a position in the history") }
            return value
        }
        let date = read(fields, "date", &errors) { try LocalDate(parsing: $0, field: "date") }
        let status = read(fields, "status", &errors) { try ProjectStatus(parsing: $0, field: "status") }
        let completed = read(fields, "completed", &errors) { try Money(parsing: $0, field: "completed") }
        let note = fields.raw("note").flatMap { $0.isEmpty ? nil : $0 }
        if fields["seq"] == nil { errors["seq"] = "seq: required" }
        if fields["reason"] == nil { errors["reason"] = "reason: required" }
        guard let sequence, let reason = fields.raw("reason"), errors.isEmpty else { return nil }
        guard date != nil || status != nil || completed != nil || note != nil else {
            errors["date"] = "a correction gives a new date, status, completed investment or note"
            return nil
        }
        return try UpdateCorrection(sequence: sequence, date: date, status: status, completed: completed, note: note, reason: reason)
    }

    static func revision(from fields: PageForm, errors: inout [String: String]) throws -> NewPlanRevision? {
        let planned = read(fields, "planned", &errors) { try Money(parsing: $0, field: "planned") }
        let start = read(fields, "planned_start", &errors) { try LocalDate(parsing: $0, field: "planned_start") }
        let completion = read(fields, "planned_completion", &errors) { try LocalDate(parsing: $0, field: "planned_completion") }
        if fields["reason"] == nil { errors["reason"] = "reason: required" }
        guard let reason = fields.raw("reason"), errors.isEmpty else { return nil }
        guard planned != nil || start != nil || completion != nil else {
            errors["planned"] = "plan revision: give a planned investment, a planned start or a planned completion"
            return nil
        }
        return try NewPlanRevision(planned: planned, plannedStart: start, plannedCompletion: completion, reason: reason)
    }

    // MARK: Showing the forms

    /// A labelled field with its problem, if any, beside it.
    private func field(_ form: String, _ name: String, _ label: String, _ control: Markup, _ state: FormState) -> Markup {
        let error = state.errors[name].map { message -> Markup in
            "<p class=\"field-error\" id=\"\(form)-\(name)-error\" data-field=\"\(name)\" role=\"alert\">\(message)</p>"
        } ?? ""
        return "<div class=\"field\"><label for=\"\(form)-\(name)\">\(label)</label>\(control)\(error)</div>\n"
    }

    private func input(_ form: String, _ name: String, _ state: FormState, type: String = "text", placeholder: String = "", value: String? = nil) -> Markup {
        let shown = state.values[name] ?? value ?? ""
        let described: Markup = state.errors[name] == nil ? "" : " aria-invalid=\"true\" aria-describedby=\"\(form)-\(name)-error\""
        return "<input id=\"\(form)-\(name)\" name=\"\(name)\" type=\"\(type)\" value=\"\(shown)\" placeholder=\"\(placeholder)\"\(described)>"
    }

    private func formStart(_ form: ProjectForm, _ key: String, _ title: String, _ page: PageRequest, _ state: FormState) -> Markup {
        """
        <form class="record" id="form-\(form.rawValue)" method="post" action="/projects/\(key)/\(form.rawValue)">
        <h3>\(title)</h3>
        <input type="hidden" name="csrf_token" value="\(page.csrfToken ?? "")">
        \(state.errors[""].map { message -> Markup in "<p class=\"error\" role=\"alert\">\(message)</p>" } ?? "")
        """
    }

    private func status(_ form: String, _ page: PageRequest, _ state: FormState, empty: String) -> Markup {
        let selected = state.values["status"].flatMap { try? ProjectStatus(parsing: $0, field: "status") }
        return statusSelect(id: "\(form)-status", name: "status", page, selected: selected, empty: empty)
    }

    private func note(_ form: String, _ state: FormState) -> Markup {
        "<textarea id=\"\(form)-note\" name=\"note\">\(state.values["note"] ?? "")</textarea>"
    }

    func updateForm(_ key: String, _ page: PageRequest, _ state: FormState) -> Markup {
        let unchanged = state.values["unchanged"] != nil
        return """
            \(formStart(.updates, key, page.t("填报进展", "Record an update"), page, state))
            \(field("update", "date", page.t("日期", "Date"), input("update", "date", state, type: "date", placeholder: "YYYY-MM-DD", value: LocalDate.today().description), state))
            \(field("update", "status", page.t("状态", "Status"), status("update", page, state, empty: page.t("（不变）", "(unchanged)")), state))
            \(field("update", "completed", page.t("累计完成投资（万元）", "Completed investment (10,000 yuan)"), input("update", "completed", state, placeholder: page.t("如 1200 或 1.2亿", "e.g. 1200 or 1.2亿")), state))
            \(field("update", "note", page.t("备注", "Note"), note("update", state), state))
            \(field("update", "unchanged", page.t("无变化", "Unchanged"), "<input id=\"update-unchanged\" name=\"unchanged\" type=\"checkbox\" value=\"1\"\(Markup.when(unchanged, " checked"))>", state))
            <button type="submit">\(page.t("提交", "Record"))</button>
            </form>
            """
    }

    func correctionForm(_ key: String, _ history: ProjectHistory, _ page: PageRequest, _ state: FormState) -> Markup {
        let options = history.updates.map { update -> Markup in
            let label = "\(update.sequence): \(update.date) \(update.status.label(page.language)) \(DisplayText.money(update.completed, in: .wan))"
            return option(String(update.sequence), label, selected: state.values["seq"] == String(update.sequence))
        }
        return """
            \(formStart(.corrections, key, page.t("更正进展", "Correct an update"), page, state))
            \(field("correct", "seq", page.t("要更正的记录", "Update to correct"), "<select id=\"correct-seq\" name=\"seq\">\(options)</select>", state))
            \(field("correct", "date", page.t("更正后日期", "Corrected date"), input("correct", "date", state, type: "date", placeholder: "YYYY-MM-DD"), state))
            \(field("correct", "status", page.t("更正后状态", "Corrected status"), status("correct", page, state, empty: page.t("（不变）", "(unchanged)")), state))
            \(field("correct", "completed", page.t("更正后累计完成投资（万元）", "Corrected completed investment (10,000 yuan)"), input("correct", "completed", state), state))
            \(field("correct", "note", page.t("更正后备注", "Corrected note"), note("correct", state), state))
            \(field("correct", "reason", page.t("更正原因", "Reason"), input("correct", "reason", state), state))
            <button type="submit">\(page.t("更正", "Correct"))</button>
            </form>
            """
    }

    func planForm(_ key: String, _ page: PageRequest, _ state: FormState) -> Markup {
        """
        \(formStart(.plan, key, page.t("调整计划", "Revise the plan"), page, state))
        \(field("plan", "planned", page.t("计划总投资（万元）", "Planned investment (10,000 yuan)"), input("plan", "planned", state), state))
        \(field("plan", "planned_start", page.t("计划开工日期", "Planned start"), input("plan", "planned_start", state, type: "date", placeholder: "YYYY-MM-DD"), state))
        \(field("plan", "planned_completion", page.t("计划竣工日期", "Planned completion"), input("plan", "planned_completion", state, type: "date", placeholder: "YYYY-MM-DD"), state))
        \(field("plan", "reason", page.t("调整原因", "Reason"), input("plan", "reason", state), state))
        <button type="submit">\(page.t("调整", "Revise"))</button>
        </form>
        """
    }
}

extension DuikouError {
    /// A value refused for a field, named.
    static func invalidValue(_ field: String, _ value: String, _ why: String) -> DuikouError {
        DuikouError(.invalidInput, "\(field): '\(value)' \(why)", field: field)
    }
}
