import Foundation
import Testing
@testable import DuikouKit

/// Model values and reports are `Codable`: `JSONEncoder` writes the CLI's JSON (compared as parsed
/// trees with the library's own rendering, so that a drift on either side fails), every value
/// comes back equal from its own JSON, hostile text and extreme amounts included, and decoding
/// refuses what the library would refuse with a `DecodingError`.
@Suite struct CodableTests {
    let database: TemporaryDatabase

    init() throws {
        database = try TemporaryDatabase()
    }

    // MARK: - Fixtures

    /// Text that JSON must escape or carry unchanged: Chinese, quotes, a backslash, line breaks, a
    /// tab, a control character, emoji sequences, a combining mark, a bidirectional override, markup.
    static let hostile = "深圳（哈尔滨）\"引号\" 'single' \\ back\nnew line\ttab \u{7} 🚀👨‍👩‍👧 e\u{301} \u{202E}rtl </script>&amp;"

    private static func day(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }

    /// What the seeded database holds.
    struct Seed {
        let park: Park
        let full: UUID
        let bare: UUID
        let terminated: UUID
    }

    /// A database with a park, three projects (one with every field and hostile text, one with no
    /// optional field, one terminated) and their histories, two exchanges and two 2021 targets.
    private func seeded() throws -> (Repository, Seed) {
        let repository = try database.open()
        let park = try repository.addPark(NewPark(
            pairing: "harbin-shenzhen", name: Self.hostile, kind: .enclave, hostRegion: "230100", partner: "深圳市",
            established: Self.day("2019-05-09"), plannedArea: LandArea(parsingKm2: "1.53"), benefitSharing: Self.hostile))
        let full = try repository.addProject(NewProject(
            pairing: "harbin-shenzhen", task: "2.2", title: Self.hostile, description: Self.hostile, northeastParty: "哈尔滨某企业",
            eastParty: "深圳某企业 \"东部\"", park: park.id, landmark: true, planned: Money(parsing: "12.5亿"),
            date: Self.day("2019-06-01")))
        try repository.recordUpdate(NewProgressUpdate(date: Self.day("2020-03-01"), status: .landed, completed: Money(parsing: "1亿")), toProject: full.id)
        try repository.recordUpdate(
            NewProgressUpdate(date: Self.day("2021-05-01"), status: .started, completed: Money(parsing: "3亿"), note: Self.hostile),
            toProject: full.id)
        let bare = try repository.addProject(NewProject(
            pairing: "jilin-zhejiang", task: "1.1", title: "营商环境合作", status: .negotiating, date: Self.day("2021-02-03")))
        let terminated = try repository.addProject(NewProject(
            pairing: "harbin-shenzhen", task: "3.1", title: "科技成果转化中心", planned: Money(parsing: "8000万"),
            status: .started, date: Self.day("2020-01-15"), completed: Money(parsing: "2000万")))
        try repository.recordUpdate(NewProgressUpdate(date: Self.day("2021-08-08"), status: .terminated, note: "投资方调整计划"), toProject: terminated.id)
        _ = try repository.addExchange(NewExchange(
            pairing: "harbin-shenzhen", direction: .toEast, kind: .secondment, start: Self.day("2019-07-01"), end: Self.day("2020-06-30"),
            person: "张三", fromOrg: "哈尔滨市发展改革委", toOrg: "深圳市发展改革委", post: Self.hostile))
        _ = try repository.addExchange(NewExchange(
            pairing: "jilin-zhejiang", direction: .toNortheast, kind: .training, start: Self.day("2021-04-10"), participants: 52))
        _ = try repository.setTarget(NewPlanTarget(pairing: "harbin-shenzhen", year: 2021, metric: .projectsStarted, target: 2))
        _ = try repository.setTarget(NewPlanTarget(pairing: "harbin-shenzhen", year: 2021, metric: .projectsStarted, target: 1))
        _ = try repository.setTarget(NewPlanTarget(pairing: "harbin-shenzhen", year: 2021, metric: .investmentCompletedYuan, target: 500_000_000))
        _ = try repository.setTarget(NewPlanTarget(pairing: "jilin-zhejiang", year: 2021, metric: .cadresTrained, target: 0))
        return (repository, Seed(park: try #require(repository.parks().first), full: full.id, bare: bare.id, terminated: terminated.id))
    }

    /// `value` written by `JSONEncoder` and read back by `JSONDecoder` is `value` again.
    private func expectRoundTrip<T: Codable & Equatable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let data = try JSONEncoder().encode(value)
        let decoded = try JSONDecoder().decode(T.self, from: data)
        #expect(decoded == value, "\(String(decoding: data, as: UTF8.self))", sourceLocation: sourceLocation)
    }

    /// The first object of a listing's JSON array.
    private func firstRow(_ listing: Listing) throws -> JSONTree {
        try #require(JSONTree(listing.json).elements.first)
    }

    // MARK: - The CLI's JSON

    @Test func projectHistoryEncodesAsProjectShow() throws {
        let (repository, seed) = try seeded()
        for id in [seed.full, seed.bare, seed.terminated] {
            let history = try repository.projectHistory(id)
            #expect(try JSONTree(encoding: history) == JSONTree(history.json))
        }
    }

    @Test func projectEncodesAsItsRowOfProjectList() throws {
        let (repository, _) = try seeded()
        let projects = try repository.projects() + repository.projects(ProjectFilter(asOf: Self.day("2020-12-31")))
        #expect(projects.count == 5)
        for project in projects {
            #expect(try JSONTree(encoding: project) == firstRow(.projects([project])))
        }
        let history = try repository.projectHistory(projects[0].id)
        #expect(try JSONTree(encoding: history.project) == JSONTree(encoding: history).removing(
            "park_name", "history", "superseded", "voided_at", "void_reason", "plan_revisions"))
    }

    @Test(arguments: [ProgressGrouping.pairing, .province, .area, .task])
    func progressReportEncodesAsProgress(grouping: ProgressGrouping) throws {
        let (repository, _) = try seeded()
        for asOf in [nil, try Self.day("2020-12-31")] {
            let report = try repository.progress(ProgressQuery(grouping: grouping, asOf: asOf))
            var expected = try JSONTree(report.json)
            if !grouping.countsPairingActivity {
                // The total of a report by area or task also carries what the CLI prints only by pairing and province.
                var total = try #require(expected["total"])
                for key in ProgressFigures.activityKeys {
                    total = total.setting(key.stringValue, to: .integer(Int64(report.total.count(key))))
                }
                total = total.setting("soft_cooperation", to: try JSONTree(encoding: report.total.softCooperation))
                expected = expected.setting("total", to: total)
                #expect(report.total.parks == 1)
            }
            #expect(try JSONTree(encoding: report) == expected)
        }
    }

    @Test func parksAndExchangesEncodeAsTheirListings() throws {
        let (repository, _) = try seeded()
        for park in try repository.parks() {
            #expect(try JSONTree(encoding: park) == firstRow(.parks([park])))
        }
        let exchanges = try repository.exchanges()
        #expect(exchanges.count == 2)
        for exchange in exchanges {
            #expect(try JSONTree(encoding: exchange) == firstRow(.exchanges([exchange])))
        }
    }

    @Test func catalogueEncodesAsRegionsPairingsAndTasks() throws {
        let (repository, _) = try seeded()
        let catalogue = try repository.catalogue()
        let encoded = try JSONTree(encoding: catalogue)
        #expect(encoded["regions"] == (try JSONTree(Listing.regions(catalogue).json)))
        #expect(encoded["pairings"] == (try JSONTree(Listing.pairings(catalogue).json)))
        let rows = try JSONTree(Listing.tasks(catalogue).json).elements
        #expect(encoded["areas"] == .array(rows.filter { $0["kind"] == .string("area") }))
        #expect(encoded["tasks"] == .array(rows.filter { $0["kind"] == .string("task") }))
        #expect(encoded["areas"]?.elements.count == 4 && encoded["tasks"]?.elements.count == 18)

        let regions = try JSONTree(Listing.regions(catalogue).json).elements
        #expect(try catalogue.regions.map { try JSONTree(encoding: $0) } == regions)
        // A pairing alone has no names nor aliases: the listing makes the names from the regions and
        // takes the aliases from the catalogue.
        let pairings = try JSONTree(Listing.pairings(catalogue).json).elements.map { $0.removing("name_zh", "name_en", "aliases") }
        #expect(try catalogue.pairings.map { try JSONTree(encoding: $0) } == pairings)
        #expect(try catalogue.areas.map { try JSONTree(encoding: $0) } == rows.filter { $0["kind"] == .string("area") })
        #expect(try catalogue.tasks.map { try JSONTree(encoding: $0) } == rows.filter { $0["kind"] == .string("task") })
    }

    @Test func planTargetsAndEvaluationEncodeAsPlanListAndEvaluate() throws {
        let (repository, _) = try seeded()
        let catalogue = try repository.catalogue()
        let targets = try repository.planTargets(year: 2021, revisions: true)
        #expect(targets.count == 4)
        for target in targets {
            // A target alone has no pairing name: the listing takes it from the catalogue.
            #expect(try JSONTree(encoding: target) == firstRow(.planTargets([target], catalogue)).removing("pairing_name"))
        }
        let evaluation = try repository.evaluate(year: 2021)
        #expect(evaluation.rows.count == 3)
        #expect(try JSONTree(encoding: evaluation) == JSONTree(evaluation.json))
    }

    @Test func auditEventsAndSearchHitsEncodeAsHistoryAndSearch() throws {
        let (repository, _) = try seeded()
        let events = try repository.history()
        #expect(events.count >= 10)
        for event in events {
            #expect(try JSONTree(encoding: event) == firstRow(.auditEvents([event])))
        }
        let hits = try repository.search("哈尔滨") + repository.search("营商")
        #expect(hits.count >= 3)
        for hit in hits {
            #expect(try JSONTree(encoding: hit) == firstRow(.searchHits([hit])))
        }
    }

    @Test func mergeReportEncodesAsMergeJSON() throws {
        let (repository, seed) = try seeded()
        let theirs = try TemporaryDatabase()
        let other = try theirs.open()
        _ = try other.addProject(NewProject(
            id: seed.full, pairing: "harbin-shenzhen", task: "2.2", title: "另一个标题", date: Self.day("2019-06-01")))
        _ = try other.addProject(NewProject(pairing: "dalian-shanghai", task: "2.1", title: "新项目", date: Self.day("2022-01-01")))
        for preference in MergePreference.allCases {
            let report = try repository.merge(from: theirs.path, options: MergeOptions(preference: preference, dryRun: true))
            #expect(!report.conflicts.isEmpty)
            #expect(try JSONTree(encoding: report) == JSONTree(report.json))
            try expectRoundTrip(report)
        }
    }

    // MARK: - Round trips

    @Test func everyValueOfARealDatabaseComesBackFromItsJSON() throws {
        let (repository, seed) = try seeded()
        for id in [seed.full, seed.bare, seed.terminated] {
            let history = try repository.projectHistory(id)
            try expectRoundTrip(history)
            try expectRoundTrip(history.project)
            for update in history.updates { try expectRoundTrip(update) }
        }
        for grouping in ProgressGrouping.allCases {
            let report = try repository.progress(ProgressQuery(grouping: grouping, asOf: Self.day("2021-06-30")))
            try expectRoundTrip(report)
            try expectRoundTrip(report.total)
            for row in report.rows { try expectRoundTrip(row) }
        }
        let catalogue = try repository.catalogue()
        try expectRoundTrip(catalogue)
        for region in catalogue.regions { try expectRoundTrip(region) }
        for pairing in catalogue.pairings { try expectRoundTrip(pairing) }
        for area in catalogue.areas { try expectRoundTrip(area) }
        for task in catalogue.tasks { try expectRoundTrip(task) }
        for park in try repository.parks() { try expectRoundTrip(park) }
        for exchange in try repository.exchanges() { try expectRoundTrip(exchange) }
        for target in try repository.planTargets(revisions: true) { try expectRoundTrip(target) }
        let evaluation = try repository.evaluate(year: 2021)
        try expectRoundTrip(evaluation)
        for row in evaluation.rows { try expectRoundTrip(row) }
        for score in evaluation.pairings { try expectRoundTrip(score) }
        for event in try repository.history() { try expectRoundTrip(event) }
        for hit in try repository.search("哈尔滨") { try expectRoundTrip(hit) }
        try expectRoundTrip(repository.check())
        let report = try repository.cooperationReport()
        #expect(report.investmentByYear.count == 3 && !report.landmarkProjects.isEmpty && !report.planAgainstActual.isEmpty)
        try expectRoundTrip(report)
        for year in report.investmentByYear { try expectRoundTrip(year) }
    }

    @Test func anImportResultComesBackFromItsJSON() throws {
        let (repository, _) = try seeded()
        let file = database.folder.appendingPathComponent("projects.csv")
        try Data(#"""
            pairing,task,title,planned,date
            harbin-shenzhen,2.1,"新项目, ""引号""",12.5亿,2024-03-01
            harbin-shenzhen,9.9,坏任务,-3,2024-02-30

            """#.utf8).write(to: file)
        let result = try repository.importCSV(.projects, from: file.path, dryRun: true)
        #expect(result.problemCount >= 2 && result.refused == 1 && result.rows == 2)
        try expectRoundTrip(result)
        for problem in result.problems { try expectRoundTrip(problem) }
        let encoded = try JSONTree(encoding: result)
        #expect(encoded["dry_run"] == .bool(true) && encoded["committed"] == .bool(false) && encoded["kind"] == .string("projects"))
    }

    @Test func hostileValuesComeBackFromTheirJSON() throws {
        let id = try #require(UUID(uuidString: "3F2A9C1E-0B4D-4C1A-9E2F-5A6B7C8D9E0F"))
        let first = try Self.day("1900-01-01")
        let last = try Self.day("2999-12-31")
        let project = Project(
            id: id, pairing: "harbin-shenzhen", task: "2.2", title: Self.hostile, description: Self.hostile, northeastParty: nil,
            eastParty: "\"", park: nil, landmark: false, planned: Money(uncheckedYuan: .max), status: .operating, statusDate: last,
            firstDate: first, completed: Money(uncheckedYuan: .max), plannedStart: first, plannedCompletion: last)
        let bare = Project(
            id: id, pairing: "inner-mongolia", task: "4.4", title: "😀", description: nil, northeastParty: nil, eastParty: nil,
            park: nil, landmark: true, planned: nil, status: .planned, statusDate: first, firstDate: first, completed: .zero,
            plannedStart: nil, plannedCompletion: nil)
        let updates = [
            ProgressUpdate(sequence: 1, date: first, status: .signed, completed: .zero, note: nil, recordedAt: "2026-11-29T08:15:02.123Z"),
            ProgressUpdate(sequence: 2, date: last, status: .operating, completed: Money(uncheckedYuan: .max), note: Self.hostile,
                           recordedAt: "2026-11-29T08:15:02.124Z"),
        ]
        try expectRoundTrip(project)
        try expectRoundTrip(bare)
        let revisions = [
            PlanRevision(sequence: 1, planned: Money(uncheckedYuan: .max), plannedStart: first, plannedCompletion: last, previousPlanned: nil,
                         previousPlannedStart: nil, previousPlannedCompletion: nil, reason: Self.hostile, recordedAt: "2026-11-29T08:15:02.125Z"),
        ]
        try expectRoundTrip(ProjectHistory(project: project, parkName: Self.hostile, updates: updates, planRevisions: revisions))
        try expectRoundTrip(ProjectHistory(project: bare, parkName: nil, updates: updates, planRevisions: []))
        // Ids are written in lower case, as Duikou prints them, and read in either case.
        #expect(try JSONTree(encoding: project)["id"] == .string(id.uuidString.lowercased()))
        #expect(try JSONTree(encoding: bare)["planned_investment_yuan"] == .null)
        #expect(try JSONTree(encoding: project)["planned_investment_yuan"] == .integer(.max))

        try expectRoundTrip(Park(
            id: id, pairing: "harbin-shenzhen", name: Self.hostile, kind: .branch, hostRegion: nil, partner: Self.hostile, established: nil,
            plannedArea: LandArea(squareMetres: .max), benefitSharing: nil, projects: .max, plannedInvestment: Money(uncheckedYuan: .max),
            completedInvestment: .zero))
        try expectRoundTrip(Park(
            id: id, pairing: "x", name: "园", kind: .joint, hostRegion: "230100", partner: nil, established: last,
            plannedArea: LandArea(squareMetres: 1), benefitSharing: Self.hostile, projects: 0, plannedInvestment: .zero, completedInvestment: .zero))
        try expectRoundTrip(CadreExchange(
            id: id, pairing: "harbin-shenzhen", direction: .toNortheast, kind: .training, start: first, end: nil,
            participants: NewExchange.maximumParticipants, person: nil, fromOrg: Self.hostile, toOrg: nil, post: nil))
        try expectRoundTrip(Region(uncheckedCode: "999999", nameZH: Self.hostile, nameEN: "O'Brien \"County\"", level: .county, side: .east))
        try expectRoundTrip(Pairing(unchecked: "a-1", northeast: "999999", east: nil, level: .city, status: .exploring, parent: "inner-mongolia"))
        try expectRoundTrip(PlanTarget(
            pairing: "harbin-shenzhen", year: 2100, metric: .investmentSignedYuan, target: .max, revision: 3,
            weight: PlanWeight(thousandths: 1), previous: 0, setAt: Self.hostile))
        try expectRoundTrip(AuditEvent(
            seq: .max, at: "2026-11-29T08:15:02.123Z", actor: Self.hostile, command: "project add", action: .import, recordKind: "database",
            recordID: nil, summary: Self.hostile))
        try expectRoundTrip(SearchHit(kind: .park, id: id, pairing: "harbin-shenzhen", title: Self.hostile, field: .name, snippet: ""))

        var figures = ProgressFigures()
        figures.projects = 3
        figures.landmarkProjects = 3
        figures.byStatus[.terminated] = 3
        figures.plannedInvestment = Money(uncheckedYuan: .max)
        figures.completedInvestment = Money(uncheckedYuan: .max)
        figures.traineesToEast = .max
        figures.reached[.signed] = 2
        figures.terminatedCompletedInvestment = Money(uncheckedYuan: .max)
        try expectRoundTrip(ProgressReport(
            asOf: nil, grouping: .pairing, rows: [ProgressRow(key: "a-1", nameZH: Self.hostile, nameEN: "", figures: figures)], total: figures))

        var merge = MergeReport(source: Self.hostile, options: MergeOptions(preference: .theirs, dryRun: false))
        merge.countAdded(.progressUpdate)
        merge.record(MergeReport.Conflict(
            kind: .project, id: id.uuidString, differences: [MergeReport.Difference(field: "title", ours: Self.hostile, theirs: nil)],
            reason: nil, resolution: .tookTheirs))
        try expectRoundTrip(merge)

        var check = CheckReport()
        check.checks = ["integrity", "histories"]
        for number in 0...CheckReport.maximumProblems { check.report("project \(number): \(Self.hostile)") }
        #expect(check.problems.count < check.problemCount)
        try expectRoundTrip(check)

        try expectRoundTrip(Evaluation(year: 2000, rows: [
            Evaluation.Row(pairing: "a-1", metric: .investmentCompletedYuan, target: 0, actual: .max),
            Evaluation.Row(pairing: "a-1", metric: .cadresTrained, target: .max, actual: 0),
            Evaluation.Row(pairing: "a-1", metric: .cadresTrainedToNortheast, target: 3, actual: 2, weight: PlanWeight(thousandths: 1_000_000)),
        ]))
        try expectRoundTrip(Evaluation.PairingScore(pairing: "a-1", metrics: 3, met: 1, score: 0.8999))
    }

    @Test func moneyDatesAndAreasAreWrittenAsTheCLIWritesThem() throws {
        #expect(try JSONTree(encoding: [Money(uncheckedYuan: .max), .zero]) == .array([.integer(.max), .integer(0)]))
        #expect(try JSONTree(encoding: [Self.day("2019-05-09")]) == .array([.string("2019-05-09")]))
        #expect(try JSONTree(encoding: [LandArea(parsingKm2: "1.53"), LandArea(parsingKm2: "26")]) == .array([.number(1.53), .integer(26)]))
        #expect(String(decoding: try JSONEncoder().encode([LandArea(parsingKm2: "0.000001")]), as: UTF8.self) == "[0.000001]")
        #expect(try JSONTree(encoding: [ProjectStatus.signed, .terminated]) == .array([.string("signed"), .string("terminated")]))
        #expect(try JSONTree(encoding: [ExchangeDirection.toEast]) == .array([.string("to-east")]))
        #expect(try JSONDecoder().decode([LandArea].self, from: Data("[1.53, 2.6e1]".utf8)) == [LandArea(parsingKm2: "1.53"), LandArea(parsingKm2: "26")])
    }

    // MARK: - Refusals

    /// JSON whose member at `path` (object keys, or array positions as text) is `replacement`
    /// (`NSNull()` for null), or is removed when `replacement` is `nil`.
    private func json(of value: some Encodable, setting path: [String], to replacement: Any?) throws -> Data {
        func set(_ node: Any, _ path: ArraySlice<String>) -> Any? {
            guard let key = path.first else { return replacement }
            if var object = node as? [String: Any] {
                object[key] = object[key].flatMap { set($0, path.dropFirst()) } ?? (path.count == 1 ? replacement : nil)
                return object
            }
            if var array = node as? [Any], let index = Int(key), array.indices.contains(index) {
                if let changed = set(array[index], path.dropFirst()) { array[index] = changed } else { array.remove(at: index) }
                return array
            }
            return node
        }
        let tree = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value))
        return try JSONSerialization.data(withJSONObject: try #require(set(tree, path[...])))
    }

    /// Decoding `T` from `value`'s JSON with each change is refused with a `DecodingError`, while the
    /// unchanged JSON decodes.
    private func expectRefusals<T: Codable>(
        _ value: T, _ changes: [([String], Any?)], sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(throws: Never.self, sourceLocation: sourceLocation) { try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value)) }
        for (path, replacement) in changes {
            let data = try json(of: value, setting: path, to: replacement)
            #expect(throws: DecodingError.self, "\(path) = \(String(describing: replacement))", sourceLocation: sourceLocation) {
                try JSONDecoder().decode(T.self, from: data)
            }
        }
    }

    @Test func invalidAmountsDatesAreasAndKeysAreRefused() throws {
        for text in ["[-1]", "[1.5]", "[9223372036854775808]", "[\"100\"]", "[\"12.5亿\"]", "[null]", "[true]"] {
            #expect(throws: DecodingError.self, "\(text)") { try JSONDecoder().decode([Money].self, from: Data(text.utf8)) }
        }
        for text in ["2019-02-30", "2019-2-3", "0219-01-01", " 2019-01-01", "2019-01-01 ", "2019/01/01", "20190101", ""] {
            let data = try JSONEncoder().encode([text])
            #expect(throws: DecodingError.self, "\(text)") { try JSONDecoder().decode([LocalDate].self, from: data) }
        }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([LocalDate].self, from: Data("[20190101]".utf8)) }
        for text in ["[-1]", "[0.0000001]", "[1e20]", "[\"26\"]"] {
            #expect(throws: DecodingError.self, "\(text)") { try JSONDecoder().decode([LandArea].self, from: Data(text.utf8)) }
        }
        for text in ["SIGNED", "签约", "done", ""] {
            let data = try JSONEncoder().encode([text])
            #expect(throws: DecodingError.self, "\(text)") { try JSONDecoder().decode([ProjectStatus].self, from: data) }
        }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([PlanMetric].self, from: Data("[\"projects-signed\"]".utf8)) }
    }

    @Test func invalidProjectsAndHistoriesAreRefused() throws {
        let (repository, seed) = try seeded()
        let history = try repository.projectHistory(seed.full)
        try expectRefusals(history, [
            (["id"], "not-a-uuid"), (["id"], NSNull()), (["title"], "  "), (["title"], "a\u{0}b"), (["title"], nil),
            (["description"], "a\u{0}b"), (["title"], String(repeating: "长", count: 400_000)),
            (["planned_investment_yuan"], -5), (["completed_investment_yuan"], 0.5), (["landmark"], "yes"), (["park"], "x"),
            (["status"], "开工"), (["status_date"], "2019-05-31"), (["first_date"], "2019-13-01"),
            (["history"], nil), (["history", "0", "seq"], 0), (["history", "0", "seq"], 2), (["history", "2", "date"], "2020-01-01"),
            (["history", "1", "completed_investment_yuan"], -1), (["history", "1", "status"], "done"), (["history", "1", "recorded_at"], ""),
        ])
    }

    @Test func invalidRecordsAreRefused() throws {
        let (repository, _) = try seeded()
        let park = try #require(try repository.parks().first)
        try expectRefusals(park, [
            (["name"], ""), (["projects"], -1), (["kind"], "共建"), (["planned_area_km2"], -1), (["planned_area_km2"], 1e-7),
            (["established"], "2019-05-9"), (["planned_investment_yuan"], -1),
        ])
        let exchange = try #require(try repository.exchanges().first { $0.end != nil })
        try expectRefusals(exchange, [
            (["participants"], 0), (["participants"], NewExchange.maximumParticipants + 1), (["participants"], 1e30),
            (["end"], "2019-06-30"), (["direction"], "east"), (["kind"], nil), (["start"], nil),
        ])
        let catalogue = try repository.catalogue()
        try expectRefusals(try #require(catalogue.region("210000")), [
            (["code"], "21000"), (["code"], "21000a"), (["name_zh"], ""), (["level"], "town"), (["side"], "west"),
        ])
        try expectRefusals(try #require(catalogue.pairing("harbin-shenzhen")), [
            (["id"], "Harbin Shenzhen"), (["id"], " harbin-shenzhen"), (["east"], NSNull()), (["parent"], "harbin-shenzhen"),
            (["status"], "paused"),
        ])
        try expectRefusals(catalogue.areas[0], [(["kind"], "task"), (["basis"], "guessed"), (["code"], "")])
        try expectRefusals(catalogue.tasks[0], [(["kind"], "area"), (["area"], NSNull())])
        try expectRefusals(catalogue, [(["regions", "0", "code"], "1"), (["tasks", "0", "kind"], "area")])
        let target = try #require(try repository.planTargets().first)
        try expectRefusals(target, [
            (["year"], 1999), (["year"], 2101), (["target"], -1), (["revision"], 0), (["previous"], -1), (["metric"], "projects"),
        ])
        let event = try #require(try repository.history().first)
        try expectRefusals(event, [(["seq"], 0), (["action"], "delete"), (["actor"], "")])
        let hit = try #require(try repository.search("哈尔滨").first)
        try expectRefusals(hit, [(["kind"], "exchange"), (["field"], "post"), (["id"], "1234")])
    }

    @Test func invalidReportsAreRefused() throws {
        let (repository, _) = try seeded()
        let report = try repository.progress(ProgressQuery(grouping: .pairing))
        try expectRefusals(report, [
            (["by"], "region"), (["as_of"], "2020-12-32"), (["rows", "0", "by_status", "done"], 0),
            (["rows", "0", "by_status", "signed"], -1), (["rows", "0", "projects"], 99), (["total", "landmark_projects"], 99),
            (["total", "parks"], -1), (["total", "planned_investment_yuan"], -1),
            (["total", "reached", "done"], 0), (["total", "reached", "operating"], 10_000), (["rows", "0", "reached", "signed"], 99),
            (["total", "terminated_completed_investment_yuan"], 1_000_000_000_000_000), (["total", "secondments"], 1_000_000),
            (["rows", "0", "subtree", "projects"], -1),
        ])
        let evaluation = try repository.evaluate(year: 2021)
        try expectRefusals(evaluation, [(["year"], 1800), (["rows", "0", "target"], -1), (["rows", "0", "metric"], "score")])
        try expectRefusals(try #require(evaluation.pairings.first), [(["met"], 99), (["metrics"], -1)])
        let cooperation = try repository.cooperationReport()
        try expectRefusals(cooperation, [
            (["by_area", "by"], "task"), (["by_pairing", "by"], "area"), (["investment_by_year", "0", "date"], "2000-12-31"),
            (["investment_by_year", "0", "increase_yuan"], Int64.max),
        ])

        let theirs = try TemporaryDatabase()
        _ = try theirs.open().addProject(NewProject(pairing: "dalian-shanghai", task: "2.1", title: "新项目", date: Self.day("2022-01-01")))
        let merge = try repository.merge(from: theirs.path, options: MergeOptions(dryRun: true))
        try expectRefusals(merge, [(["prefer"], "mine"), (["counts", "projects", "added"], -1), (["dry_run"], "no")])

        var check = CheckReport()
        check.report("project 1: gap")
        try expectRefusals(check, [(["problem_count"], -1), (["problem_count"], 0)])
        var result = ImportResult(kind: .parks, dryRun: false)
        result.report(ImportProblem(line: 2, column: "name", message: "is empty"))
        try expectRefusals(result, [(["problem_count"], 0), (["kind"], "regions"), (["problems", "0", "line"], -1), (["rows"], -3)])
    }
}
