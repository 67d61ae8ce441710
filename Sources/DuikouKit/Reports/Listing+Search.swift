extension Listing {
    /// Search hits, best first: `kind, id, pairing, title, field, snippet`.
    ///
    /// JSON and CSV carry the keys (`project`/`park`/`reform`/`meeting`/`funding`, the full id, the
    /// field's key such as `title` or `outcomes`); the table shows labels in `language` and the first
    /// eight characters of the id, enough to name the record in `duikou project show`; with a catalogue,
    /// it names pairings in `language`.
    public static func searchHits(_ hits: [SearchHit], _ language: Language = .zh, catalogue: Catalogue? = nil) -> Listing {
        let zh = language == .zh
        let names = DisplayNames(catalogue, language)
        typealias Key = SearchHit.CodingKeys
        return Listing(
            fields: [.init(Key.kind, zh ? "类型" : "Kind"), .init(Key.id, "ID"), .init(Key.pairing, zh ? "对口合作关系" : "Pairing"),
                     .init(Key.title, zh ? "名称" : "Title"), .init(Key.field, zh ? "匹配字段" : "Field"),
                     .init(Key.snippet, zh ? "摘录" : "Snippet")],
            rows: hits.map { hit in
                [Cell(.string(hit.kind.rawValue), display: kindLabel(hit.kind, language)),
                 Cell(.string(hit.id.key), display: String(hit.id.key.prefix(8))),
                 Cell(.string(hit.pairing), display: names.pairing(hit.pairing)), .text(hit.title),
                 Cell(.string(hit.field.rawValue), display: fieldLabel(hit, language)), .text(hit.snippet)]
            })
    }

    private static func kindLabel(_ kind: RecordKind, _ language: Language) -> String {
        switch (kind, language) {
        case (.project, .zh): "项目"
        case (.park, .zh): "园区"
        case (.exchange, .zh): "干部交流"
        case (.reform, .zh): "改革举措"
        case (.meeting, .zh): "会议互访"
        case (.funding, .zh): "资金支持"
        case (_, .en): kind.rawValue
        }
    }

    /// The matched field's label; a reform measure's title is its 举措名称.
    private static func fieldLabel(_ hit: SearchHit, _ language: Language) -> String {
        switch (hit.kind, hit.field, language) {
        case (.reform, .title, .zh): "举措名称"
        case (.reform, .title, .en): "measure"
        default: hit.field.label(language)
        }
    }
}
