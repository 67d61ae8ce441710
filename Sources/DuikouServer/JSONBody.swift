import DuikouKit
import Foundation
import Hummingbird

/// The JSON object of a request body, read strictly: a body that is not one JSON object, a key the
/// route does not know, or a value of the wrong kind answers 400 naming the field; never 500.
struct JSONBody {
    private let members: [String: BodyValue]

    /// Reads the body of `request`, at most `limit` bytes (else 413), as an object whose keys are
    /// among `allowed`.
    static func read(_ request: Request, limit: Int, allowed: Set<String>) async throws -> JSONBody {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw WorkspaceError.bodyTooLarge(limit: limit)
        }
        var buffer = ByteBuffer()
        for try await chunk in request.body {
            guard buffer.readableBytes + chunk.readableBytes <= limit else { throw WorkspaceError.bodyTooLarge(limit: limit) }
            buffer.writeImmutableBuffer(chunk)
        }
        return try JSONBody(Data(buffer.readableBytesView), allowed: allowed)
    }

    init(_ data: Data, allowed: Set<String>) throws {
        let value: BodyValue
        do {
            value = try JSONDecoder().decode(BodyValue.self, from: data)
        } catch let error as DuikouError {
            throw error
        } catch {
            throw DuikouError(.invalidInput, "body: not valid JSON (UTF-8, one object)", field: "body")
        }
        guard case .object(let members) = value else {
            throw DuikouError(.invalidInput, "body: must be one JSON object", field: "body")
        }
        if let unknown = members.keys.filter({ !allowed.contains($0) }).sorted().first {
            throw DuikouError(.invalidInput, "\(Self.shown(unknown)): not a field here (fields: \(allowed.sorted().joined(separator: ", ")))",
                              field: unknown)
        }
        self.members = members
    }

    /// A key as it may appear in a message: at most 60 characters.
    private static func shown(_ key: String) -> String {
        key.count > 60 ? String(key.prefix(60)) + "…" : key
    }

    private func value(_ key: String) -> BodyValue? {
        guard let value = members[key], value != .null else { return nil }
        return value
    }

    private func refuse(_ key: String, _ why: String) -> DuikouError {
        DuikouError(.invalidInput, "\(key): \(why)", field: key)
    }

    /// A string, or `nil` when absent or null.
    func text(_ key: String) throws -> String? {
        switch value(key) {
        case nil: return nil
        case .string(let text): return text
        default: throw refuse(key, "must be a string")
        }
    }

    /// A string that must be there.
    func requiredText(_ key: String) throws -> String {
        guard let text = try text(key) else { throw refuse(key, "is required") }
        return text
    }

    /// `true` or `false`, or `nil` when absent or null.
    func bool(_ key: String) throws -> Bool? {
        switch value(key) {
        case nil: return nil
        case .bool(let flag): return flag
        default: throw refuse(key, "must be true or false")
        }
    }

    /// A whole number within `range`.
    func integer(_ key: String, in range: ClosedRange<Int64>) throws -> Int64? {
        switch value(key) {
        case nil: return nil
        case .integer(let number) where range.contains(number): return number
        default: throw refuse(key, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
    }

    /// An amount of money in whole yuan: a whole number, zero or more.
    func money(_ key: String) throws -> Money? {
        switch value(key) {
        case nil: return nil
        case .integer(let yuan) where yuan >= 0: return try Money(yuan: yuan)
        case .integer: throw refuse(key, "is negative; amounts are zero or more")
        case .fraction: throw refuse(key, "must be a whole number of yuan, at most \(Int64.max)")
        default: throw refuse(key, "must be a whole number of yuan")
        }
    }

    /// A date, `YYYY-MM-DD`.
    func date(_ key: String) throws -> LocalDate? {
        try text(key).map { try LocalDate(parsing: $0, field: key) }
    }

    /// A keyword of the library (a status), English key or Chinese label.
    func keyword<K: Keyword>(_ key: String, _ type: K.Type) throws -> K? {
        try text(key).map { try K(parsing: $0, field: key) }
    }

    /// A UUID.
    func uuid(_ key: String) throws -> UUID? {
        guard let text = try text(key) else { return nil }
        guard let id = UUID(uuidString: text) else { throw refuse(key, "'\(text.prefix(60))' is not a UUID") }
        return id
    }
}

/// Any JSON value, as a body holds it; numbers are whole (`Int64`) or not.
enum BodyValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case fraction(Double)
    case string(String)
    case array([BodyValue])
    case object([String: BodyValue])

    private struct AnyKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: AnyKey.self) {
            var members: [String: BodyValue] = [:]
            for key in container.allKeys {
                members[key.stringValue] = try container.decode(BodyValue.self, forKey: key)
            }
            self = .object(members)
        } else if var container = try? decoder.unkeyedContainer() {
            var items: [BodyValue] = []
            while !container.isAtEnd { items.append(try container.decode(BodyValue.self)) }
            self = .array(items)
        } else {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let flag = try? container.decode(Bool.self) {
                self = .bool(flag)
            } else if let number = try? container.decode(Int64.self) {
                self = .integer(number)
            } else if let number = try? container.decode(Double.self) {
                self = .fraction(number)
            } else {
                self = .string(try container.decode(String.self))
            }
        }
    }
}
