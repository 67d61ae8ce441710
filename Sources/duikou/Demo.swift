import ArgumentParser
import DuikouDemo
import DuikouKit

/// `duikou demo`.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a database of illustrative sample data, then print the progress report by area.",
        discussion: """
            The sample data is invented (示例数据，虚构) on the real pairings, tasks and named parks: a few \
            hundred projects with histories from 2017 on, parks and cadre exchanges. It goes into \
            ./duikou-demo.sqlite unless --db says otherwise, and the same data comes out every time. \
            The demo rebuilds an earlier demo's database but never writes into one that holds other data.
            """)

    @Option(name: .long, help: ArgumentHelp("The database file to create.", valueName: "path"))
    var db = "duikou-demo.sqlite"

    @Option(help: "The language of the report: zh or en.")
    var lang: LanguageOption = .zh

    @OptionGroup var actor: ActorOptions

    func run() throws {
        let (repository, summary) = try DemoData.create(at: db, identity: AuditIdentity(actor: actor.actor, command: "demo"))
        let zh = lang == .zh
        print(zh
            ? "示例数据（虚构，仅供演示）已写入 \(repository.path)：\(summary.projects) 个项目、\(summary.updates) 条进展记录、\(summary.parks) 个园区、\(summary.exchanges) 条干部交流记录、\(summary.reforms) 项复制推广改革举措、\(summary.meetings) 次会议互访、\(summary.funding) 笔资金支持，以及 \(DemoData.planYear) 年度工作计划的 \(summary.targets) 项目标。"
            : "Illustrative sample data (invented, for demonstration) written to \(repository.path): \(summary.projects) projects, \(summary.updates) progress updates, \(summary.parks) parks, \(summary.exchanges) cadre exchanges, \(summary.reforms) reform measures copied, \(summary.meetings) meetings and visits, \(summary.funding) funding records, and \(summary.targets) targets of the \(DemoData.planYear) work plans.")
        print()
        print(try repository.progress(ProgressQuery(grouping: .area)).table(lang.language), terminator: "")
        print()
        print(zh
            ? "试试：swift run duikou progress --db \(repository.path) --by pairing --as-of 2020-12-31\n" +
              "      swift run duikou evaluate --db \(repository.path) --year \(DemoData.planYear)\n" +
              "      swift run duikou report --db \(repository.path) --out duikou-demo.html"
            : "Try: swift run duikou progress --db \(repository.path) --by pairing --as-of 2020-12-31 --lang en\n" +
              "     swift run duikou evaluate --db \(repository.path) --year \(DemoData.planYear) --lang en\n" +
              "     swift run duikou report --db \(repository.path) --out duikou-demo.html --lang en")
    }
}
