#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

// How every value writes and reads its fields, so that encoding gives the CLI's JSON and decoding
// refuses what the library would refuse:
// - ids are written in lower case, as Duikou stores and prints them (Foundation writes upper case);
// - an optional field without a value is written as `null`, never left out; on reading, `null` and
//   a missing key both mean no value;
// - text is kept byte for byte, but refused where the library refuses it: a NUL byte, more than
//   1 MiB, or nothing but spaces in a required field;
// - a domain rule that refuses a value (``DuikouError``) becomes a `DecodingError` naming the key.

extension KeyedEncodingContainer {
    /// Writes `value`, or `null` when there is none.
    mutating func encodeOrNull<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    /// Writes an id in lower case.
    mutating func encode(id: UUID, forKey key: Key) throws {
        try encode(id.key, forKey: key)
    }

    /// Writes an id in lower case, or `null` when there is none.
    mutating func encode(id: UUID?, forKey key: Key) throws {
        try encodeOrNull(id?.key, forKey: key)
    }
}

extension KeyedDecodingContainer {
    /// A `DecodingError` saying why the value under `key` is refused.
    func refusal(_ key: Key, _ why: String) -> DecodingError {
        DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "\(key.stringValue): \(why)")
    }

    /// Runs a domain check of the value under `key`, turning its ``DuikouError`` into a `DecodingError`.
    func checking<T>(_ key: Key, _ check: () throws -> T) throws -> T {
        do {
            return try check()
        } catch let error as DuikouError {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: error.message)
        }
    }

    /// Reads an id in either case.
    func decodeID(forKey key: Key) throws -> UUID {
        let text = try decode(String.self, forKey: key)
        guard let id = UUID(key: text) else { throw refusal(key, "'\(text)' is not a UUID") }
        return id
    }

    /// Reads an id in either case; `nil` for `null` or a missing key.
    func decodeIDIfPresent(forKey key: Key) throws -> UUID? {
        guard try decodeIfPresent(String.self, forKey: key) != nil else { return nil }
        return try decodeID(forKey: key)
    }

    /// Reads the text of a required field: not blank, no NUL byte, at most 1 MiB.
    func decodeText(forKey key: Key) throws -> String {
        let text = try decode(String.self, forKey: key)
        _ = try checking(key) { try requiredText(text, field: key.stringValue) }
        return text
    }

    /// Reads the text of an optional field: no NUL byte, at most 1 MiB; `nil` for `null` or a missing key.
    func decodeTextIfPresent(forKey key: Key) throws -> String? {
        guard let text = try decodeIfPresent(String.self, forKey: key) else { return nil }
        _ = try checking(key) { try optionalText(text, field: key.stringValue) }
        return text
    }

    /// Reads a count: a whole number of 0 or more.
    func decodeCount(forKey key: Key) throws -> Int {
        let count = try decode(Int.self, forKey: key)
        guard count >= 0 else { throw refusal(key, "\(count) is negative; counts are zero or more") }
        return count
    }

    /// Reads a count that may be missing, which counts as zero.
    func decodeCountIfPresent(forKey key: Key) throws -> Int {
        try contains(key) ? decodeCount(forKey: key) : 0
    }
}
