/// A start tag: its local name (any namespace prefix dropped), its attributes, and whether it closes itself.
struct XMLTag {
    var name: String
    var attributes: [(name: String, value: String)]
    var closesItself: Bool

    /// The value of the attribute with this local name.
    func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
}

/// What the tokenizer reads next.
enum XMLToken {
    case start(XMLTag)
    /// An end tag, by local name.
    case end(String)
    case text(String)
}

/// A streaming tokenizer for the XML of SpreadsheetML parts, pulling bytes from a zip entry a chunk at a time.
///
/// It reads elements, attributes, text, CDATA, comments and processing instructions; it decodes the five
/// predefined entities and numeric character references and nothing else. A document type declaration or
/// any other entity reference is refused, never resolved nor expanded: no external entities (XXE), no
/// entity expansion (billion laughs). A text or attribute longer than ``maximumTokenBytes`` is refused,
/// so memory stays bounded whatever the input.
final class XMLTokenizer {
    static let maximumTokenBytes = 1 << 20
    private static let bufferSize = 1 << 16

    let source: ZipEntryStream
    /// Names the part in messages: `"book.xlsx" xl/worksheets/sheet1.xml`.
    private let context: String
    private let buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var position = 0
    private var atEnd = false
    private var scratch: [UInt8] = []

    init(source: ZipEntryStream, context: String) {
        self.source = source
        self.context = context
        buffer = .allocate(capacity: Self.bufferSize)
        scratch.reserveCapacity(256)
    }

    deinit { buffer.deallocate() }

    func refuse(_ why: String) -> DuikouError { DuikouError(.invalidInput, "\(context): \(why)") }

    @inline(__always) private func peek() throws -> UInt8? {
        if position < count { return buffer[position] }
        guard !atEnd else { return nil }
        count = try source.read(into: buffer, capacity: Self.bufferSize)
        position = 0
        atEnd = count == 0
        return atEnd ? nil : buffer[0]
    }

    @inline(__always) private func take() throws -> UInt8 {
        guard let byte = try peek() else { throw refuse("the XML ends too early") }
        position += 1
        return byte
    }

    private func expect(_ text: String) throws {
        for byte in text.utf8 where try take() != byte { throw refuse("malformed XML (expected \(text))") }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    private func skipSpaces() throws {
        while let byte = try peek(), Self.isSpace(byte) { position += 1 }
    }

    /// The next token, or `nil` at the end of the document.
    func next() throws -> XMLToken? {
        while true {
            guard let byte = try peek() else { return nil }
            guard byte == UInt8(ascii: "<") else { return .text(try text()) }
            position += 1
            switch try take() {
            case UInt8(ascii: "?"): try skip(past: "?>")
            case UInt8(ascii: "!"):
                switch try peek() {
                case UInt8(ascii: "-"):
                    try expect("--")
                    try skip(past: "-->")
                case UInt8(ascii: "["):
                    try expect("[CDATA[")
                    return .text(try cdata())
                default:
                    throw refuse("has a document type declaration (<!DOCTYPE or <!ENTITY), which spreadsheets never need; refused so that no entity is ever resolved or expanded")
                }
            case UInt8(ascii: "/"):
                let name = try self.name()
                try skipSpaces()
                guard try take() == UInt8(ascii: ">") else { throw refuse("malformed XML in the end tag </\(name)") }
                return .end(name)
            default:
                position -= 1
                return .start(try tag())
            }
        }
    }

    private func skip(past terminator: String) throws {
        let bytes = Array(terminator.utf8)
        var matched = 0
        while matched < bytes.count {
            let byte = try take()
            matched = byte == bytes[matched] ? matched + 1 : (byte == bytes[0] ? 1 : 0)
        }
    }

    /// A name, without its namespace prefix.
    private func name() throws -> String {
        scratch.removeAll(keepingCapacity: true)
        while let byte = try peek(), !Self.isSpace(byte), byte != UInt8(ascii: ">"), byte != UInt8(ascii: "/"), byte != UInt8(ascii: "=") {
            position += 1
            if byte == UInt8(ascii: ":") { scratch.removeAll(keepingCapacity: true) } else { scratch.append(byte) }
            guard scratch.count <= 256 else { throw refuse("malformed XML (a name longer than 256 bytes)") }
        }
        guard !scratch.isEmpty else { throw refuse("malformed XML (a tag without a name)") }
        return String(decoding: scratch, as: UTF8.self)
    }

    private func tag() throws -> XMLTag {
        var tag = XMLTag(name: try name(), attributes: [], closesItself: false)
        while true {
            try skipSpaces()
            switch try take() {
            case UInt8(ascii: ">"): return tag
            case UInt8(ascii: "/"):
                guard try take() == UInt8(ascii: ">") else { throw refuse("malformed XML in the tag <\(tag.name)") }
                tag.closesItself = true
                return tag
            default:
                position -= 1
                let name = try self.name()
                try skipSpaces()
                guard try take() == UInt8(ascii: "=") else { throw refuse("malformed XML (the attribute \(name) has no value)") }
                try skipSpaces()
                let quote = try take()
                guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                    throw refuse("malformed XML (the attribute \(name) is not quoted)")
                }
                tag.attributes.append((name, try characters(until: quote)))
            }
        }
    }

    private func text() throws -> String { try characters(until: UInt8(ascii: "<")) }

    /// Characters up to `terminator` (a quote, consumed, or `<`, left), entities decoded.
    private func characters(until terminator: UInt8) throws -> String {
        scratch.removeAll(keepingCapacity: true)
        while true {
            guard let byte = try peek() else {
                guard terminator == UInt8(ascii: "<") else { throw refuse("the XML ends too early") }
                break
            }
            if byte == terminator {
                if terminator != UInt8(ascii: "<") { position += 1 }
                break
            }
            position += 1
            if byte == UInt8(ascii: "&") {
                try entity()
            } else {
                if byte == UInt8(ascii: "<") { throw refuse("malformed XML (a < inside an attribute value)") }
                scratch.append(byte)
            }
            guard scratch.count <= Self.maximumTokenBytes else { throw refuse("has a text or attribute longer than 1 MiB") }
        }
        return try decoded()
    }

    private func cdata() throws -> String {
        scratch.removeAll(keepingCapacity: true)
        while true {
            scratch.append(try take())
            if scratch.count >= 3, scratch[scratch.count - 3] == UInt8(ascii: "]"), scratch[scratch.count - 2] == UInt8(ascii: "]"),
               scratch[scratch.count - 1] == UInt8(ascii: ">") {
                scratch.removeLast(3)
                return try decoded()
            }
            guard scratch.count <= Self.maximumTokenBytes else { throw refuse("has a text longer than 1 MiB") }
        }
    }

    private func decoded() throws -> String {
        guard let text = String(validating: scratch, as: UTF8.self) else { throw refuse("is not valid UTF-8") }
        return text
    }

    /// Decodes the reference after `&` into `scratch`: one of the five predefined entities or a numeric reference.
    private func entity() throws {
        var name: [UInt8] = []
        while true {
            let byte = try take()
            if byte == UInt8(ascii: ";") { break }
            name.append(byte)
            guard name.count <= 10 else { throw refuse("has an entity reference that is not one of the five XML defines; refused, never expanded") }
        }
        let scalar: UInt32
        switch String(decoding: name, as: UTF8.self) {
        case "lt": scalar = 0x3C
        case "gt": scalar = 0x3E
        case "amp": scalar = 0x26
        case "quot": scalar = 0x22
        case "apos": scalar = 0x27
        case let reference where reference.hasPrefix("#x"):
            guard let value = UInt32(reference.dropFirst(2), radix: 16) else { throw refuse("has a malformed character reference &\(reference);") }
            scalar = value
        case let reference where reference.hasPrefix("#"):
            guard let value = UInt32(reference.dropFirst(1), radix: 10) else { throw refuse("has a malformed character reference &\(reference);") }
            scalar = value
        case let other:
            throw refuse("has the entity reference &\(other); which is not one of the five XML defines; refused, never expanded")
        }
        guard let character = Unicode.Scalar(scalar) else { throw refuse("has a character reference to no character (\(scalar))") }
        scratch.append(contentsOf: String(Character(character)).utf8)
    }
}
