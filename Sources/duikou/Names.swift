import DuikouKit

/// How every command reads `--pairing`, `--parent` and `--task`: the text the user typed is
/// resolved through the library to the id or code that DuikouKit's values hold, so that an id, a
/// name (辽宁省—江苏省), a short name (辽苏) or an alias works wherever a pairing is asked for, and a
/// code or Chinese name wherever a task is.
extension Repository {
    /// The id of the pairing `text` names.
    func pairingID(_ text: String) throws -> String {
        try resolvePairing(text)
    }

    /// The id of the pairing `text` names, or `nil` when the option was left out.
    func pairingID(_ text: String?) throws -> String? {
        try text.map(pairingID)
    }

    /// The code of the task `text` names.
    func taskCode(_ text: String) throws -> String {
        try resolveTask(text)
    }

    /// The code of the task `text` names, or `nil` when the option was left out.
    func taskCode(_ text: String?) throws -> String? {
        try text.map(taskCode)
    }
}

/// The help of the options that take a pairing or a task.
enum NameHelp {
    /// For an option that names the pairing a record belongs to.
    static let pairing = "The pairing: its id, Chinese or English name, or short name (e.g. harbin-shenzhen, 哈尔滨市—深圳市, 深哈)."

    /// For a filter on a pairing.
    static let pairingFilter = "Only this pairing (id, name or short name) and the pairings inside it."

    /// For an option that names a task.
    static let task = "The task: its code, 1.1 … 4.4, or its Chinese name (see `duikou tasks`)."

    /// For a filter on a task.
    static let taskFilter = "Only this task, by code (2.1) or Chinese name."
}
