import Foundation
import Testing

/// The options and arguments that take a value from a closed set (`--status`, `--kind`, `--format`,
/// the kind of an import…): every one refuses an unknown value the same way, lists its values in
/// `--help` and offers them in shell completions, and accepts the Chinese labels the library reads.
@Suite struct ClosedValueCLITests {
    typealias ClosedValue = CommandTree.ClosedValue

    let cli: CLISandbox

    init() throws {
        cli = try CLISandbox()
    }

    private static let statuses = ["planned", "negotiating", "signed", "landed", "started", "completed", "operating", "suspended", "terminated"]
    private static let formats = ["table", "json", "csv"]
    private static let documentFormats = ["table", "json"]
    private static let languages = ["zh", "en"]
    private static let kinds = ["projects", "updates", "parks", "exchanges", "reforms", "meetings", "funding"]
    private static let metrics = [
        "projects_signed", "projects_started", "projects_operating", "investment_signed_yuan", "investment_completed_yuan",
        "parks_established", "cadres_seconded", "cadres_seconded_to_east", "cadres_seconded_to_northeast",
        "cadres_trained", "cadres_trained_to_east", "cadres_trained_to_northeast", "reforms_copied", "meetings_held",
    ]

    /// Every option and argument of the CLI that takes a value from a closed set, with its values in order.
    static let all: [ClosedValue] = {
        let listings = [["regions"], ["pairings"], ["tasks"], ["project", "list"], ["park", "list"], ["exchange", "list"],
                        ["reform", "list"], ["meeting", "list"], ["funding", "list"],
                        ["plan", "list"], ["progress"], ["alerts"], ["evaluate"], ["search"], ["history"]]
        var all = listings.flatMap { command in
            [ClosedValue(command: command, name: "--format", values: formats), ClosedValue(command: command, name: "--lang", values: languages)]
        }
        all += [
            ClosedValue(command: ["region", "add"], name: "--level",
                        values: ["province", "autonomous-region", "municipality", "sub-provincial-city", "prefecture-city", "county"]),
            ClosedValue(command: ["region", "add"], name: "--side", values: ["northeast", "east"]),
            ClosedValue(command: ["pairing", "add"], name: "--level", values: ["province", "city"]),
            ClosedValue(command: ["pairing", "add"], name: "--status", values: ["active", "exploring", "ended"]),
            ClosedValue(command: ["project", "add"], name: "--status", values: statuses),
            ClosedValue(command: ["project", "update"], name: "--status", values: statuses),
            ClosedValue(command: ["project", "correct"], name: "--status", values: statuses),
            ClosedValue(command: ["project", "show"], name: "--format", values: documentFormats),
            ClosedValue(command: ["project", "show"], name: "--lang", values: languages),
            ClosedValue(command: ["project", "list"], name: "--status", values: statuses),
            ClosedValue(command: ["park", "add"], name: "--kind", values: ["joint", "branch", "enclave"]),
            ClosedValue(command: ["exchange", "add"], name: "--direction", values: ["to-east", "to-northeast"]),
            ClosedValue(command: ["exchange", "add"], name: "--kind", values: ["secondment", "training"]),
            ClosedValue(command: ["meeting", "add"], name: "--kind", values: ["joint-meeting", "leaders-visit", "matchmaking"]),
            ClosedValue(command: ["funding", "add"], name: "--source", values: ["central-budget", "special-fund", "bank-loan", "private", "other"]),
            ClosedValue(command: ["plan", "set"], name: "--metric", values: metrics),
            ClosedValue(command: ["progress"], name: "--by", values: ["area", "task", "pairing", "province"]),
            ClosedValue(command: ["export"], name: "--by", values: ["area", "task", "pairing", "province"]),
            ClosedValue(command: ["report"], name: "--lang", values: languages),
            ClosedValue(command: ["import"], name: "<kind>", values: kinds),
            ClosedValue(command: ["export"], name: "<kind>", values: kinds + ["progress"]),
            ClosedValue(command: ["export"], name: "--format", values: ["csv", "jsonl", "xlsx"]),
            ClosedValue(command: ["export"], name: "--lang", values: languages),
            ClosedValue(command: ["template"], name: "--lang", values: languages),
            ClosedValue(command: ["merge"], name: "--prefer", values: ["ours", "theirs"]),
            ClosedValue(command: ["merge"], name: "--format", values: documentFormats),
            ClosedValue(command: ["merge"], name: "--lang", values: languages),
            ClosedValue(command: ["demo"], name: "--lang", values: languages),
            ClosedValue(command: ["round", "status"], name: "--format", values: formats),
            ClosedValue(command: ["round", "status"], name: "--lang", values: languages),
            ClosedValue(command: ["round", "list"], name: "--format", values: documentFormats),
            ClosedValue(command: ["round", "list"], name: "--lang", values: languages),
        ]
        return all
    }()

    /// The command line that gives `value` to the option or argument (other required ones left out:
    /// an unknown value is reported first).
    private static func arguments(_ closed: ClosedValue, _ value: String) -> [String] {
        closed.command + (closed.name.hasPrefix("<") ? [value] : [closed.name, value])
    }

    @Test func theListAboveIsEveryClosedValueOfTheBinary() throws {
        let found = try CommandTree(cli).closedValues
        #expect(Set(found) == Set(Self.all), "found \(found)")
        #expect(found.count == Self.all.count)
    }

    /// An unknown value is bad usage (64), refused while the command line is parsed: the message
    /// names the option, the value and every value allowed, and the database is not even opened.
    @Test(arguments: all)
    func unknownValueIsBadUsage(_ closed: ClosedValue) throws {
        for value in ["bogus", "开始", ""] {
            let result = cli.duikou(Self.arguments(closed, value))
            expectRefusal(result, 64, mentions: [closed.name, "'\(value)'"] + closed.values)
        }
        #expect(!FileManager.default.fileExists(atPath: cli.db), "\(closed): the database was created")
        #expect(cli.names(in: cli.work).isEmpty)
    }

    @Test(arguments: all)
    func helpListsTheValues(_ closed: ClosedValue) throws {
        let result = cli.run(closed.command + ["--help"])
        #expect(result.status == 0, "\(result)")
        // Help is wrapped to the terminal's width, so compare with the spaces and line breaks collapsed.
        let help = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let listed = help.contains("(values: \(closed.values.joined(separator: ", "))")
            || closed.values.allSatisfy { help.contains(" \($0) - ") }
        #expect(listed, "\(closed): \(result.stdout)")
    }

    @Test func helpGivesTheChineseLabelOfEachKey() throws {
        let help = cli.run(["project", "update", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for (key, label) in [("signed", "签约"), ("started", "开工"), ("operating", "投产"), ("suspended", "停建")] {
            #expect(help.contains("\(key) - \(label)"), "\(key): \(help)")
        }
    }

    /// The library reads the values, so its Chinese labels and spellings work wherever a closed set is read.
    @Test func chineseLabelsAndOtherSpellingsAreAccepted() throws {
        let id = cli.addProject(["--status", "开工", "--date", "2024-03-01"])
        #expect(try cli.show(id)["status"] as? String == "started")
        #expect(cli.duikou(["project", "update", id, "--date", "2024-05-01", "--status", "缓建"]).status == 0)
        #expect(try cli.projects(["--status", "停建"]).count == 1)
        #expect(try cli.projects(["--status", " Suspended "]).count == 1)

        #expect(cli.duikou(["park", "add", "--pairing", "harbin-shenzhen", "--name", "飞地园", "--kind", "飞地"]).status == 0)
        #expect(try cli.duikou(["park", "list", "--format", "json"]).jsonRows().first?["kind"] as? String == "enclave")
        let exchange = cli.duikou(["exchange", "add", "--pairing", "harbin-shenzhen", "--direction", "赴东部", "--kind", "挂职", "--start", "2024-01-01"])
        #expect(exchange.status == 0, "\(exchange)")
        let exchanges = try cli.duikou(["exchange", "list", "--format", "json"]).jsonRows()
        #expect(exchanges.first?["direction"] as? String == "to-east")
        #expect(exchanges.first?["kind"] as? String == "secondment")

        let region = cli.duikou(["region", "add", "--code", "440600", "--name-zh", "佛山市", "--name-en", "Foshan", "--level", "地级市", "--side", "东部"])
        #expect(region.status == 0, "\(region)")
        let pairing = cli.duikou(["pairing", "add", "--id", "harbin-foshan", "--northeast", "230100", "--east", "440600", "--level", "市级", "--status", "合作中"])
        #expect(pairing.status == 0, "\(pairing)")

        let target = cli.duikou(["plan", "set", "--pairing", "harbin-shenzhen", "--year", "2024", "--metric", "签约投资额", "--target", "1亿"])
        #expect(target.status == 0, "\(target)")
        #expect(cli.duikou(["plan", "set", "--pairing", "harbin-shenzhen", "--year", "2024", "--metric", "Projects-Signed", "--target", "2"]).status == 0)
        let metrics = try cli.duikou(["plan", "list", "--format", "json"]).jsonRows().compactMap { $0["metric"] as? String }
        #expect(Set(metrics) == ["investment_signed_yuan", "projects_signed"])

        #expect(try cli.duikou(["progress", "--by", "任务", "--format", "json"]).jsonObject()["by"] as? String == "task")
        let export = cli.duikou(["export", "项目", "--format", "JSONL"])
        #expect(export.status == 0, "\(export)")
        #expect(export.stdout.contains("\"id\":\"\(id)\""), "\(export)")
    }

    // MARK: - Shell completions

    /// The completions bash offers after `words` (the last one being completed), from the script
    /// `duikou --generate-completion-script bash` writes, run in a real bash.
    private func bashCompletions(_ script: String, _ words: [String]) throws -> [String] {
        let file = cli.path("duikou.bash")
        try script.write(toFile: file, atomically: true, encoding: .utf8)
        let driver = """
            source "$1"; shift
            COMP_WORDS=("$@")
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMP_LINE="${COMP_WORDS[*]}"
            COMP_POINT=${#COMP_LINE}
            _duikou duikou "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = cli.run(["-c", driver, "bash", file] + words, executable: URL(fileURLWithPath: "/bin/bash"))
        guard result.status == 0 else { throw CLIError("bash completion failed: \(result)") }
        return result.stdoutLines
    }

    /// A few options and arguments whose values the completion scripts must offer.
    private static let completed: [ClosedValue] = all.filter {
        [["project", "add", "--status"], ["park", "add", "--kind"], ["progress", "--by"], ["plan", "set", "--metric"],
         ["export", "<kind>"], ["export", "--format"], ["merge", "--prefer"], ["regions", "--format"]].contains($0.command + [$0.name])
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash"), "needs bash"))
    func bashCompletesTheValues() throws {
        let script = cli.run(["--generate-completion-script", "bash"])
        #expect(script.status == 0, "\(script)")
        #expect(Self.completed.count == 8)
        for closed in Self.completed {
            let words = ["duikou"] + Self.arguments(closed, "")
            #expect(try bashCompletions(script.stdout, words) == closed.values, "\(closed)")
        }
        let started = ["duikou", "project", "add", "--status", "s"]
        #expect(try bashCompletions(script.stdout, started) == ["signed", "started", "suspended"])
    }

    @Test func zshCompletionListsTheValues() throws {
        let script = cli.run(["--generate-completion-script", "zsh"])
        #expect(script.status == 0, "\(script)")
        for closed in Self.completed {
            // Each command has its function, `_duikou_project_add`, which names the values in an array.
            let function = "_duikou" + closed.command.map { "_" + $0 }.joined() + "() {\n"
            let body = script.stdout.components(separatedBy: function).dropFirst().first?.components(separatedBy: "\n}\n").first
            let values = "=(" + closed.values.map { "'\($0)'" }.joined(separator: " ") + ")"
            #expect(body?.contains(values) == true, "\(closed): \(body ?? "no function \(function)")")
        }
    }

    @Test func fishCompletionListsTheValues() throws {
        let script = cli.run(["--generate-completion-script", "fish"])
        #expect(script.status == 0, "\(script)")
        let lines = script.stdout.split(separator: "\n")
        for closed in Self.completed {
            // One `complete` line per option, `… "duikou project add" status' -l 'status' … -rfka 'planned …'`,
            // and per positional argument, `… "duikou export" -eq 1' -fka 'projects …'`.
            let command = "\"" + (["duikou"] + closed.command).joined(separator: " ") + "\""
            let condition = closed.name.hasPrefix("<") ? "\(command) -eq 1'" : "\(command) \(closed.name.dropFirst(2))'"
            let line = lines.first { $0.contains(condition) }
            #expect(line?.hasSuffix("ka '\(closed.values.joined(separator: " "))'") == true, "\(closed): \(line ?? "no line with \(condition)")")
        }
    }
}
