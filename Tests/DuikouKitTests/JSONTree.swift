import Foundation
import DuikouKit

/// JSON text parsed into a tree whose objects are unordered, so that two texts with the same
/// members in another order, or other spacing, compare equal.
enum JSONTree: Decodable, Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONTree])
    case object([String: JSONTree])

    /// Parses JSON text.
    init(_ data: Data) throws {
        self = try JSONDecoder().decode(JSONTree.self, from: data)
    }

    /// The JSON that `JSONEncoder` writes for `value`.
    init(encoding value: some Encodable) throws {
        try self.init(JSONEncoder().encode(value))
    }

    /// The JSON the CLI prints for a value.
    init(_ value: JSONValue) throws {
        try self.init(Data(value.text().utf8))
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let integer = try? container.decode(Int64.self) {
            self = .integer(integer)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([JSONTree].self) {
            self = .array(items)
        } else {
            self = .object(try container.decode([String: JSONTree].self))
        }
    }

    /// The elements of an array; none for anything else.
    var elements: [JSONTree] {
        if case .array(let items) = self { return items }
        return []
    }

    /// The member `key` of an object.
    subscript(key: String) -> JSONTree? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The object without the members `keys`; anything else unchanged.
    func removing(_ keys: String...) -> JSONTree {
        guard case .object(var members) = self else { return self }
        for key in keys { members[key] = nil }
        return .object(members)
    }

    /// The object with `key` set to `value`; anything else unchanged.
    func setting(_ key: String, to value: JSONTree) -> JSONTree {
        guard case .object(var members) = self else { return self }
        members[key] = value
        return .object(members)
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let flag): String(flag)
        case .integer(let integer): String(integer)
        case .number(let number): String(number)
        case .string(let text): String(reflecting: text)
        case .array(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .object(let members):
            "{" + members.sorted { $0.key < $1.key }.map { "\(String(reflecting: $0.key)): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }
}
