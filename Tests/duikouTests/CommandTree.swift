import Foundation

/// The commands of the built binary and their options, as ArgumentParser describes them
/// (`duikou --experimental-dump-help`): what the tests enumerate, so that a command or an option
/// added later is covered without being listed by hand.
struct CommandTree {
    /// A command: its path below the root (empty for `duikou` itself) and the options and
    /// arguments that take a value from a closed set.
    struct Command {
        let path: [String]
        let closedValues: [ClosedValue]
    }

    /// An option (`--status`) or positional argument (`<kind>`) that takes one of a closed set of values.
    struct ClosedValue: Hashable, CustomStringConvertible {
        let command: [String]
        let name: String
        let values: [String]

        var description: String { (["duikou"] + command + [name]).joined(separator: " ") }
    }

    let commands: [Command]

    /// Every command reachable from the root, the root first, without ArgumentParser's own `help`.
    var paths: [[String]] { commands.map(\.path) }

    /// Every option and argument that takes a value from a closed set, in every command.
    var closedValues: [ClosedValue] { commands.flatMap(\.closedValues) }

    /// Asks the binary in `sandbox` for its commands.
    init(_ sandbox: CLISandbox) throws {
        let result = sandbox.run(["--experimental-dump-help"])
        guard result.status == 0, let root = (try result.jsonObject())["command"] as? [String: Any] else {
            throw CLIError("duikou --experimental-dump-help failed: \(result)")
        }
        var commands: [Command] = []
        Self.walk(root, path: [], into: &commands)
        self.commands = commands
    }

    private static func walk(_ command: [String: Any], path: [String], into commands: inout [Command]) {
        let arguments = command["arguments"] as? [[String: Any]] ?? []
        let closed = arguments.compactMap { argument -> ClosedValue? in
            guard let values = argument["allValues"] as? [String], !values.isEmpty else { return nil }
            let name: String
            if argument["kind"] as? String == "positional" {
                name = "<\(argument["valueName"] as? String ?? "")>"
            } else {
                name = "--" + ((argument["preferredName"] as? [String: Any])?["name"] as? String ?? "")
            }
            return ClosedValue(command: path, name: name, values: values)
        }
        commands.append(Command(path: path, closedValues: closed))
        for subcommand in command["subcommands"] as? [[String: Any]] ?? [] {
            guard let name = subcommand["commandName"] as? String, name != "help" else { continue }
            walk(subcommand, path: path + [name], into: &commands)
        }
    }
}
