extension MergeReport {
    /// The report as one JSON object: `source`, `dry_run`, `prefer`, `changed`, `counts` (per kind:
    /// `added`, `identical`, `updated`, `conflicts`) and `conflicts` (each with `kind`, `id`,
    /// `resolution`, `reason` and the differing `fields`, values as text).
    public var json: JSONValue {
        typealias CountKey = Counts.CodingKeys
        typealias ConflictKey = Conflict.CodingKeys
        typealias DifferenceKey = Difference.CodingKeys
        return .object([
            (CodingKeys.source.stringValue, .string(source)),
            (CodingKeys.dryRun.stringValue, .bool(options.dryRun)),
            (CodingKeys.preference.stringValue, .string(options.preference.rawValue)),
            (CodingKeys.changed.stringValue, .bool(changesAnything)),
            (CodingKeys.counts.stringValue, .object(Kind.allCases.map { kind in
                let counts = self[kind]
                return (kind.countsKey.stringValue, .object([
                    (CountKey.added.stringValue, .integer(Int64(counts.added))),
                    (CountKey.identical.stringValue, .integer(Int64(counts.identical))),
                    (CountKey.updated.stringValue, .integer(Int64(counts.updated))),
                    (CountKey.conflicts.stringValue, .integer(Int64(counts.conflicts))),
                ]))
            })),
            (CodingKeys.conflicts.stringValue, .array(conflicts.map { conflict in
                .object([
                    (ConflictKey.kind.stringValue, .string(conflict.kind.rawValue)), (ConflictKey.id.stringValue, .string(conflict.id)),
                    (ConflictKey.resolution.stringValue, .string(conflict.resolution.rawValue)),
                    (ConflictKey.reason.stringValue, .optional(conflict.reason)),
                    (ConflictKey.differences.stringValue, .array(conflict.differences.map { difference in
                        .object([(DifferenceKey.field.stringValue, .string(difference.field)),
                                 (DifferenceKey.ours.stringValue, .optional(difference.ours)),
                                 (DifferenceKey.theirs.stringValue, .optional(difference.theirs))])
                    })),
                ])
            })),
        ])
    }

    /// The report as text for a terminal: a title, a table of counts per kind, then every conflict
    /// with the fields that differ. With a catalogue, pairings (a conflicting pairing, and the values
    /// of `pairing` and `parent` fields) are named in `language`, their ids after the names.
    public func table(_ language: Language = .zh, catalogue: Catalogue? = nil) -> String {
        let zh = language == .zh
        let names = DisplayNames(catalogue, language)
        let pairing = { (id: String) -> String in
            let name = names.pairing(id)
            return name == id ? id : "\(name) (\(id))"
        }
        var out = title(language) + "\n"
        let counts = TextTable(
            columns: [.init(zh ? "类型" : "Kind"), .init(zh ? "新增" : "Added", .right), .init(zh ? "相同" : "Identical", .right),
                      .init(zh ? "采用对方" : "Updated", .right), .init(zh ? "冲突" : "Conflicts", .right)],
            rows: Kind.allCases.map { kind in
                let counts = self[kind]
                return [kind.label(language), String(counts.added), String(counts.identical),
                        kind.isHistory ? "-" : String(counts.updated), String(counts.conflicts)]
            })
        out += counts.rendered()
        if conflicts.isEmpty {
            out += zh ? "没有冲突。\n" : "No conflicts.\n"
        } else {
            out += "\n" + (zh
                ? "冲突 \(conflicts.count) 项（默认保留本库；--prefer theirs 采用对方的字段；进展记录从不改写）：\n"
                : "\(conflicts.count) conflict\(conflicts.count == 1 ? "" : "s") (ours kept unless --prefer theirs; progress updates are never rewritten):\n")
            for conflict in conflicts {
                out += "\n" + heading(conflict, language, record: conflict.kind == .pairing ? pairing(conflict.id) : conflict.id) + "\n"
                if !conflict.differences.isEmpty {
                    let fields = TextTable(
                        columns: [.init(zh ? "字段" : "Field"), .init(conflict.kind == .progressUpdate ? (zh ? "本库最新" : "Ours (latest)") : (zh ? "本库" : "Ours")),
                                  .init(zh ? "对方" : "Theirs")],
                        rows: conflict.differences.map { difference in
                            let shown = { (value: String?) in
                                value.map { ["pairing", "parent"].contains(difference.field) ? pairing($0) : $0 } ?? "-"
                            }
                            return [difference.field, shown(difference.ours), shown(difference.theirs)]
                        })
                    out += fields.rendered().split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                        .map { "  " + $0 + "\n" }.joined()
                }
            }
        }
        if !changesAnything {
            if conflicts.isEmpty {
                out += zh ? "没有可合并的新内容：对方的记录本库都已有。\n" : "Nothing to merge: everything of theirs is already here.\n"
            } else {
                out += zh ? "\n除上述冲突外，没有可合并的新内容。\n" : "\nNothing to add or change besides the conflicts above.\n"
            }
        }
        return out
    }

    private func title(_ language: Language) -> String {
        let zh = language == .zh
        let preferred = options.preference == .theirs ? (zh ? "（差异处采用对方）" : ", taking theirs where records differ,") : ""
        if options.dryRun {
            return zh ? "试运行（未写入任何内容）：合并 \(source)\(preferred)将得到：" : "Dry run (nothing written): merging \(source)\(preferred) would give:"
        }
        return zh ? "已合并 \(source)\(preferred)：" : "Merged \(source)\(preferred.dropLast()):"
    }

    private func heading(_ conflict: Conflict, _ language: Language, record: String) -> String {
        let zh = language == .zh
        let outcome: String
        switch (conflict.resolution, conflict.kind) {
        case (_, .progressUpdate), (_, .correction), (_, .planRevision): outcome = zh ? "未添加" : "not added"
        case (.keptOurs, _): outcome = zh ? "保留本库" : "ours kept"
        case (.tookTheirs, _): outcome = zh ? (options.dryRun ? "将采用对方" : "已采用对方") : (options.dryRun ? "theirs would be taken" : "theirs taken")
        }
        let what = conflict.kind.isHistory
            ? (zh ? "项目 \(conflict.id) 的\(conflict.kind.labelZH)" : "\(conflict.kind.labelEN) of project \(conflict.id)")
            : "\(conflict.kind.label(language)) \(record)"
        let reason = conflict.reason.map { (zh ? "：" : ": ") + $0 } ?? ""
        return zh ? "\(what)（\(outcome)）\(reason)" : "\(what) (\(outcome))\(reason)"
    }
}

extension MergeReport.Kind {
    /// Whether records of this kind belong to a project's history (its updates, their corrections,
    /// its plan revisions): they are added or left out, never rewritten, so none is ever "updated".
    var isHistory: Bool { self == .progressUpdate || self == .correction || self == .planRevision }
}
