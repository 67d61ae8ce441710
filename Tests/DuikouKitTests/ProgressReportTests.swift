import Foundation
import Testing
@testable import DuikouKit

/// The progress report over a small hand-computed dataset.
///
/// | # | pairing | task | landmark | planned | history (date status completed) | now |
/// |---|---|---|---|---|---|---|
/// | P1 | heilongjiang-guangdong | 2.1 | ★ | 10亿 | 2018-03-01 signed; 2019-06-01 started 2亿; 2020-09-01 operating 8亿 | operating 8亿 |
/// | P2 | heilongjiang-guangdong | 4.2 | | 5亿 | 2018-05-10 signed; 2019-12-31 landed 0.5亿 | landed 0.5亿 |
/// | P3 | foshan-jiamusi (child) | 2.3 | ★ | 3亿 | 2019-01-15 negotiating; 2019-07-01 signed; 2020-03-01 started 1亿 | started 1亿 |
/// | P4 | foshan-jiamusi (child) | 2.3 | | 2亿 | 2019-04-01 signed; 2020-01-01 started 0.3亿; 2020-06-01 suspended | suspended 0.3亿 |
/// | P5 | harbin-shenzhen | 3.1 | | 8亿 | 2018-11-20 signed; 2019-05-01 landed; 2020-04-01 terminated 0.2亿 | terminated 0.2亿 |
/// | P6 | harbin-shenzhen | 2.2 | ★ | 20亿 | 2020-02-02 signed; 2021-05-05 completed 15亿 | completed 15亿 |
/// | P7 | jilin-zhejiang | 1.5 | | – | 2018-07-07 planned | planned 0 |
/// | P8 | jilin-zhejiang | 2.5 | | 1.5亿 | 2021-03-03 negotiating | negotiating 0 |
/// | P9 | inner-mongolia | 4.4 | | 4亿 | 2019-09-09 signed; 2021-08-08 landed 0.4亿 | landed 0.4亿 |
///
/// Parks: heilongjiang-guangdong 2019-03-01, foshan-jiamusi 2020-05-01, harbin-shenzhen 2019-05-09,
/// jilin-zhejiang (no date). Exchanges: heilongjiang-guangdong secondments 1 (2018-06-01) and 3
/// (2020-01-10); foshan-jiamusi training 40 (2019-10-01); harbin-shenzhen secondment 2 (2019-02-01)
/// and training 25 (2021-01-01).
@Suite struct ProgressReportTests {
    private static let yi: Int64 = 100_000_000

    // MARK: - Now

    @Test func byAreaNow() throws {
        let repo = try seeded()
        let report = try repo.progress(ProgressQuery(grouping: .area))

        #expect(report.asOf == nil)
        #expect(report.grouping == .area)
        #expect(report.rows.map(\.key) == ["1", "2", "3", "4"])
        #expect(report.rows.map(\.nameZH) == ["推进体制机制创新", "加快产业结构调整", "提升创新创业水平", "搭建合作平台载体"])
        #expect(report.rows[0].figures == figures(1, [.planned: 1], planned: 0, completed: 0))
        #expect(report.rows[1].figures == figures(5, landmark: 3, [.negotiating: 1, .started: 1, .completed: 1, .operating: 1, .suspended: 1],
                                                  planned: 3_650_000_000, completed: 2_430_000_000, offTrackReached: [.started: 1]))
        #expect(report.rows[2].figures == figures(1, [.terminated: 1], planned: 0, completed: 20_000_000, terminatedCompleted: 20_000_000,
                                                  offTrackReached: [.landed: 1]))
        #expect(report.rows[3].figures == figures(2, [.landed: 2], planned: 900_000_000, completed: 90_000_000))
        #expect(report.total == figures(9, landmark: 3, [.planned: 1, .negotiating: 1, .landed: 2, .started: 1, .completed: 1, .operating: 1,
                                                         .suspended: 1, .terminated: 1],
                                        planned: 4_550_000_000, completed: 2_540_000_000, terminatedCompleted: 20_000_000,
                                        offTrackReached: [.started: 1, .landed: 1], parks: 4, secondments: 6, trainedInEast: 25, trainedInNortheast: 40))
    }

    @Test func byTaskNowHasEveryTaskWithZeros() throws {
        let repo = try seeded()
        let report = try repo.progress(ProgressQuery(grouping: .task))

        #expect(report.rows.map(\.key) == ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "2.5",
                                           "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "4.4"])
        let expected: [String: ProgressFigures] = [
            "1.5": figures(1, [.planned: 1], planned: 0, completed: 0),
            "2.1": figures(1, landmark: 1, [.operating: 1], planned: 10 * Self.yi, completed: 8 * Self.yi),
            "2.2": figures(1, landmark: 1, [.completed: 1], planned: 20 * Self.yi, completed: 15 * Self.yi),
            "2.3": figures(2, landmark: 1, [.started: 1, .suspended: 1], planned: 5 * Self.yi, completed: 130_000_000, offTrackReached: [.started: 1]),
            "2.5": figures(1, [.negotiating: 1], planned: 150_000_000, completed: 0),
            "3.1": figures(1, [.terminated: 1], planned: 0, completed: 20_000_000, terminatedCompleted: 20_000_000, offTrackReached: [.landed: 1]),
            "4.2": figures(1, [.landed: 1], planned: 5 * Self.yi, completed: 50_000_000),
            "4.4": figures(1, [.landed: 1], planned: 4 * Self.yi, completed: 40_000_000),
        ]
        for row in report.rows {
            #expect(row.figures == (expected[row.key] ?? ProgressFigures()), "task \(row.key)")
        }
        #expect(report.rows.filter { $0.figures.projects == 0 }.count == 10)
        #expect(report.rows.first { $0.key == "4.4" }?.nameZH == "发展飞地经济和利益分享机制")
        #expect(report.total.projects == 9)
        #expect(report.total.plannedInvestment.yuan == 4_550_000_000)
        #expect(report.total.completedInvestment.yuan == 2_540_000_000)
    }

    @Test func byPairingCountsEachPairingsOwnRecords() throws {
        let repo = try seeded()
        let report = try repo.progress(ProgressQuery(grouping: .pairing))

        #expect(report.rows.map(\.key) == ["liaoning-jiangsu", "jilin-zhejiang", "heilongjiang-guangdong", "foshan-jiamusi", "inner-mongolia",
                                           "shenyang-beijing", "dalian-shanghai", "changchun-tianjin", "harbin-shenzhen"])
        let expected: [String: ProgressFigures] = [
            "jilin-zhejiang": figures(2, [.planned: 1, .negotiating: 1], planned: 150_000_000, completed: 0, parks: 1),
            "heilongjiang-guangdong": figures(2, landmark: 1, [.operating: 1, .landed: 1], planned: 15 * Self.yi, completed: 850_000_000,
                                              parks: 1, secondments: 4),
            "foshan-jiamusi": figures(2, landmark: 1, [.started: 1, .suspended: 1], planned: 5 * Self.yi, completed: 130_000_000,
                                      offTrackReached: [.started: 1], parks: 1, trainedInNortheast: 40),
            "inner-mongolia": figures(1, [.landed: 1], planned: 4 * Self.yi, completed: 40_000_000),
            "harbin-shenzhen": figures(2, landmark: 1, [.terminated: 1, .completed: 1], planned: 20 * Self.yi, completed: 1_520_000_000,
                                       terminatedCompleted: 20_000_000, offTrackReached: [.landed: 1], parks: 1, secondments: 2, trainedInEast: 25),
        ]
        for row in report.rows {
            #expect(row.figures.withoutAlerts == (expected[row.key] ?? ProgressFigures()), "pairing \(row.key)")
        }
        #expect(report.rows.first { $0.key == "inner-mongolia" }?.nameZH == "内蒙古自治区—（待定）")
        #expect(report.rows.first { $0.key == "foshan-jiamusi" }?.nameZH == "佳木斯市—佛山市")
        #expect(report.total.withoutAlerts == figures(9, landmark: 3, [.planned: 1, .negotiating: 1, .landed: 2, .started: 1, .completed: 1, .operating: 1,
                                                         .suspended: 1, .terminated: 1],
                                        planned: 4_550_000_000, completed: 2_540_000_000, terminatedCompleted: 20_000_000,
                                        offTrackReached: [.started: 1, .landed: 1], parks: 4, secondments: 6, trainedInEast: 25, trainedInNortheast: 40))
    }

    // MARK: - As of a date

    @Test func asOfTheExactDayOfAnUpdateCountsIt() throws {
        let repo = try seeded()
        let report = try repo.progress(ProgressQuery(grouping: .area, asOf: day("2019-12-31")))

        #expect(report.asOf == (try day("2019-12-31")))
        #expect(report.rows[0].figures == figures(1, [.planned: 1], planned: 0, completed: 0))
        #expect(report.rows[1].figures == figures(3, landmark: 2, [.signed: 2, .started: 1], planned: 15 * Self.yi, completed: 2 * Self.yi))
        #expect(report.rows[2].figures == figures(1, [.landed: 1], planned: 8 * Self.yi, completed: 0))
        #expect(report.rows[3].figures == figures(2, [.landed: 1, .signed: 1], planned: 9 * Self.yi, completed: 50_000_000))
        #expect(report.total == figures(7, landmark: 2, [.planned: 1, .signed: 3, .landed: 2, .started: 1],
                                        planned: 32 * Self.yi, completed: 250_000_000, parks: 3, secondments: 3, trainedInNortheast: 40))
    }

    @Test func asOfTheDayBeforeAnUpdateIgnoresIt() throws {
        let repo = try seeded()
        let report = try repo.progress(ProgressQuery(grouping: .area, asOf: day("2019-12-30")))

        #expect(report.rows[3].figures == figures(2, [.signed: 2], planned: 9 * Self.yi, completed: 0))
        #expect(report.total == figures(7, landmark: 2, [.planned: 1, .signed: 4, .landed: 1, .started: 1],
                                        planned: 32 * Self.yi, completed: 2 * Self.yi, parks: 3, secondments: 3, trainedInNortheast: 40))
    }

    @Test func asOfAProjectsFirstDayIncludesItAndTheDayBeforeDoesNot() throws {
        let repo = try seeded()
        let before = try repo.progress(ProgressQuery(grouping: .task, asOf: day("2018-05-09")))
        let onTheDay = try repo.progress(ProgressQuery(grouping: .task, asOf: day("2018-05-10")))

        #expect(before.total.projects == 1)
        #expect(before.rows.first { $0.key == "4.2" }?.figures == ProgressFigures())
        #expect(onTheDay.total.projects == 2)
        #expect(onTheDay.rows.first { $0.key == "4.2" }?.figures == figures(1, [.signed: 1], planned: 5 * Self.yi, completed: 0))
        #expect(onTheDay.total.plannedInvestment.yuan == 15 * Self.yi)
    }

    @Test func terminationExcludesPlannedInvestmentFromItsDayOn() throws {
        let repo = try seeded()
        let before = try repo.progress(ProgressQuery(area: "3", asOf: day("2020-03-31")))
        let onTheDay = try repo.progress(ProgressQuery(area: "3", asOf: day("2020-04-01")))

        #expect(before.rows.map(\.key) == ["3"])
        #expect(before.rows[0].figures == figures(1, [.landed: 1], planned: 8 * Self.yi, completed: 0))
        #expect(onTheDay.rows[0].figures == figures(1, [.terminated: 1], planned: 0, completed: 20_000_000, terminatedCompleted: 20_000_000,
                                                    offTrackReached: [.landed: 1]))
    }

    @Test func byPairingAsOfADate() throws {
        let repo = try seeded()
        let report = try repo.progress(ProgressQuery(grouping: .pairing, asOf: day("2019-12-31")))

        func row(_ key: String) -> ProgressFigures? { report.rows.first { $0.key == key }?.figures.withoutAlerts }
        #expect(row("heilongjiang-guangdong") == figures(2, landmark: 1, [.started: 1, .landed: 1], planned: 15 * Self.yi,
                                                         completed: 250_000_000, parks: 1, secondments: 1))
        #expect(row("foshan-jiamusi") == figures(2, landmark: 1, [.signed: 2], planned: 5 * Self.yi, completed: 0, trainedInNortheast: 40))
        #expect(row("harbin-shenzhen") == figures(1, [.landed: 1], planned: 8 * Self.yi, completed: 0, parks: 1, secondments: 2))
        #expect(row("jilin-zhejiang") == figures(1, [.planned: 1], planned: 0, completed: 0, parks: 1))
        #expect(row("inner-mongolia") == figures(1, [.signed: 1], planned: 4 * Self.yi, completed: 0))
        #expect(report.total.projects == 7)
        #expect(report.total.parks == 3)
        #expect(report.total.secondments == 3)
        #expect(report.total.trainees == 40)
    }

    @Test func asOfBeforeAnythingHasEveryRowWithZeros() throws {
        let repo = try seeded()
        let byArea = try repo.progress(ProgressQuery(grouping: .area, asOf: day("2017-12-31")))
        #expect(byArea.rows.map(\.key) == ["1", "2", "3", "4"])
        #expect(byArea.rows.allSatisfy { $0.figures == ProgressFigures() })
        // Only the park without an established date counts.
        #expect(byArea.total == figures(0, [:], planned: 0, completed: 0, parks: 1))

        let byTask = try repo.progress(ProgressQuery(grouping: .task, asOf: day("2017-12-31")))
        #expect(byTask.rows.count == 18)
        #expect(byTask.rows.allSatisfy { $0.figures == ProgressFigures() })
    }

    @Test func emptyDatabaseReportsEveryAreaAndTaskWithZeros() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let byArea = try repo.progress()
        #expect(byArea.grouping == .area)
        #expect(byArea.rows.count == 4)
        #expect(byArea.total == ProgressFigures())
        #expect(byArea.total.landedRate == nil)
        #expect(byArea.total.investmentCompletionRate == nil)
        #expect(try repo.progress(ProgressQuery(grouping: .task)).rows.count == 18)
        #expect(try repo.progress(ProgressQuery(grouping: .pairing)).rows.count == 8)
    }

    // MARK: - Filters

    @Test func pairingFilterTakesThePairingAndItsChildren() throws {
        let repo = try seeded()
        let byArea = try repo.progress(ProgressQuery(pairing: "heilongjiang-guangdong", grouping: .area))
        #expect(byArea.rows.map(\.key) == ["1", "2", "3", "4"])
        #expect(byArea.rows[0].figures == ProgressFigures())
        #expect(byArea.rows[1].figures == figures(3, landmark: 2, [.started: 1, .operating: 1, .suspended: 1], planned: 15 * Self.yi,
                                                  completed: 930_000_000, offTrackReached: [.started: 1]))
        #expect(byArea.rows[2].figures == ProgressFigures())
        #expect(byArea.rows[3].figures == figures(1, [.landed: 1], planned: 5 * Self.yi, completed: 50_000_000))
        #expect(byArea.total == figures(4, landmark: 2, [.landed: 1, .started: 1, .operating: 1, .suspended: 1], planned: 20 * Self.yi,
                                        completed: 980_000_000, offTrackReached: [.started: 1], parks: 2, secondments: 4, trainedInNortheast: 40))

        let byPairing = try repo.progress(ProgressQuery(pairing: "heilongjiang-guangdong", grouping: .pairing))
        #expect(byPairing.rows.map(\.key) == ["heilongjiang-guangdong", "foshan-jiamusi"])
        #expect(byPairing.total.withoutAlerts == byArea.total)

        let child = try repo.progress(ProgressQuery(pairing: "foshan-jiamusi", grouping: .pairing))
        #expect(child.rows.map(\.key) == ["foshan-jiamusi"])
        #expect(child.total.withoutAlerts == figures(2, landmark: 1, [.started: 1, .suspended: 1], planned: 5 * Self.yi, completed: 130_000_000,
                                       offTrackReached: [.started: 1], parks: 1, trainedInNortheast: 40))
    }

    @Test func areaFilterKeepsOnlyThatArea() throws {
        let repo = try seeded()
        let byArea = try repo.progress(ProgressQuery(area: "2", grouping: .area))
        #expect(byArea.rows.map(\.key) == ["2"])
        #expect(byArea.rows[0].figures.projects == 5)

        let byTask = try repo.progress(ProgressQuery(area: "2", grouping: .task))
        #expect(byTask.rows.map(\.key) == ["2.1", "2.2", "2.3", "2.4", "2.5"])
        #expect(byTask.rows[3].figures == ProgressFigures())
        #expect(byTask.total.projects == 5)
        #expect(byTask.total.landmarkProjects == 3)
        #expect(byTask.total.plannedInvestment.yuan == 3_650_000_000)
        #expect(byTask.total.completedInvestment.yuan == 2_430_000_000)

        let both = try repo.progress(ProgressQuery(pairing: "heilongjiang-guangdong", area: "2", grouping: .task))
        #expect(both.rows.first { $0.key == "2.1" }?.figures.projects == 1)
        #expect(both.rows.first { $0.key == "2.3" }?.figures.projects == 2)
        #expect(both.rows.first { $0.key == "2.2" }?.figures.projects == 0)
        #expect(both.total.projects == 3)

        let byPairing = try repo.progress(ProgressQuery(area: "4", grouping: .pairing))
        #expect(byPairing.rows.first { $0.key == "heilongjiang-guangdong" }?.figures.projects == 1)
        #expect(byPairing.rows.first { $0.key == "inner-mongolia" }?.figures.projects == 1)
        #expect(byPairing.total.projects == 2)
    }

    @Test func unknownPairingOrAreaIsNotFound() throws {
        let repo = try seeded()
        let pairing = #expect(throws: DuikouError.self) { try repo.progress(ProgressQuery(pairing: "atlantis")) }
        #expect(pairing?.code == .notFound)
        #expect(pairing?.message.contains("atlantis") == true)
        let area = #expect(throws: DuikouError.self) { try repo.progress(ProgressQuery(area: "5")) }
        #expect(area?.code == .notFound)
    }

    // MARK: - Rates

    @Test func ratesCountEveryProjectThatReachedTheStepWhateverBecameOfIt() throws {
        let repo = try seeded()
        let now = try repo.progress()
        // Reached signed: P1–P6 and P9 (P4 suspended after starting, P5 terminated after landing count too).
        #expect(now.total.reached == [.signed: 7, .landed: 7, .started: 4, .completed: 2, .operating: 1])
        #expect(now.total.landedRate == 1.0)
        #expect(now.total.startedRate == 4.0 / 7.0)
        #expect(now.total.operatingRate == 1.0 / 7.0)
        // Completed over planned, both without the terminated P5 (2000万 completed, 8亿 planned).
        #expect(now.total.terminatedCompletedInvestment.yuan == 20_000_000)
        #expect(try #require(now.total.investmentCompletionRate) == 2_520_000_000.0 / 4_550_000_000.0)
        // Nothing signed in area 1 (planned only); area 3 holds only P5, terminated after landing.
        #expect(now.rows[0].figures.landedRate == nil)
        #expect(now.rows[0].figures.investmentCompletionRate == nil)
        #expect(now.rows[2].figures.landedRate == 1.0)
        #expect(now.rows[2].figures.startedRate == 0.0)
        #expect(now.rows[2].figures.investmentCompletionRate == nil)
        #expect(now.rows[1].figures.startedRate == 1.0)
        #expect(now.rows[1].figures.operatingRate == 1.0 / 4.0)

        let then = try repo.progress(ProgressQuery(asOf: day("2019-12-31")))
        #expect(then.total.reached == [.signed: 6, .landed: 3, .started: 1, .completed: 0, .operating: 0])
        #expect(then.total.landedRate == 0.5)
        #expect(then.total.startedRate == 1.0 / 6.0)
        #expect(then.total.operatingRate == 0.0)
        #expect(then.total.investmentCompletionRate == 250.0 / 3_200.0)
    }

    @Test func aProjectKeepsTheStepsItReachedThroughSuspensionAndTermination() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        let landed = try repo.addProject(NewProject(pairing: "liaoning-jiangsu", task: "2.1", title: "落地后停建 🏗️", planned: Money(parsing: "2亿"),
                                                    status: .signed, date: day("2018-01-01")))
        try repo.recordUpdate(NewProgressUpdate(date: day("2019-06-01"), status: .landed), toProject: landed.id)
        try repo.recordUpdate(NewProgressUpdate(date: day("2021-03-01"), status: .suspended), toProject: landed.id)
        let started = try repo.addProject(NewProject(pairing: "liaoning-jiangsu", task: "2.1", title: "开工后终止, \"quoted\"",
                                                     planned: Money(parsing: "1亿"), status: .started, date: day("2018-02-01"),
                                                     completed: Money(parsing: "3000万")))
        try repo.recordUpdate(NewProgressUpdate(date: day("2020-01-01"), status: .terminated, completed: Money(parsing: "4000万")), toProject: started.id)
        _ = try repo.addProject(NewProject(pairing: "liaoning-jiangsu", task: "2.1", title: "recorded as suspended", status: .suspended,
                                           date: day("2018-03-01")))

        for asOf in [nil, try day("2021-03-01"), try day("2030-01-01")] {
            let report = try repo.progress(ProgressQuery(asOf: asOf))
            #expect(report.total.reached == [.signed: 2, .landed: 2, .started: 1, .completed: 0, .operating: 0], "as of \(String(describing: asOf))")
            #expect(report.total.landedRate == 1.0)
            #expect(report.total.startedRate == 0.5)
            #expect(report.total.terminatedCompletedInvestment.yuan == 40_000_000)
            #expect(report.total.completedInvestment.yuan == 40_000_000)
            #expect(report.total.investmentCompletionRate == 0.0)
        }
        let before = try repo.progress(ProgressQuery(asOf: day("2019-05-31")))
        #expect(before.total.reached == [.signed: 2, .landed: 1, .started: 1, .completed: 0, .operating: 0])
        #expect(before.total.terminatedCompletedInvestment == .zero)
        #expect(try #require(before.total.investmentCompletionRate) == 30_000_000.0 / 300_000_000.0)
        #expect(try repo.check().isSound)
    }

    // MARK: - Provinces and subtrees

    @Test func byProvinceRollsUpEveryPairingInsideTheProvince() throws {
        let repo = try seeded()
        let report = try repo.progress(ProgressQuery(grouping: .province))
        #expect(report.rows.map(\.key) == ["150000", "210000", "220000", "230000"])
        #expect(report.rows.map(\.nameZH) == ["内蒙古自治区", "辽宁省", "吉林省", "黑龙江省"])
        func row(_ key: String) -> ProgressFigures? { report.rows.first { $0.key == key }?.figures.withoutAlerts }
        // 黑龙江省 = 黑龙江省—广东省 + 佳木斯市—佛山市 (its child) + 哈尔滨市—深圳市 (a city pairing of its own).
        #expect(row("230000") == figures(6, landmark: 3, [.landed: 1, .started: 1, .completed: 1, .operating: 1, .suspended: 1, .terminated: 1],
                                         planned: 40 * Self.yi, completed: 2_500_000_000, terminatedCompleted: 20_000_000,
                                         offTrackReached: [.started: 1, .landed: 1], parks: 3, secondments: 6, trainedInEast: 25, trainedInNortheast: 40))
        #expect(row("220000") == figures(2, [.planned: 1, .negotiating: 1], planned: 150_000_000, completed: 0, parks: 1))
        #expect(row("150000") == figures(1, [.landed: 1], planned: 4 * Self.yi, completed: 40_000_000))
        #expect(row("210000") == ProgressFigures())
        #expect(report.total == (try repo.progress(ProgressQuery(grouping: .pairing))).total)

        let filtered = try repo.progress(ProgressQuery(pairing: "foshan-jiamusi", grouping: .province))
        #expect(filtered.rows.map(\.key) == ["230000"])
        #expect(filtered.rows[0].figures.projects == 2)
        let asOf = try repo.progress(ProgressQuery(grouping: .province, asOf: day("2019-12-31")))
        #expect(asOf.rows.first { $0.key == "230000" }?.figures.projects == 5)
        #expect(asOf.rows.first { $0.key == "230000" }?.figures.traineesToNortheast == 40)
        #expect(asOf.rows.first { $0.key == "230000" }?.figures.traineesToEast == 0)
    }

    @Test func eachPairingsSubtreeEqualsTheReportFilteredByIt() throws {
        let repo = try seeded()
        for asOf in [nil, try day("2019-12-31")] {
            let report = try repo.progress(ProgressQuery(grouping: .pairing, asOf: asOf))
            for row in report.rows {
                let filtered = try repo.progress(ProgressQuery(pairing: row.key, grouping: .pairing, asOf: asOf))
                #expect(row.subtree == filtered.total, "pairing \(row.key)")
            }
            let parent = try #require(report.rows.first { $0.key == "heilongjiang-guangdong" })
            #expect(parent.figures.projects == 2)
            #expect(parent.subtree?.projects == 4)
            #expect(parent.subtree?.traineesToNortheast == 40)
        }
        #expect(try repo.progress(ProgressQuery(grouping: .area)).rows.allSatisfy { $0.subtree == nil })
    }

    @Test func softCooperationIsCountedByPairingProvinceAndDate() throws {
        let repo = try seeded()
        try repo.addReform(NewReformMeasure(pairing: "foshan-jiamusi", title: "佛山“一门式”政务服务", source: "佛山市", adoptedBy: "230800",
                                            date: day("2019-05-01"), policies: 7))
        try repo.addReform(NewReformMeasure(pairing: "harbin-shenzhen", title: "商事登记“秒批”", source: "深圳市", date: day("2021-05-01"), policies: 4))
        try repo.addMeeting(NewMeeting(pairing: "heilongjiang-guangdong", kind: .jointMeeting, date: day("2019-06-01")))
        try repo.addMeeting(NewMeeting(pairing: "inner-mongolia", kind: .matchmaking, date: day("2022-06-01")))
        let projectID = try #require(try repo.projects(ProjectFilter(pairing: "harbin-shenzhen")).first?.id)
        try repo.addFunding(NewFunding(recipient: .project(projectID), source: .bankLoan, amount: Money(parsing: "3亿"), date: day("2020-01-01")))
        try repo.addFunding(NewFunding(recipient: .pairing("heilongjiang-guangdong"), source: .specialFund, amount: Money(parsing: "2000万"),
                                       date: day("2019-01-01")))

        let byPairing = try repo.progress(ProgressQuery(grouping: .pairing))
        func soft(_ key: String) -> SoftCooperationCounts? { byPairing.rows.first { $0.key == key }?.figures.softCooperation }
        #expect(soft("foshan-jiamusi")?.policies == 7)
        #expect(soft("heilongjiang-guangdong")?.policies == 0)
        #expect(byPairing.rows.first { $0.key == "heilongjiang-guangdong" }?.subtree?.softCooperation.policies == 7)
        #expect(soft("harbin-shenzhen")?.funding[.bankLoan]?.yuan == 300_000_000)
        #expect(byPairing.total.softCooperation.fundingTotal.yuan == 320_000_000)
        #expect(byPairing.total.softCooperation.meetingCount == 2)

        let byProvince = try repo.progress(ProgressQuery(grouping: .province, asOf: day("2020-12-31")))
        let heilongjiang = try #require(byProvince.rows.first { $0.key == "230000" }).figures.softCooperation
        #expect([heilongjiang.reforms, heilongjiang.policies, heilongjiang.meetingCount] == [Int](arrayLiteral: 1, 7, 1))
        #expect(heilongjiang.fundingTotal.yuan == 320_000_000)
        #expect(byProvince.rows.first { $0.key == "150000" }?.figures.softCooperation.meetingCount == 0)

        let object = try parse(byPairing.json.text())
        let rows = try #require(object["rows"] as? [[String: Any]])
        let foshan = try #require(rows.first { $0["key"] as? String == "foshan-jiamusi" }?["soft_cooperation"] as? [String: Any])
        #expect(integer(foshan["policies"]) == 7 && integer(foshan["reforms"]) == 1)
        let header = try #require(byPairing.csv.split(separator: "\n").first).split(separator: ",").map(String.init)
        #expect(header.contains("funding_yuan") && header.contains("subtree_policies"))
        #expect(try repo.progress(ProgressQuery(grouping: .area)).total.softCooperation.policies == 11)
    }

    @Test func exchangesAreCountedInTheirOwnUnitsAndByDirection() throws {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        try repo.addExchange(NewExchange(pairing: "heilongjiang-guangdong", direction: .toEast, kind: .secondment, start: day("2024-01-01"), participants: 407))
        try repo.addExchange(NewExchange(pairing: "heilongjiang-guangdong", direction: .toNortheast, kind: .secondment, start: day("2024-01-01"), participants: 30))
        try repo.addExchange(NewExchange(pairing: "heilongjiang-guangdong", direction: .toEast, kind: .training, start: day("2024-02-01"), participants: 1200))
        try repo.addExchange(NewExchange(pairing: "heilongjiang-guangdong", direction: .toNortheast, kind: .training, start: day("2024-03-01"), participants: 85))
        let report = try repo.progress(ProgressQuery(grouping: .pairing))
        let row = try #require(report.rows.first { $0.key == "heilongjiang-guangdong" }).figures
        #expect([row.secondmentsToEast, row.secondmentsToNortheast, row.secondments] == [Int](arrayLiteral: 407, 30, 437))
        #expect([row.traineesToEast, row.traineesToNortheast, row.trainees] == [Int](arrayLiteral: 1200, 85, 1285))
        let object = try parse(report.json.text())
        let total = try #require(object["total"] as? [String: Any])
        #expect(["secondments_to_east", "secondments_to_northeast", "trainees_to_east", "trainees_to_northeast"].map { integer(total[$0]) }
                == [407, 30, 1200, 85])
        let header = try #require(report.csv.split(separator: "\n").first).split(separator: ",").map(String.init)
        #expect(header.contains("secondments_to_northeast") && header.contains("subtree_trainees_to_east") && header.contains("reached_landed"))
        let table = report.table()
        #expect(table.contains("挂职赴东部(人)") && table.contains("培训来东北(人次)"))
    }

    // MARK: - JSON

    @Test func jsonHasTheContractShapeAndTheFigures() throws {
        let repo = try seeded()
        let report = try repo.progress(ProgressQuery(grouping: .area))
        let object = try parse(report.json.text())

        #expect(Set(object.keys) == ["as_of", "by", "rows", "total"])
        if case .object(let members) = report.json {
            #expect(members.map(\.0) == ["as_of", "by", "rows", "total"])
        } else {
            Issue.record("the report's JSON is not an object")
        }
        #expect(object["as_of"] is NSNull)
        #expect(object["by"] as? String == "area")

        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.map { $0["key"] as? String } == ["1", "2", "3", "4"])
        for row in rows {
            for key in ["key", "name_zh", "name_en", "projects", "landmark_projects", "by_status", "planned_investment_yuan", "completed_investment_yuan"] {
                #expect(row[key] != nil, "row \(row["key"] ?? "?") lacks \(key)")
            }
            #expect(row["parks"] == nil)
            let byStatus = try #require(row["by_status"] as? [String: Any])
            #expect(Set(byStatus.keys) == Set(ProjectStatus.allCases.map(\.rawValue)))
            #expect(byStatus.count == 9)
        }
        let area2 = rows[1]
        #expect(area2["name_zh"] as? String == "加快产业结构调整")
        #expect(area2["name_en"] as? String == "Industrial cooperation and restructuring")
        #expect(integer(area2["projects"]) == 5)
        #expect(integer(area2["landmark_projects"]) == 3)
        #expect(integer(area2["planned_investment_yuan"]) == 3_650_000_000)
        #expect(integer(area2["completed_investment_yuan"]) == 2_430_000_000)
        let area2Status = try #require(area2["by_status"] as? [String: Any])
        #expect(integer(area2Status["negotiating"]) == 1)
        #expect(integer(area2Status["signed"]) == 0)
        #expect(integer(area2Status["suspended"]) == 1)

        let total = try #require(object["total"] as? [String: Any])
        #expect(integer(total["projects"]) == 9)
        #expect(integer(total["landmark_projects"]) == 3)
        #expect(integer(total["planned_investment_yuan"]) == 4_550_000_000)
        #expect(integer(total["completed_investment_yuan"]) == 2_540_000_000)
        let totalStatus = try #require(total["by_status"] as? [String: Any])
        #expect(ProjectStatus.allCases.map { integer(totalStatus[$0.rawValue]) } == [1, 1, 0, 2, 1, 1, 1, 1, 1])
        #expect((total["landed_rate"] as? NSNumber)?.doubleValue == 1)
        #expect((total["started_rate"] as? NSNumber)?.doubleValue == 0.5714)
        #expect((total["operating_rate"] as? NSNumber)?.doubleValue == 0.1429)
        #expect((total["investment_completion_rate"] as? NSNumber)?.doubleValue == 0.5538)
        #expect(integer(total["terminated_completed_investment_yuan"]) == 20_000_000)
        let reached = try #require(total["reached"] as? [String: Any])
        #expect(ProgressFigures.reachedSteps.map { integer(reached[$0.rawValue]) } == [7, 7, 4, 2, 1])
        #expect(rows[0]["landed_rate"] is NSNull)
    }

    @Test func jsonByPairingAsOfCarriesTheDateAndActivity() throws {
        let repo = try seeded()
        let report = try repo.progress(ProgressQuery(grouping: .pairing, asOf: day("2019-12-31")))
        let object = try parse(report.json.text())

        #expect(object["as_of"] as? String == "2019-12-31")
        #expect(object["by"] as? String == "pairing")
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.count == 9)
        let heilongjiang = try #require(rows.first { $0["key"] as? String == "heilongjiang-guangdong" })
        #expect(heilongjiang["name_zh"] as? String == "黑龙江省—广东省")
        #expect(integer(heilongjiang["projects"]) == 2)
        #expect(integer(heilongjiang["parks"]) == 1)
        #expect(integer(heilongjiang["secondments"]) == 1)
        #expect(integer(heilongjiang["trainees"]) == 0)
        #expect(integer(heilongjiang["completed_investment_yuan"]) == 250_000_000)
        for row in rows {
            #expect(row["parks"] != nil && row["secondments"] != nil && row["trainees"] != nil)
        }
        let total = try #require(object["total"] as? [String: Any])
        #expect(integer(total["projects"]) == 7)
        #expect(integer(total["parks"]) == 3)
        #expect(integer(total["secondments"]) == 3)
        #expect(integer(total["trainees"]) == 40)

        let byTask = try parse(repo.progress(ProgressQuery(grouping: .task)).json.text())
        #expect(byTask["by"] as? String == "task")
        #expect((byTask["rows"] as? [[String: Any]])?.count == 18)
    }

    // MARK: - Fixture

    private func seeded() throws -> Repository {
        let db = try TemporaryDatabase()
        let repo = try db.open()
        // The folder is removed when `db` goes away; the open connection keeps the files it uses.
        keepAlive.append(db)

        try repo.addRegion(Region(code: "440600", nameZH: "佛山市", nameEN: "Foshan", level: .prefectureCity, side: .east))
        try repo.addRegion(Region(code: "230800", nameZH: "佳木斯市", nameEN: "Jiamusi", level: .prefectureCity, side: .northeast))
        try repo.addPairing(NewPairing(id: "foshan-jiamusi", northeast: "230800", east: "440600", parent: "heilongjiang-guangdong"))

        func project(_ pairing: String, _ task: String, _ title: String, landmark: Bool = false, planned: String?,
                     _ history: [(String, ProjectStatus?, String?)]) throws {
            let first = history[0]
            let added = try repo.addProject(NewProject(
                pairing: pairing, task: task, title: title, landmark: landmark, planned: planned.map { try Money(parsing: $0) },
                status: first.1 ?? .signed, date: day(first.0), completed: first.2.map { try Money(parsing: $0) } ?? .zero))
            for (date, status, completed) in history.dropFirst() {
                try repo.recordUpdate(NewProgressUpdate(date: day(date), status: status, completed: completed.map { try Money(parsing: $0) }),
                                      toProject: added.id)
            }
        }
        try project("heilongjiang-guangdong", "2.1", "P1", landmark: true, planned: "10亿",
                    [("2018-03-01", .signed, nil), ("2019-06-01", .started, "2亿"), ("2020-09-01", .operating, "8亿")])
        try project("heilongjiang-guangdong", "4.2", "P2", planned: "5亿",
                    [("2018-05-10", .signed, nil), ("2019-12-31", .landed, "5000万")])
        try project("foshan-jiamusi", "2.3", "P3", landmark: true, planned: "3亿",
                    [("2019-01-15", .negotiating, nil), ("2019-07-01", .signed, nil), ("2020-03-01", .started, "1亿")])
        try project("foshan-jiamusi", "2.3", "P4", planned: "2亿",
                    [("2019-04-01", .signed, nil), ("2020-01-01", .started, "3000万"), ("2020-06-01", .suspended, nil)])
        try project("harbin-shenzhen", "3.1", "P5", planned: "8亿",
                    [("2018-11-20", .signed, nil), ("2019-05-01", .landed, nil), ("2020-04-01", .terminated, "2000万")])
        try project("harbin-shenzhen", "2.2", "P6", landmark: true, planned: "20亿",
                    [("2020-02-02", .signed, nil), ("2021-05-05", .completed, "15亿")])
        try project("jilin-zhejiang", "1.5", "P7", planned: nil, [("2018-07-07", .planned, nil)])
        try project("jilin-zhejiang", "2.5", "P8", planned: "1.5亿", [("2021-03-03", .negotiating, nil)])
        try project("inner-mongolia", "4.4", "P9", planned: "4亿",
                    [("2019-09-09", .signed, nil), ("2021-08-08", .landed, "4000万")])

        try repo.addPark(NewPark(pairing: "heilongjiang-guangdong", name: "哈工大智能装备产业园", established: day("2019-03-01")))
        try repo.addPark(NewPark(pairing: "foshan-jiamusi", name: "佛山（佳木斯）产业园", kind: .enclave, established: day("2020-05-01")))
        try repo.addPark(NewPark(pairing: "harbin-shenzhen", name: "深圳（哈尔滨）产业园区", established: day("2019-05-09"),
                                 plannedArea: LandArea(parsingKm2: "26")))
        try repo.addPark(NewPark(pairing: "jilin-zhejiang", name: "吉浙（公主岭）产业园"))

        try repo.addExchange(NewExchange(pairing: "heilongjiang-guangdong", direction: .toEast, kind: .secondment, start: day("2018-06-01")))
        try repo.addExchange(NewExchange(pairing: "heilongjiang-guangdong", direction: .toEast, kind: .secondment, start: day("2020-01-10"),
                                         participants: 3))
        try repo.addExchange(NewExchange(pairing: "foshan-jiamusi", direction: .toNortheast, kind: .training, start: day("2019-10-01"),
                                         participants: 40))
        try repo.addExchange(NewExchange(pairing: "harbin-shenzhen", direction: .toEast, kind: .secondment, start: day("2019-02-01"),
                                         participants: 2))
        try repo.addExchange(NewExchange(pairing: "harbin-shenzhen", direction: .toEast, kind: .training, start: day("2021-01-01"),
                                         participants: 25))
        return repo
    }

    private let keepAlive = DatabaseKeeper()
}

/// Keeps the temporary databases of a test alive until the test's suite value goes away.
private final class DatabaseKeeper: @unchecked Sendable {
    private var databases: [TemporaryDatabase] = []
    func append(_ database: TemporaryDatabase) { databases.append(database) }
}

private func day(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }

/// Expected figures: counts by status (the rest zero) and amounts in yuan. The steps reached follow
/// from the on-track statuses; `offTrackReached` adds the furthest steps of the suspended and
/// terminated projects. Every secondment of the fixture is to the East.
private func figures(
    _ projects: Int, landmark: Int = 0, _ byStatus: [ProjectStatus: Int], planned: Int64, completed: Int64,
    terminatedCompleted: Int64 = 0, offTrackReached: [ProjectStatus: Int] = [:],
    parks: Int = 0, secondments: Int = 0, trainedInEast: Int = 0, trainedInNortheast: Int = 0
) -> ProgressFigures {
    var figures = ProgressFigures()
    figures.projects = projects
    figures.landmarkProjects = landmark
    for (status, count) in byStatus { figures.byStatus[status] = count }
    for (furthest, count) in byStatus.merging(offTrackReached, uniquingKeysWith: +) {
        for step in ProgressFigures.reachedSteps where furthest.hasReached(step) { figures.reached[step, default: 0] += count }
    }
    figures.plannedInvestment = Money(uncheckedYuan: planned)
    figures.completedInvestment = Money(uncheckedYuan: completed)
    figures.terminatedCompletedInvestment = Money(uncheckedYuan: terminatedCompleted)
    figures.parks = parks
    figures.secondmentsToEast = secondments
    figures.traineesToEast = trainedInEast
    figures.traineesToNortheast = trainedInNortheast
    return figures
}

private func parse(_ text: String) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    return try #require(value as? [String: Any])
}

private func integer(_ value: Any?) -> Int64? { (value as? NSNumber)?.int64Value }

extension ProgressFigures {
    /// The figures without the early warnings, which depend on the day the test runs and which
    /// reports by area and by task do not count.
    var withoutAlerts: ProgressFigures {
        var figures = self
        (figures.alertsRed, figures.alertsYellow) = (0, 0)
        return figures
    }
}
