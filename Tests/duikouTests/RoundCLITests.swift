import Foundation
import Testing

/// `duikou round open|status|close|list` and `project update --unchanged` through the built binary.
@Suite struct RoundCLITests {
    let cli: CLISandbox

    init() throws {
        cli = try CLISandbox()
    }

    private func add(_ title: String, _ date: String, pairing: String = "深哈") -> String {
        let result = cli.duikou(["project", "add", "--pairing", pairing, "--task", "2.1", "--title", title, "--date", date])
        #expect(result.status == 0, "\(result)")
        return result.stdout.trimmingCharacters(in: .newlines)
    }

    @Test func theCycleEndToEnd() throws {
        let silent = add("沉默, \"引号\"\n第二行🚀", "2020-03-01")
        let reporter = add("按期报送", "2020-01-01")
        let unchanged = add("无变化", "2020-01-01")
        usleep(5000)
        let opened = cli.duikou(["round", "open", "2020-Q3", "--pairing", "深哈"])
        #expect(opened.status == 0, "\(opened)")
        #expect(opened.stdout == "2020-Q3  2020-07-01  2020-09-30  due 2020-10-10  1 pairings\n")
        #expect(cli.duikou(["project", "update", reporter, "--date", "2020-09-01", "--status", "开工"]).status == 0)
        let same = cli.duikou(["project", "update", unchanged, "--date", "2020-09-30", "--unchanged"])
        #expect(same.status == 0, "\(same)")
        #expect(same.stdout.contains("signed  2020-09-30  0"))
        let shown = try cli.duikou(["project", "show", unchanged, "--format", "json"]).jsonObject()
        #expect((shown["history"] as? [[String: Any]])?.map { $0["unchanged"] as? Bool } == [false, true])
        #expect(cli.duikou(["project", "show", unchanged]).stdout.contains("无变化"))
        let both = cli.duikou(["project", "update", unchanged, "--date", "2020-09-30", "--unchanged", "--completed", "1亿"])
        #expect(both.status == 64, "\(both)")

        let json = cli.duikou(["round", "status", "--format", "json"])
        #expect(json.status == 0, "\(json)")
        let object = try json.jsonObject()
        #expect(Set(object.keys) == ["period", "start", "end", "due", "state", "pairings", "total"])
        #expect(object["period"] as? String == "2020-Q3" && object["start"] as? String == "2020-07-01")
        #expect(object["end"] as? String == "2020-09-30" && object["due"] as? String == "2020-10-10")
        #expect(object["state"] as? String == "open")
        let pairings = try #require(object["pairings"] as? [[String: Any]])
        #expect(pairings.count == 1)
        #expect(Set(pairings[0].keys) == ["pairing", "in_scope", "reported", "not_reported", "late"])
        #expect(pairings[0]["pairing"] as? String == "harbin-shenzhen")
        #expect(pairings[0]["in_scope"] as? Int == 3 && pairings[0]["reported"] as? Int == 2)
        #expect(pairings[0]["not_reported"] as? [String] == [silent])
        #expect(pairings[0]["late"] as? Bool == true)
        let total = try #require(object["total"] as? [String: Any])
        #expect(total["in_scope"] as? Int == 3 && total["reported"] as? Int == 2)

        let csv = try cli.duikou(["round", "status", "2020-Q3", "--format", "csv"]).csvRecords()
        #expect(csv == [["period", "pairing", "in_scope", "reported", "not_reported", "late"],
                        ["2020-Q3", "harbin-shenzhen", "3", "2", silent, "true"]])
        let table = cli.duikou(["round", "status"])
        #expect(table.status == 0 && table.stdout.contains("哈尔滨市—深圳市") && table.stdout.contains("沉默") && table.stdout.contains("逾期"))

        let closed = cli.duikou(["round", "close", "2020-Q3"])
        #expect(closed.status == 0 && closed.stdout == "2020-Q3  closed  2 of 3 reported\n", "\(closed)")
        #expect(cli.duikou(["project", "update", silent, "--date", "2020-09-15", "--status", "开工"]).status == 0)
        let frozen = try cli.duikou(["round", "status", "2020-Q3", "--format", "json"]).jsonObject()
        #expect(frozen["state"] as? String == "closed")
        #expect((frozen["pairings"] as? [[String: Any]])?.first?["not_reported"] as? [String] == [silent])

        let list = try cli.duikou(["round", "list", "--format", "json"]).jsonRows()
        #expect(list.count == 1 && list[0]["state"] as? String == "closed" && list[0]["pairings"] as? [String] == ["harbin-shenzhen"])
        let history = cli.duikou(["history"])
        #expect(history.stdout.contains("round open") && history.stdout.contains("round close"))
    }

    @Test func refusalsNameTheField() {
        for period in ["2025-Q5", "2025-13", "2025-00", "1999", "2101", "garbage", "二〇二五", "2025-Q3'; DROP TABLE round;--"] {
            let result = cli.duikou(["round", "open", period])
            #expect(result.status == 65, "\(result)")
            #expect(result.stderr.contains("period"), "\(result)")
        }
        let early = cli.duikou(["round", "open", "2025-Q3", "--due", "2025-06-30"])
        #expect(early.status == 65 && early.stderr.contains("due"), "\(early)")
        #expect(cli.duikou(["round", "close", "2025-Q3"]).status == 66)
        #expect(cli.duikou(["round", "status"]).status == 66)
        #expect(cli.duikou(["round", "open", "2025-Q3", "--pairing", "no-such"]).status == 66)
        #expect(cli.duikou(["round", "open", "2025-Q3"]).status == 0)
        #expect(cli.duikou(["round", "open", "2025-Q3"]).status == 65)
        #expect(cli.duikou(["round", "close", "2025-Q3"]).status == 0)
        #expect(cli.duikou(["round", "close", "2025-Q3"]).status == 65)
        #expect(cli.duikou(["round", "open", "2025-Q3"]).status == 65)
        let list = cli.duikou(["round", "list"])
        #expect(list.status == 0 && list.stdout.contains("已关闭"))
    }
}
