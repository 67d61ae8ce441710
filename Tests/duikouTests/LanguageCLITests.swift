import Foundation
import Testing

/// `--lang zh|en` on every table: names of pairings, regions, tasks and statuses in the chosen language.
@Suite struct LanguageCLITests {
    let cli: CLISandbox
    let project: String

    init() throws {
        cli = try CLISandbox()
        project = cli.duikou(["project", "add", "--pairing", "harbin-shenzhen", "--task", "2.2", "--title", "新能源汽车零部件项目",
                              "--date", "2024-03-01", "--planned", "12.5亿"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let park = cli.duikou(["park", "add", "--pairing", "harbin-shenzhen", "--name", "深圳（哈尔滨）产业园区", "--host-region", "230100"])
        #expect(park.status == 0, "\(park)")
        let exchange = cli.duikou(["exchange", "add", "--pairing", "harbin-shenzhen", "--direction", "to-east", "--kind", "secondment",
                                   "--start", "2024-04-01"])
        #expect(exchange.status == 0, "\(exchange)")
        #expect(cli.duikou(["plan", "set", "--pairing", "harbin-shenzhen", "--year", "2024", "--metric", "projects_signed", "--target", "2"]).status == 0)
    }

    /// Every command that prints a table, with what its Chinese and English tables must name.
    private var tables: [(arguments: [String], zh: [String], en: [String])] {
        [
            (["project", "list"], ["哈尔滨市—深圳市", "签约"], ["Harbin–Shenzhen", "signed"]),
            (["project", "show", project], ["哈尔滨市—深圳市", "2.2 ", "签约"], ["Harbin–Shenzhen", "2.2 ", "signed"]),
            (["park", "list"], ["哈尔滨市—深圳市", "哈尔滨市", "共建园区"], ["Harbin–Shenzhen", "Harbin", "joint"]),
            (["exchange", "list"], ["哈尔滨市—深圳市", "挂职"], ["Harbin–Shenzhen", "secondment"]),
            (["search", "新能源"], ["哈尔滨市—深圳市", "项目名称"], ["Harbin–Shenzhen", "title"]),
            (["pairings"], ["哈尔滨市—深圳市"], ["Harbin–Shenzhen"]),
            (["regions"], ["哈尔滨市", "副省级城市"], ["Harbin", "sub-provincial-city"]),
            (["tasks"], ["推进体制机制创新"], ["Institutional and mechanism innovation"]),
            (["progress", "--by", "pairing"], ["哈尔滨市—深圳市", "签约"], ["Harbin–Shenzhen", "signed"]),
            (["plan", "list"], ["哈尔滨市—深圳市", "签约项目数"], ["Harbin–Shenzhen", "Projects signed"]),
            (["evaluate", "--year", "2024"], ["哈尔滨市—深圳市", "签约项目数", "未达标"], ["Harbin–Shenzhen", "Projects signed", "not met"]),
            (["history"], ["新增", "设定目标"], ["add", "plan"]),
        ]
    }

    @Test func everyTableNamesThingsInTheChosenLanguage() throws {
        for (arguments, zh, en) in tables {
            let chinese = cli.duikou(arguments)
            #expect(chinese.status == 0, "\(chinese)")
            for text in zh { #expect(chinese.stdout.contains(text), "\(arguments) zh: \(text)") }
            let english = cli.duikou(arguments + ["--lang", "en"])
            #expect(english.status == 0, "\(english)")
            for text in en { #expect(english.stdout.contains(text), "\(arguments) en: \(text)") }
            #expect(!english.stdout.contains("哈尔滨市—深圳市"), "\(arguments) en names the pairing in Chinese")
        }
    }

    @Test func jsonKeepsIdsWhateverTheLanguage() throws {
        let zh = try cli.duikou(["project", "list", "--format", "json"]).jsonRows()
        let en = try cli.duikou(["project", "list", "--format", "json", "--lang", "en"]).jsonRows()
        #expect(zh.map { $0["pairing"] as? String } == ["harbin-shenzhen"])
        #expect(en.map { $0["pairing"] as? String } == ["harbin-shenzhen"])
        #expect(try cli.duikou(["park", "list", "--format", "json", "--lang", "en"]).jsonRows().first?["host_region"] as? String == "230100")
    }
}
