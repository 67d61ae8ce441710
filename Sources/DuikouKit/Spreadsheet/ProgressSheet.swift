/// A progress report as a sheet for people: a row per area, task, pairing or province, then the
/// total; investment in 万元, rates as percentages.
struct ProgressSheet {
    let name: String
    let columns: [SheetColumn]
    let rows: [(cells: [SheetCell], record: String)]

    init(report: ProgressReport, language: Language) {
        let zh = language == .zh
        let activity = report.grouping.countsPairingActivity
        name = zh ? "按\(report.grouping.labelZH)" : "By \(report.grouping.labelEN)"
        var headers = [(zh ? "代码" : "Key", 10), (zh ? "名称" : "Name", report.grouping == .task ? 26 : 22),
                       (zh ? "项目数" : "Projects", 8), (zh ? "标志性项目" : "Landmark projects", 10)]
        headers += ProjectStatus.allCases.map { ($0.label(language), 8) }
        headers += [(zh ? "计划总投资（万元）" : "Planned investment (10,000 yuan)", 18),
                    (zh ? "累计完成投资（万元）" : "Completed investment (10,000 yuan)", 18)]
        if activity {
            headers += [(zh ? "园区" : "Parks", 8),
                        (zh ? "挂职赴东部（人）" : "Seconded to east (persons)", 12), (zh ? "挂职来东北（人）" : "Seconded to NE (persons)", 12),
                        (zh ? "培训赴东部（人次）" : "Trained in east (person-times)", 12), (zh ? "培训来东北（人次）" : "Trained in NE (person-times)", 12),
                        (zh ? "复制改革举措（项）" : "Reforms copied", 12), (zh ? "复制政策（项）" : "Policies copied", 12),
                        (zh ? "会议互访（次）" : "Meetings", 10), (zh ? "资金支持（万元）" : "Funding (10,000 yuan)", 16),
                        (zh ? "红灯" : "Red", 6), (zh ? "黄灯" : "Yellow", 6)]
        }
        headers += [(zh ? "落地率" : "Landed", 8), (zh ? "开工率" : "Started", 8), (zh ? "投产率" : "Operating", 8), (zh ? "投资完成率" : "Invested", 10)]
        columns = headers.map { SheetColumn(key: $0.0, header: $0.0, width: max($0.1, $0.0.displayWidth + 2)) }

        let cells = { (key: String, name: String, figures: ProgressFigures) -> [SheetCell] in
            var cells: [SheetCell] = [.text(key), .text(name), .number(String(figures.projects)), .number(String(figures.landmarkProjects))]
            cells += ProjectStatus.allCases.map { .number(String(figures.byStatus[$0] ?? 0)) }
            cells += [.wan(figures.plannedInvestment.yuan), .wan(figures.completedInvestment.yuan)]
            if activity {
                let soft = figures.softCooperation
                cells += [figures.parks, figures.secondmentsToEast, figures.secondmentsToNortheast, figures.traineesToEast,
                          figures.traineesToNortheast, soft.reforms, soft.policies, soft.meetingCount].map { .number(String($0)) }
                cells += [.wan(soft.fundingTotal.yuan), .number(String(figures.alertsRed)), .number(String(figures.alertsYellow))]
            }
            cells += [figures.landedRate, figures.startedRate, figures.operatingRate, figures.investmentCompletionRate].map { $0.map(SheetCell.percent) ?? .empty }
            return cells
        }
        rows = report.rows.map { (cells($0.key, zh ? $0.nameZH : $0.nameEN, $0.figures), $0.key) }
            + [(cells(zh ? "合计" : "Total", "", report.total), "total")]
    }
}
