import DuikouMigrations
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
/// Training: the child's 40 on 2020-06-01 (in, to the East), 25 to the Northeast on 2020-10-01 (in),
/// 30 on 2019-12-31 (out): 65, of which 40 to the East and 25 to the Northeast. Secondments by
/// direction: 1 to the East (2020-01-01), the child's 3 to the Northeast.
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
            .parksEstablished: 2,
            .cadresSeconded: 4, .cadresSecondedToEast: 1, .cadresSecondedToNortheast: 3,
            .cadresTrained: 65, .cadresTrainedToEast: 40, .cadresTrainedToNortheast: 25,
            .reformsCopied: 0, .meetingsHeld: 0,
        ])
    }

    @Test func actualsOfAChildPairingCountOnlyItsOwnRecords() throws {
        let actuals = try repo.planActuals(pairing: "foshan-jiamusi", year: 2020)
        #expect(actuals == [
            .projectsSigned: 1, .projectsStarted: 0, .projectsOperating: 0,
            .investmentSignedYuan: 2 * Self.yi, .investmentCompletedYuan: 0,
            .parksEstablished: 1,
            .cadresSeconded: 3, .cadresSecondedToEast: 0, .cadresSecondedToNortheast: 3,
            .cadresTrained: 40, .cadresTrainedToEast: 40, .cadresTrainedToNortheast: 0,
            .reformsCopied: 0, .meetingsHeld: 0,
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
        #expect(actuals[.cadresTrainedToEast] == 30)
        #expect(actuals[.cadresTrainedToNortheast] == 0)
        #expect(actuals[.cadresSecondedToEast] == 1)
        let later = try repo.planActuals(pairing: "heilongjiang-guangdong", year: 2021)
        #expect(later[.projectsSigned] == 1)             // G
        #expect(later[.investmentCompletedYuan] == 50_000_000)  // D from 1.5亿 to 2亿
    }

    @Test func reformPoliciesAndMeetingsAreCountedInTheirYearWithThePairingsBelow() throws {
        let day = { (text: String) in try LocalDate(parsing: text) }
        try repo.addReform(NewReformMeasure(pairing: "heilongjiang-guangdong", title: "“放管服”改革经验复制", source: "广东省",
                                            date: day("2020-01-01"), policies: 12))
        try repo.addReform(NewReformMeasure(pairing: "foshan-jiamusi", title: "佛山“一门式”政务服务", source: "佛山市", adoptedBy: "230800",
                                            date: day("2020-12-31"), task: "1.1", policies: 3))
        try repo.addReform(NewReformMeasure(pairing: "heilongjiang-guangdong", title: "上一年的举措", date: day("2019-12-31"), policies: 100))
        try repo.addMeeting(NewMeeting(pairing: "heilongjiang-guangdong", kind: .jointMeeting, date: day("2020-06-01"), place: "广州市"))
        try repo.addMeeting(NewMeeting(pairing: "foshan-jiamusi", kind: .leadersVisit, date: day("2020-09-09")))
        try repo.addMeeting(NewMeeting(pairing: "harbin-shenzhen", kind: .matchmaking, date: day("2020-09-09")))
        let province = try repo.planActuals(pairing: "heilongjiang-guangdong", year: 2020)
        #expect(province[.reformsCopied] == 15)
        #expect(province[.meetingsHeld] == 2)
        let city = try repo.planActuals(pairing: "foshan-jiamusi", year: 2020)
        #expect(city[.reformsCopied] == 3)
        #expect(city[.meetingsHeld] == 1)
        #expect(try repo.planActuals(pairing: "heilongjiang-guangdong", year: 2019)[.reformsCopied] == 100)

        try repo.setTarget(NewPlanTarget(pairing: "heilongjiang-guangdong", year: 2020, metric: .reformsCopied, target: 20))
        try repo.setTarget(NewPlanTarget(pairing: "heilongjiang-guangdong", year: 2020, metric: .meetingsHeld, target: 2))
        let rows = try repo.evaluate(year: 2020, pairing: "heilongjiang-guangdong").rows
        let reforms = try #require(rows.first { $0.metric == .reformsCopied })
        #expect(reforms.actual == 15 && !reforms.met && reforms.score == 0.75)
        #expect(rows.first { $0.metric == .meetingsHeld }?.met == true)
        #expect(PlanMetric.reformsCopied.valueText(15, .zh) == "15 项")
        #expect(PlanMetric.meetingsHeld.valueText(2, .en) == "2 meetings")
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
        #expect(evaluation.rows.map(\.actual) == [3, 420_000_000, 65, 1])
        #expect(evaluation.rows.map(\.met) == [true, false, true, false])
        #expect(evaluation.rows.map(\.ratio) == [1.0, 0.84, nil, 0.5])
        #expect(evaluation.rows.map(\.score) == [1, 0.84, 1, 0.5])
        #expect(evaluation.rows.allSatisfy { $0.weight == .one })
        // (1 + 0.84 + 1) ÷ 3 = 0.94666… → 0.9467.
        #expect(evaluation.pairings == [
            Evaluation.PairingScore(pairing: "heilongjiang-guangdong", metrics: 3, met: 2, score: 0.9467),
            Evaluation.PairingScore(pairing: "foshan-jiamusi", metrics: 1, met: 0, score: 0.5),
        ])
        #expect(evaluation.pairings.map(\.grade) == [.excellent, .fail])

        let child = try repo.evaluate(year: 2020, pairing: "foshan-jiamusi")
        #expect(child.rows.map(\.pairing) == ["foshan-jiamusi"])
    }

    @Test func evaluationJSONFollowsTheContract() throws {
        try set("heilongjiang-guangdong", 2020, .investmentSignedYuan, 12 * Self.yi)
        try set("heilongjiang-guangdong", 2020, .projectsOperating, 0)
        let json = try repo.evaluate(year: 2020).json.text()
        #expect(json == """
            {"year":2020,"rows":[{"pairing":"heilongjiang-guangdong","metric":"projects_operating","target":0,"actual":1,"ratio":null,"met":true,\
            "weight":1,"score":1},\
            {"pairing":"heilongjiang-guangdong","metric":"investment_signed_yuan","target":1200000000,"actual":900000000,"ratio":0.75,"met":false,\
            "weight":1,"score":0.75}],\
            "pairings":[{"pairing":"heilongjiang-guangdong","metrics":2,"met":1,"score":0.875,"grade":"good"}]}
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

    // MARK: - Scores, weights and grades

    @Test func aPairingScoresTheWeightedMeanOfItsTargetsScores() throws {
        // harbin-shenzhen in 2020: 1 project signed, planned 5亿.
        try set("harbin-shenzhen", 2020, .projectsSigned, 2, weight: "3")                     // 0.5
        try set("harbin-shenzhen", 2020, .investmentSignedYuan, 5 * Self.yi, weight: "0.5")   // 1
        try set("harbin-shenzhen", 2020, .projectsStarted, 4, weight: "1.5")                  // 0 of 4: 0
        let evaluation = try repo.evaluate(year: 2020)
        #expect(evaluation.rows.map(\.score) == [0.5, 0, 1])
        #expect(evaluation.rows.map(\.weight.thousandths) == [3000, 1500, 500])
        // (3 × 0.5 + 1.5 × 0 + 0.5 × 1) ÷ 5 = 0.4; unweighted it would be 0.5.
        let summary = try #require(evaluation.pairings.first)
        #expect(summary.score == 0.4)
        #expect(summary.grade == .fail)
        #expect(summary.met == 1)

        // Weighing the investment target more lifts the score: (3 × 0.5 + 1.5 × 0 + 10.5 × 1) ÷ 15 = 0.8.
        try set("harbin-shenzhen", 2020, .investmentSignedYuan, 5 * Self.yi, weight: "10.5")
        let reweighed = try #require(try repo.evaluate(year: 2020).pairings.first)
        #expect(reweighed.score == 0.8)
        #expect(reweighed.grade == .good)
    }

    @Test func aTargetScoresItsRatioCappedAtOneAndOneWhenTheTargetIsZero() throws {
        let rows = [
            Evaluation.Row(pairing: "a", metric: .projectsSigned, target: 10, actual: 15),   // overachieved: capped
            Evaluation.Row(pairing: "a", metric: .projectsStarted, target: 0, actual: 0),    // target 0
            Evaluation.Row(pairing: "a", metric: .cadresTrained, target: 0, actual: 7),
            Evaluation.Row(pairing: "a", metric: .parksEstablished, target: 4, actual: 0),
            Evaluation.Row(pairing: "a", metric: .investmentSignedYuan, target: 3 * Self.yi, actual: Self.yi),
        ]
        #expect(rows.map(\.score) == [1, 1, 1, 0, 1.0 / 3.0])
        #expect(rows.map(\.ratio) == [1.5, nil, nil, 0, 1.0 / 3.0])
        #expect(rows.map(\.met) == [true, true, true, false, false])
        // Overachieving one target does not make up for another: (1 + 1 + 1 + 0 + 1/3) ÷ 5 = 0.6667.
        let summary = try #require(Evaluation(year: 2020, rows: rows).pairings.first)
        #expect(summary.score == 0.6667)
        #expect(summary.grade == .pass)
        let json = Evaluation(year: 2020, rows: [rows[0], rows[1]]).json.text()
        #expect(json.contains(#""ratio":1.5,"met":true,"weight":1,"score":1}"#))
        #expect(json.contains(#""ratio":null,"met":true,"weight":1,"score":1}"#))
    }

    @Test func gradesStartExactlyAtTheirThresholds() throws {
        let cases: [(actual: Int64, grade: Grade)] = [
            (10_000, .excellent), (9_000, .excellent), (8_999, .good), (7_500, .good), (7_499, .pass),
            (6_000, .pass), (5_999, .fail), (0, .fail),
        ]
        for (actual, grade) in cases {
            let evaluation = Evaluation(year: 2024, rows: [Evaluation.Row(pairing: "a", metric: .projectsSigned, target: 10_000, actual: actual)])
            #expect(evaluation.pairings.map(\.grade) == [grade], "\(actual)")
        }
        #expect(Grade(score: 0.9) == .excellent)
        #expect(Grade(score: 0.9.nextDown) == .good)
        #expect(Grade(score: 0.75) == .good)
        #expect(Grade(score: 0.75.nextDown) == .pass)
        #expect(Grade(score: 0.6) == .pass)
        #expect(Grade(score: 0.6.nextDown) == .fail)
        #expect(Grade(score: .nan) == .fail)
        #expect(Grade.allCases.map(\.lowestScore) == [0.9, 0.75, 0.6, 0])
        #expect(Grade.allCases.map(\.labelZH) == ["优秀", "良好", "合格", "不合格"])
        #expect(try Grade(parsing: "良好", field: "grade") == .good)
    }

    /// Means that are exactly 0.75 and 0.6 on paper come out a hair below in binary; the score is
    /// rounded to four decimals before it is graded, so they earn the grade they deserve.
    @Test func aMeanOnAThresholdEarnsItsGradeDespiteBinaryRounding() throws {
        let threeQuarters = [
            Evaluation.Row(pairing: "a", metric: .projectsSigned, target: 7, actual: 3, weight: try PlanWeight(parsing: "1")),
            Evaluation.Row(pairing: "a", metric: .projectsStarted, target: 7, actual: 6, weight: try PlanWeight(parsing: "3")),
        ]
        let naiveThreeQuarters: Double = (1000 * (3.0 / 7) + 3000 * (6.0 / 7)) / 4000
        #expect(naiveThreeQuarters < 0.75)
        #expect(Evaluation(year: 2024, rows: threeQuarters).pairings.map(\.score) == [0.75])
        #expect(Evaluation(year: 2024, rows: threeQuarters).pairings.map(\.grade) == [.good])
        let threeFifths = [
            Evaluation.Row(pairing: "a", metric: .projectsSigned, target: 14, actual: 1, weight: try PlanWeight(parsing: "1")),
            Evaluation.Row(pairing: "a", metric: .projectsStarted, target: 21, actual: 20, weight: try PlanWeight(parsing: "1.5")),
        ]
        let naiveThreeFifths: Double = (1000 * (1.0 / 14) + 1500 * (20.0 / 21)) / 2500
        #expect(naiveThreeFifths < 0.6)
        #expect(Evaluation(year: 2024, rows: threeFifths).pairings.map(\.grade) == [.pass])
    }

    /// The issue's case: 辽宁省—江苏省 reached 83–100 % of each of its five targets, met one, and
    /// scored 20 %. Graded, it scores near 89 %: good.
    @Test func nearlyMeetingEveryTargetIsGoodNotTwentyPercent() throws {
        for index in 1...5 {
            let project = try repo.addProject(NewProject(pairing: "liaoning-jiangsu", task: "2.1", title: "辽苏项目 \(index)",
                                                         planned: Money(parsing: "10亿"), date: Self.day("2024-03-01")))
            if index <= 3 {
                try repo.recordUpdate(NewProgressUpdate(date: Self.day("2024-06-01"), status: .started, completed: Money(parsing: "2亿")),
                                      toProject: project.id)
            }
        }
        try repo.addExchange(NewExchange(pairing: "liaoning-jiangsu", direction: .toEast, kind: .secondment, start: Self.day("2024-04-01"),
                                         participants: 5))
        try set("liaoning-jiangsu", 2024, .projectsSigned, 6)                      // 5 of 6: 83.33 %
        try set("liaoning-jiangsu", 2024, .projectsStarted, 3)                     // 3 of 3: met
        try set("liaoning-jiangsu", 2024, .investmentSignedYuan, 55 * Self.yi)     // 50亿 of 55亿: 90.91 %
        try set("liaoning-jiangsu", 2024, .investmentCompletedYuan, 7 * Self.yi)   // 6亿 of 7亿: 85.71 %
        try set("liaoning-jiangsu", 2024, .cadresSeconded, 6)                      // 5 of 6: 83.33 %
        let evaluation = try repo.evaluate(year: 2024, pairing: "liaoning-jiangsu")
        #expect(evaluation.rows.map(\.actual) == [5, 3, 50 * Self.yi, 6 * Self.yi, 5])
        #expect(evaluation.rows.allSatisfy { $0.score >= 0.83 })
        let summary = try #require(evaluation.pairings.first)
        #expect(summary.met == 1)
        #expect(summary.score == 0.8866)
        #expect(summary.grade == .good)
        let table = evaluation.table(catalogue: try repo.catalogue())
        #expect(table.contains("88.66%"))
        #expect(table.contains("良好"))
        #expect(table.contains("✓ 达标"))
        #expect(table.contains("✗ 未达标"))
        #expect(!table.contains("达成"))
        #expect(evaluation.table(.en, catalogue: try repo.catalogue()).contains("good"))
    }

    @Test func weightsAreReadExactlyAndBadOnesRefused() throws {
        let accepted = ["1": 1000, "0.5": 500, " 2 ": 2000, "1.25": 1250, ".5": 500, "0.001": 1, "1000": 1_000_000, "+3": 3000,
                        "1,000": 1_000_000, "2.500": 2500]
        for (text, thousandths) in accepted {
            #expect(try PlanWeight(parsing: text).thousandths == Int64(thousandths), "\(text)")
        }
        #expect(try PlanWeight(parsing: "0.5").description == "0.5")
        #expect(try PlanWeight(parsing: "2.500").description == "2.5")
        for text in ["0", "0.000", "-1", "-0.5", "0.0001", "1.2345", "1000.001", "1001", "99999999999999999999", "NaN", "nan", "inf",
                     "1e3", "abc", "", " ", "二", "１", "0x10", "1.5.2", "1/2", "50%", "1 000"] {
            let error = #expect(throws: DuikouError.self, "\(text)") { try PlanWeight(parsing: text, field: "--weight") }
            #expect(error?.code == .invalidInput, "\(text)")
            #expect(error?.field == "--weight", "\(text)")
        }
        #expect(throws: DuikouError.self) { try PlanWeight(thousandths: 0) }
        #expect(throws: DuikouError.self) { try PlanWeight(thousandths: 1_000_001) }
        #expect(try PlanWeight(thousandths: 1).description == "0.001")
    }

    @Test func aTargetSetAgainKeepsItsWeightUnlessGivenOne() throws {
        let first = try set("jilin-zhejiang", 2024, .projectsSigned, 10, weight: "2")
        #expect(first.weight.thousandths == 2000)
        let again = try set("jilin-zhejiang", 2024, .projectsSigned, 12)
        #expect(again.revision == 2)
        #expect(again.weight.thousandths == 2000)
        // A new weight alone is a new revision; the same target and weight change nothing.
        let reweighed = try set("jilin-zhejiang", 2024, .projectsSigned, 12, weight: "0.5")
        #expect(reweighed.revision == 3)
        #expect(reweighed.previous == 12)
        let entries = try repo.history().count
        #expect(try set("jilin-zhejiang", 2024, .projectsSigned, 12, weight: "0.500").revision == 3)
        #expect(try set("jilin-zhejiang", 2024, .projectsSigned, 12).revision == 3)
        #expect(try repo.history().count == entries)
        #expect(try repo.planTargets(revisions: true).map(\.weight.description) == ["2", "2", "0.5"])
        #expect(try repo.history().last?.summary == "2024 projects_signed: 12, weight 0.5 (was 12, weight 2)")
        // A new target without a weight weighs 1.
        #expect(try set("jilin-zhejiang", 2024, .projectsStarted, 1).weight == .one)
        #expect(try repo.evaluate(year: 2024).rows.map(\.weight.description) == ["0.5", "1"])
    }

    @Test func theDatabaseRefusesAWeightOutsideItsRange() throws {
        for weight in [0, -1000, 1_000_001] {
            #expect(code {
                try repo.rawWrite { connection, _ in
                    try connection.run("""
                        INSERT INTO plan_target (pairing_id, year, metric, seq, target, weight_thousandths, set_at)
                        VALUES ('jilin-zhejiang', 2024, 'projects_signed', 1, 1, ?, '2024-01-01T00:00:00.000Z')
                        """, [.integer(Int64(weight))])
                    return ((), nil)
                }
            } == .constraint)
        }
        #expect(try repo.planTargets().isEmpty)
    }

    /// A database from before V010: its targets keep their revisions and weigh 1, the table keeps
    /// its index and append-only triggers, and the metrics by direction are accepted.
    @Test func targetsOfADatabaseFromBeforeWeightsWeighOne() throws {
        let old = try TemporaryDatabase()
        let beforeWeights = DuikouMigrations.all.filter { $0.version < 10 }
        do {
            let connection = try SQLiteConnection(path: old.path, readOnly: false)
            try connection.execute("PRAGMA foreign_keys = ON")
            try Migrator(migrations: beforeWeights).migrate(connection, from: 0, readOnly: false)
            try connection.transaction(immediate: true) {
                let insert = "INSERT INTO plan_target (pairing_id, year, metric, seq, target, set_at) VALUES (?, 2024, ?, ?, ?, ?)"
                try connection.run(insert, [.text("jilin-zhejiang"), .text("projects_signed"), .integer(1), .integer(10), .text("2024-01-01T23:30:00.000Z")])
                try connection.run(insert, [.text("jilin-zhejiang"), .text("projects_signed"), .integer(2), .integer(12), .text("2024-02-01T08:00:00.000Z")])
                try connection.run(insert, [.text("harbin-shenzhen"), .text("cadres_trained"), .integer(1), .integer(0), .text("2024-03-01T16:00:00.000Z")])
            }
        }
        let repo = try old.open()
        #expect(try repo.rawRead { try $0.queryFirst("PRAGMA user_version") { $0.int(0) } } == DuikouMigrations.all.last?.version)
        let targets = try repo.planTargets(revisions: true)
        #expect(targets.map(\.pairing) == ["jilin-zhejiang", "jilin-zhejiang", "harbin-shenzhen"])
        #expect(targets.map(\.target) == [10, 12, 0])
        #expect(targets.map(\.revision) == [1, 2, 1])
        #expect(targets.map(\.weight) == [.one, .one, .one])
        #expect(targets.map(\.setAt) == ["2024-01-02T07:30:00.000+08:00", "2024-02-01T16:00:00.000+08:00", "2024-03-02T00:00:00.000+08:00"])
        #expect(try repo.evaluate(year: 2024).pairings.map(\.score) == [0, 1])
        #expect(try repo.rawRead { try $0.queryFirst("SELECT count(*) FROM sqlite_schema WHERE name = 'plan_target_by_year'") { $0.int(0) } } == 1)
        #expect(code {
            try repo.rawWrite { connection, _ in
                try connection.run("UPDATE plan_target SET weight_thousandths = 2000")
                return ((), nil)
            }
        } == .constraint)
        let split = try repo.setTarget(NewPlanTarget(pairing: "jilin-zhejiang", year: 2024, metric: .cadresSecondedToNortheast, target: 3,
                                                     weight: PlanWeight(parsing: "0.25")))
        #expect(split.weight.thousandths == 250)
        #expect(try repo.planTargets(pairing: "jilin-zhejiang").map(\.metric) == [.projectsSigned, .cadresSecondedToNortheast])
        #expect(try repo.check().problems.isEmpty)
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
    private func set(_ pairing: String, _ year: Int, _ metric: PlanMetric, _ target: Int64, weight: String? = nil) throws -> PlanTarget {
        try repo.setTarget(NewPlanTarget(pairing: pairing, year: year, metric: metric, target: target,
                                         weight: weight.map { try PlanWeight(parsing: $0) }))
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
        try repo.addExchange(NewExchange(pairing: parent, direction: .toNortheast, kind: .training, start: day("2020-10-01"), participants: 25))
    }
}
