import Foundation
import Testing
@testable import DuikouKit

/// Plan targets and their evaluation over a small hand-computed dataset built around 2020's edges.
///
/// | # | pairing | planned | history (date status completed) |
/// |---|---|---|---|
/// | A | heilongjiang-guangdong | 10亿 | 2019-12-31 signed; 2020-01-01 started 1亿; 2020-12-31 operating 3亿 |
/// | B | heilongjiang-guangdong | 4亿 | 2020-01-01 negotiating; 2020-06-01 started 0.5亿 (skips signed and landed) |
/// | C | foshan-jiamusi (child) | 2亿 | 2020-12-31 signed |
/// | D | heilongjiang-guangdong | 6亿 | 2018-05-01 signed; 2019-03-01 started 1亿; 2020-03-01 suspended 1.5亿; 2021-01-01 completed 2亿 |
/// | E | heilongjiang-guangdong | 3亿 | 2020-02-01 signed; 2020-08-01 terminated 0.2亿 |
/// | F | heilongjiang-guangdong | 7亿 | 2020-03-01 negotiating; 2020-09-01 suspended |
/// | G | heilongjiang-guangdong | 9亿 | 2021-01-01 signed |
/// | H | harbin-shenzhen | 5亿 | 2020-05-05 signed |
///
/// For heilongjiang-guangdong with its child in 2020: signed B, C, E (3; planned 9亿); started A, B (2);
/// operating A (1); completed investment +3亿 (A) +0.5亿 (B) +0.5亿 (D) +0.2亿 (E) = 4.2亿.
/// Parks: 2019-12-31 and undated (out), 2020-01-01 and the child's 2020-12-31 (in): 2.
/// Secondments: 1 on 2020-01-01, the child's 3 on 2020-12-31 (in); 2019-12-31 and 2021-01-01 (out): 4.
/// Training: the child's 40 on 2020-06-01 (in), 30 on 2019-12-31 (out): 40.
@Suite struct PlanEvaluationTests {
    private static let yi: Int64 = 100_000_000
    private let db: TemporaryDatabase
    private let repo: Repository

    init() throws {
        db = try TemporaryDatabase()
        repo = try db.open()
        try Self.seed(repo)
    }

    // MARK: - Actual figures

    @Test func actualsOfAPairingIncludeItsChildrenWithinTheCalendarYear() throws {
        let actuals = try repo.planActuals(pairing: "heilongjiang-guangdong", year: 2020)
        #expect(actuals == [
            .projectsSigned: 3, .projectsStarted: 2, .projectsOperating: 1,
            .investmentSignedYuan: 9 * Self.yi, .investmentCompletedYuan: 420_000_000,
            .parksEstablished: 2, .cadresSeconded: 4, .cadresTrained: 40,
        ])
    }

    @Test func actualsOfAChildPairingCountOnlyItsOwnRecords() throws {
        let actuals = try repo.planActuals(pairing: "foshan-jiamusi", year: 2020)
        #expect(actuals == [
            .projectsSigned: 1, .projectsStarted: 0, .projectsOperating: 0,
            .investmentSignedYuan: 2 * Self.yi, .investmentCompletedYuan: 0,
            .parksEstablished: 1, .cadresSeconded: 3, .cadresTrained: 40,
        ])
    }

    @Test func actualsOfThePreviousYearTakeItsOwnEdges() throws {
        let actuals = try repo.planActuals(pairing: "heilongjiang-guangdong", year: 2019)
        #expect(actuals[.projectsSigned] == 1)           // A on 2019-12-31
        #expect(actuals[.projectsStarted] == 1)          // D on 2019-03-01
        #expect(actuals[.investmentSignedYuan] == 10 * Self.yi)
        #expect(actuals[.investmentCompletedYuan] == 1 * Self.yi)
        #expect(actuals[.parksEstablished] == 1)
        #expect(actuals[.cadresSeconded] == 1)
        #expect(actuals[.cadresTrained] == 30)
        let later = try repo.planActuals(pairing: "heilongjiang-guangdong", year: 2021)
        #expect(later[.projectsSigned] == 1)             // G
        #expect(later[.investmentCompletedYuan] == 50_000_000)  // D from 1.5亿 to 2亿
    }

    @Test func otherPairingsAreOutsideTheScope() throws {
        let actuals = try repo.planActuals(pairing: "harbin-shenzhen", year: 2020)
        #expect(actuals[.projectsSigned] == 1)
        #expect(actuals[.investmentSignedYuan] == 5 * Self.yi)
        #expect(actuals[.parksEstablished] == 0)
    }

    // MARK: - Evaluation

    @Test func evaluationComparesEveryTargetInForceWithTheActualFigure() throws {
        try set("heilongjiang-guangdong", 2020, .projectsSigned, 3)
        try set("heilongjiang-guangdong", 2020, .investmentCompletedYuan, 5 * Self.yi)
        try set("heilongjiang-guangdong", 2020, .cadresTrained, 0)
        try set("foshan-jiamusi", 2020, .parksEstablished, 2)
        try set("heilongjiang-guangdong", 2019, .projectsSigned, 99)

        let evaluation = try repo.evaluate(year: 2020)
        #expect(evaluation.year == 2020)
        #expect(evaluation.rows.map(\.pairing) == ["heilongjiang-guangdong", "heilongjiang-guangdong", "heilongjiang-guangdong", "foshan-jiamusi"])
        #expect(evaluation.rows.map(\.metric) == [.projectsSigned, .investmentCompletedYuan, .cadresTrained, .parksEstablished])
        #expect(evaluation.rows.map(\.actual) == [3, 420_000_000, 40, 1])
        #expect(evaluation.rows.map(\.met) == [true, false, true, false])
        #expect(evaluation.rows.map(\.ratio) == [1.0, 0.84, nil, 0.5])
        #expect(evaluation.pairings == [
            Evaluation.PairingScore(pairing: "heilongjiang-guangdong", metrics: 3, met: 2),
            Evaluation.PairingScore(pairing: "foshan-jiamusi", metrics: 1, met: 0),
        ])
        #expect(evaluation.pairings.map(\.score) == [2.0 / 3.0, 0])

        let child = try repo.evaluate(year: 2020, pairing: "foshan-jiamusi")
        #expect(child.rows.map(\.pairing) == ["foshan-jiamusi"])
    }

    @Test func evaluationJSONFollowsTheContract() throws {
        try set("heilongjiang-guangdong", 2020, .investmentSignedYuan, 12 * Self.yi)
        try set("heilongjiang-guangdong", 2020, .projectsOperating, 0)
        let json = try repo.evaluate(year: 2020).json.text()
        #expect(json == """
            {"year":2020,"rows":[{"pairing":"heilongjiang-guangdong","metric":"projects_operating","target":0,"actual":1,"ratio":null,"met":true},\
            {"pairing":"heilongjiang-guangdong","metric":"investment_signed_yuan","target":1200000000,"actual":900000000,"ratio":0.75,"met":false}],\
            "pairings":[{"pairing":"heilongjiang-guangdong","metrics":2,"met":1,"score":0.5}]}
            """)
    }

    @Test func aYearWithoutTargetsGivesAnEmptyEvaluation() throws {
        try set("heilongjiang-guangdong", 2020, .projectsSigned, 3)
        let evaluation = try repo.evaluate(year: 2023)
        #expect(evaluation.rows.isEmpty)
        #expect(evaluation.pairings.isEmpty)
        #expect(evaluation.json.text() == #"{"year":2023,"rows":[],"pairings":[]}"#)
    }

    @Test func evaluationRefusesBadYearsAndUnknownPairings() throws {
        #expect(code { try repo.evaluate(year: 1999) } == .invalidInput)
        #expect(code { try repo.evaluate(year: 2101) } == .invalidInput)
        #expect(code { try repo.evaluate(year: 2020, pairing: "no-such-pairing") } == .notFound)
        #expect(code { try repo.planActuals(pairing: "no-such-pairing", year: 2020) } == .notFound)
    }

    // MARK: - Targets

    @Test func settingATargetAgainReplacesItAndKeepsTheOldOne() throws {
        let first = try set("jilin-zhejiang", 2024, .investmentSignedYuan, 80 * Self.yi)
        #expect(first.revision == 1)
        #expect(first.previous == nil)
        let second = try set("jilin-zhejiang", 2024, .investmentSignedYuan, 95 * Self.yi)
        #expect(second.revision == 2)
        #expect(second.previous == 80 * Self.yi)

        #expect(try repo.planTargets().map(\.target) == [95 * Self.yi])
        let revisions = try repo.planTargets(revisions: true)
        #expect(revisions.map(\.target) == [80 * Self.yi, 95 * Self.yi])
        #expect(revisions.map(\.revision) == [1, 2])

        // The same target again changes nothing and writes nothing to the audit log.
        let entries = try repo.history().count
        let same = try set("jilin-zhejiang", 2024, .investmentSignedYuan, 95 * Self.yi)
        #expect(same.revision == 2)
        #expect(try repo.history().count == entries)
        #expect(try repo.planTargets(revisions: true).count == 2)
    }

    @Test func targetsAreListedByPairingYearAndMetric() throws {
        try set("harbin-shenzhen", 2021, .cadresTrained, 10)
        try set("heilongjiang-guangdong", 2021, .parksEstablished, 1)
        try set("heilongjiang-guangdong", 2020, .cadresSeconded, 5)
        try set("heilongjiang-guangdong", 2020, .projectsSigned, 4)
        try set("foshan-jiamusi", 2020, .projectsStarted, 1)

        let all = try repo.planTargets()
        #expect(all.map { "\($0.pairing) \($0.year) \($0.metric.rawValue)" } == [
            "heilongjiang-guangdong 2020 projects_signed", "heilongjiang-guangdong 2020 cadres_seconded",
            "heilongjiang-guangdong 2021 parks_established", "harbin-shenzhen 2021 cadres_trained",
            "foshan-jiamusi 2020 projects_started",
        ])
        #expect(try repo.planTargets(year: 2021).count == 2)
        #expect(try repo.planTargets(pairing: "heilongjiang-guangdong").count == 4)
        #expect(try repo.planTargets(year: 2020, pairing: "foshan-jiamusi").map(\.metric) == [.projectsStarted])
        #expect(code { try repo.planTargets(pairing: "no-such-pairing") } == .notFound)
    }

    @Test func targetsAreAppendOnly() throws {
        try set("jilin-zhejiang", 2024, .projectsSigned, 10)
        for sql in ["UPDATE plan_target SET target = 1", "DELETE FROM plan_target"] {
            #expect(code {
                try repo.rawWrite { connection, _ in
                    try connection.run(sql)
                    return ((), nil)
                }
            } == .constraint)
        }
        #expect(try repo.planTargets().map(\.target) == [10])
    }

    @Test func badTargetsAreRefused() throws {
        #expect(code { try PlanMetric(parsing: "projects_landed") } == .invalidInput)
        #expect(try PlanMetric(parsing: " Projects-Signed ") == .projectsSigned)
        #expect(try PlanMetric(parsing: "签约投资额") == .investmentSignedYuan)
        #expect(code { try NewPlanTarget(pairing: "jilin-zhejiang", year: 1999, metric: .projectsSigned, target: 1) } == .invalidInput)
        #expect(code { try NewPlanTarget(pairing: "jilin-zhejiang", year: 2101, metric: .projectsSigned, target: 1) } == .invalidInput)
        #expect(code { try NewPlanTarget(pairing: "jilin-zhejiang", year: 2020, metric: .projectsSigned, target: -1) } == .invalidInput)
        for text in ["3.5", "-1", "abc", "", "10万", "１０", "99999999999999999999"] {
            #expect(code { try PlanMetric.projectsSigned.parseTarget(text) } == .invalidInput, "\(text)")
        }
        #expect(try PlanMetric.cadresTrained.parseTarget(" 40 ") == 40)
        #expect(try PlanMetric.investmentSignedYuan.parseTarget("12.5亿") == 1_250_000_000)
        #expect(try PlanMetric.investmentCompletedYuan.parseTarget("100") == 1_000_000)
        for text in ["-5亿", "abc", "99999999999999999999亿"] {
            #expect(code { try PlanMetric.investmentSignedYuan.parseTarget(text) } == .invalidInput, "\(text)")
        }
        #expect(code { try set("no-such-pairing", 2020, .projectsSigned, 1) } == .notFound)
        #expect(try repo.planTargets().isEmpty)
    }

    // MARK: - Fixture

    @discardableResult
    private func set(_ pairing: String, _ year: Int, _ metric: PlanMetric, _ target: Int64) throws -> PlanTarget {
        try repo.setTarget(NewPlanTarget(pairing: pairing, year: year, metric: metric, target: target))
    }

    private func code<T>(_ body: () throws -> T) -> DuikouError.Code? {
        do {
            _ = try body()
            return nil
        } catch let error as DuikouError {
            return error.code
        } catch {
            return .internal
        }
    }

    private static func day(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }

    private static func seed(_ repo: Repository) throws {
        try repo.addRegion(Region(code: "440600", nameZH: "佛山市", nameEN: "Foshan", level: .prefectureCity, side: .east))
        try repo.addRegion(Region(code: "230800", nameZH: "佳木斯市", nameEN: "Jiamusi", level: .prefectureCity, side: .northeast))
        try repo.addPairing(NewPairing(id: "foshan-jiamusi", northeast: "230800", east: "440600", parent: "heilongjiang-guangdong"))

        func project(_ pairing: String, _ planned: String, _ history: [(String, ProjectStatus?, String?)]) throws {
            let first = history[0]
            let added = try repo.addProject(NewProject(
                pairing: pairing, task: "2.1", title: "项目 \(first.0)", planned: Money(parsing: planned),
                status: first.1 ?? .signed, date: day(first.0), completed: first.2.map { try Money(parsing: $0) } ?? .zero))
            for (date, status, completed) in history.dropFirst() {
                try repo.recordUpdate(NewProgressUpdate(date: day(date), status: status, completed: completed.map { try Money(parsing: $0) }),
                                      toProject: added.id)
            }
        }
        let parent = "heilongjiang-guangdong"
        try project(parent, "10亿", [("2019-12-31", .signed, nil), ("2020-01-01", .started, "1亿"), ("2020-12-31", .operating, "3亿")])
        try project(parent, "4亿", [("2020-01-01", .negotiating, nil), ("2020-06-01", .started, "5000万")])
        try project("foshan-jiamusi", "2亿", [("2020-12-31", .signed, nil)])
        try project(parent, "6亿", [("2018-05-01", .signed, nil), ("2019-03-01", .started, "1亿"), ("2020-03-01", .suspended, "1.5亿"),
                                    ("2021-01-01", .completed, "2亿")])
        try project(parent, "3亿", [("2020-02-01", .signed, nil), ("2020-08-01", .terminated, "2000万")])
        try project(parent, "7亿", [("2020-03-01", .negotiating, nil), ("2020-09-01", .suspended, nil)])
        try project(parent, "9亿", [("2021-01-01", .signed, nil)])
        try project("harbin-shenzhen", "5亿", [("2020-05-05", .signed, nil)])

        try repo.addPark(NewPark(pairing: parent, name: "园区 2019-12-31", established: day("2019-12-31")))
        try repo.addPark(NewPark(pairing: parent, name: "园区 未定"))
        try repo.addPark(NewPark(pairing: parent, name: "园区 2020-01-01", established: day("2020-01-01")))
        try repo.addPark(NewPark(pairing: "foshan-jiamusi", name: "园区 2020-12-31", kind: .enclave, established: day("2020-12-31")))

        try repo.addExchange(NewExchange(pairing: parent, direction: .toEast, kind: .secondment, start: day("2020-01-01")))
        try repo.addExchange(NewExchange(pairing: "foshan-jiamusi", direction: .toNortheast, kind: .secondment, start: day("2020-12-31"), participants: 3))
        try repo.addExchange(NewExchange(pairing: parent, direction: .toEast, kind: .secondment, start: day("2019-12-31")))
        try repo.addExchange(NewExchange(pairing: parent, direction: .toEast, kind: .secondment, start: day("2021-01-01")))
        try repo.addExchange(NewExchange(pairing: "foshan-jiamusi", direction: .toEast, kind: .training, start: day("2020-06-01"), participants: 40))
        try repo.addExchange(NewExchange(pairing: parent, direction: .toEast, kind: .training, start: day("2019-12-31"), participants: 30))
    }
}
