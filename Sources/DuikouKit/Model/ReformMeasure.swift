#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A reform measure copied from the East (复制推广改革举措) to be recorded: a batch of the Eastern
/// partner's practices or policies that a Northeast region adopted, such as Harbin adopting
/// Shenzhen's commercial-registration reform.
public struct NewReformMeasure: Sendable, Hashable {
    /// The measure's id; a new random UUID unless given.
    public var id: UUID
    /// The id of the pairing the measure was copied under.
    public var pairing: String
    /// What was copied (举措名称).
    public var title: String
    /// Where in the East it comes from (经验来源), such as `深圳市前海` or `浙江“最多跑一次”`.
    public var source: String?
    /// The GB/T 2260 code of the Northeast region that adopted it: the pairing's Northeast region or
    /// a region inside it. `nil` means the pairing's Northeast region, which is what is recorded.
    public var adoptedBy: String?
    /// When it was adopted.
    public var date: LocalDate
    /// The code of the task of area 1 it serves; ``defaultTask`` (1.5, 复制推广东部地区改革经验) unless given.
    public var task: String
    /// How many policies or documents the measure adopted (政策数), from 1 to ``maximumPolicies``; 1 unless given.
    public var policies: Int

    /// Creates a reform measure record.
    ///
    /// The title must not be empty; the task must be one of area 1 (`1.1`…`1.5`), whose existence
    /// is checked when the measure is recorded. Text is kept as given, trimmed; a NUL byte or more
    /// than 1 MiB in a field is refused.
    ///
    /// - Throws: ``DuikouError/Code/invalidInput`` naming the field.
    public init(
        id: UUID = UUID(), pairing: String, title: String, source: String? = nil, adoptedBy: String? = nil,
        date: LocalDate, task: String = NewReformMeasure.defaultTask, policies: Int = 1
    ) throws {
        try checkWholeNumber(policies, field: "policies", maximum: Self.maximumPolicies)
        self.id = id
        self.pairing = pairing.trimmingSpaces()
        self.title = try requiredText(title, field: "title")
        self.source = try optionalText(source, field: "source")
        self.adoptedBy = try optionalText(adoptedBy, field: "adopted_by")
        self.date = date
        self.task = try Self.areaOneTask(task)
        self.policies = policies
    }
}

extension NewReformMeasure {
    /// The task a reform measure serves unless told: 1.5, 复制推广东部地区改革经验 (replicating the
    /// East's reform practices).
    public static let defaultTask = "1.5"

    /// The most policies one reform measure record counts.
    public static let maximumPolicies = 10_000

    /// Reads a number of policies such as `12`: a whole number from 1 to ``maximumPolicies``.
    ///
    /// - Throws: ``DuikouError/Code/invalidInput`` naming `field` and the text.
    public static func policies(parsing text: String, field: String = "policies") throws -> Int {
        try wholeNumber(parsing: text, field: field, maximum: maximumPolicies)
    }

    /// The task code trimmed, refused unless it is a task of area 1 (推进体制机制创新): reform
    /// measures belong to institutional innovation.
    static func areaOneTask(_ task: String) throws -> String {
        let code = task.trimmingSpaces()
        let bytes = Array(code.utf8)
        guard bytes.count == 3, bytes[1] == UInt8(ascii: "."), bytes[0].isASCIIDigit, bytes[2].isASCIIDigit else {
            throw DuikouError.invalid("task", task, "is not a task code such as 1.5")
        }
        guard bytes[0] == UInt8(ascii: "1") else {
            throw DuikouError.invalid("task", task, "is not a task of area 1 (推进体制机制创新); reform measures serve 1.1 to 1.5")
        }
        return code
    }
}

/// A recorded reform measure copied from the East.
public struct ReformMeasure: Sendable, Hashable {
    /// The measure's id.
    public let id: UUID
    /// The id of the pairing it was copied under.
    public let pairing: String
    /// What was copied.
    public let title: String
    /// Where in the East it comes from.
    public let source: String?
    /// The GB/T 2260 code of the Northeast region that adopted it.
    public let adoptedBy: String
    /// When it was adopted.
    public let date: LocalDate
    /// The code of the task of area 1 it serves.
    public let task: String
    /// How many policies it adopted.
    public let policies: Int
}

extension UInt8 {
    fileprivate var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}
