import DuikouKit

/// The line above a long list: how many there are, which of them the page shows, and links to the
/// previous and next pages that keep the list's filters.
struct Pager {
    /// The list's page, such as `/projects`.
    let path: String
    /// The list's filters, kept in the links; `nil` values are left out.
    let filters: [(String, String?)]
    let limit: Int
    /// The limit a link leaves out, as the page's own default.
    let defaultLimit: Int
    let offset: Int
    /// How many the page shows.
    let shown: Int
    /// How many there are on every page together.
    let total: Int

    /// The line, counting in `unit` (`("个项目", "projects")`) with the Chinese `counter` word for one of them (`个`).
    func markup(_ page: PageRequest, unit: (zh: String, en: String), counter: String = "个") -> Markup {
        """
        <p class="pager">\(page.t("共", "")) <strong data-key="count">\(DisplayText.count(total))</strong> \(page.t(unit.zh, unit.en))\
        \(Markup.when(shown > 0, " · \(page.t("第", "showing ")) \(offset + 1)–\(offset + shown) \(page.t(counter, ""))"))\
        \(Markup.when(offset > 0, " <a rel=\"prev\" href=\"\(link(max(0, offset - limit)))\">\(page.t("上一页", "Previous"))</a>"))\
        \(Markup.when(offset + limit < total, " <a rel=\"next\" href=\"\(link(offset + limit))\">\(page.t("下一页", "Next"))</a>"))</p>
        """
    }

    /// The list from `start` on, with the same filters and limit.
    private func link(_ start: Int) -> String {
        path + PageForm.query(filters + [("limit", limit == defaultLimit ? nil : String(limit)), ("offset", start == 0 ? nil : String(start))])
    }
}
