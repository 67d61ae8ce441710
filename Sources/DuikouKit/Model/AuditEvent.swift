#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// What kind of change an audit entry records.
public enum AuditAction: String, Sendable, Hashable, CaseIterable {
    /// A record was added.
    case add
    /// A project's progress was updated.
    case update
    /// A plan target was set or replaced.
    case plan
    /// A CSV file was imported.
    case `import`
    /// Another database was merged in.
    case merge

    /// The label in the given language.
    public func label(_ language: Language) -> String {
        guard language == .zh else { return rawValue }
        switch self {
        case .add: return "新增"
        case .update: return "更新进展"
        case .plan: return "设定目标"
        case .import: return "导入"
        case .merge: return "合并"
        }
    }
}

/// One entry of the audit log: a change, when, by whom, through which command, and what it changed.
public struct AuditEvent: Sendable, Hashable {
    /// The entry's number; entries are numbered in the order they were written.
    public let seq: Int64
    /// When the change was written: ISO 8601 in China Standard Time with its offset, such as
    /// `2026-12-01T00:15:02.123+08:00` (the log stores UTC).
    public let at: String
    /// Who made it.
    public let actor: String
    /// Which command made it, such as `project add`.
    public let command: String
    /// What kind of change it was.
    public let action: AuditAction
    /// The kind of record changed: `region`, `pairing`, `project`, `park`, `exchange`, `reform`,
    /// `meeting`, `funding`, `plan-target`, or `database` for imports and merges.
    public let recordKind: String
    /// The record changed, when the change is to one record.
    public let recordID: String?
    /// What changed, in words.
    public let summary: String
}

/// Who is writing and through what, recorded with every change in the audit log.
public struct AuditIdentity: Sendable, Hashable {
    /// Who makes the changes.
    public var actor: String
    /// The command or tool making them, such as `project add`.
    public var command: String

    /// Creates an identity; an empty or missing actor is the user name of the process, an empty or
    /// missing command is the process's name.
    public init(actor: String? = nil, command: String? = nil) {
        let actor = actor?.trimmingSpaces() ?? ""
        let command = command?.trimmingSpaces() ?? ""
        self.actor = actor.isEmpty ? Self.userName() : actor
        self.command = command.isEmpty ? ProcessInfo.processInfo.processName : command
    }

    /// The login name of the process's effective user, else `$USER`, else the user id.
    static func userName() -> String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name, let text = String(validatingCString: name), !text.isEmpty {
            return text
        }
        if let user = ProcessInfo.processInfo.environment["USER"], !user.isEmpty { return user }
        return "uid \(geteuid())"
    }
}
