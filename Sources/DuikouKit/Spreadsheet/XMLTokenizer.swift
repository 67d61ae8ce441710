/// A start tag: its local name (any namespace prefix dropped), its attributes, and whether it closes itself.
struct XMLTag {
    var name: String
    var attributes: [(name: String, value: String)]
    var closesItself: Bool

    /// The value of the attribute with this local name.
    func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
}

/// What ``XMLTokenizer/advance()`` read: its name, attributes or text stay in the tokenizer.
enum XMLEvent {
    case start, end, text
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
    /// The bytes of the token read last: a tag's name, then its attributes' names and values; or a text.
    /// Filled without `inout` (which would cost an exclusivity check per call on a class's property).
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
        switch try advance() {
        case nil: return nil
        case .start:
            let attributes = attributeRanges.map { (name: string(scratch[$0.name]), value: string(scratch[$0.value])) }
            return .start(XMLTag(name: string(nameBytes), attributes: attributes, closesItself: closesItself))
        case .end: return .end(string(nameBytes))
        case .text: return .text(string(scratch[...]))
        }
    }

    private func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Reading without making strings

    /// The local name of the tag ``advance()`` read last; empty after a text.
    var nameBytes: ArraySlice<UInt8> { scratch[nameRange] }
    private var nameRange = 0..<0
    /// Whether the start tag ``advance()`` read last closes itself.
    private(set) var closesItself = false
    /// Appends the text ``advance()`` read last (entities decoded, valid UTF-8) to `target`.
    func appendText(to target: inout [UInt8]) { target.append(contentsOf: scratch) }
    /// Where the last start tag's attributes' local names and decoded values are in `scratch`.
    private var attributeRanges: [(name: Range<Int>, value: Range<Int>)] = []

    /// Whether the tag ``advance()`` read last has this local name.
    @inline(__always) func isNamed(_ name: StaticString) -> Bool {
        name.utf8CodeUnitCount == nameBytes.count && name.withUTF8Buffer { $0.elementsEqual(nameBytes) }
    }

    /// The decoded value of the last start tag's attribute with this local name.
    func attributeValue(_ name: StaticString) -> ArraySlice<UInt8>? {
        name.withUTF8Buffer { wanted in
            attributeRanges.first { scratch[$0.name].elementsEqual(wanted) }.map { scratch[$0.value] }
        }
    }

    /// Reads the next token, leaving its name (``nameBytes``), attributes (``attributeValue(_:)``) or
    /// text (``appendText(to:)``) in the tokenizer until the next call: no string nor array is made per
    /// token. `nil` at the end of the document.
    func advance() throws -> XMLEvent? {
        while true {
            guard let byte = try peek() else { return nil }
            guard byte == UInt8(ascii: "<") else {
                try text()
                return .text
            }
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
                    try cdata()
                    return .text
                default:
                    throw refuse("has a document type declaration (<!DOCTYPE or <!ENTITY), which spreadsheets never need; refused so that no entity is ever resolved or expanded")
                }
            case UInt8(ascii: "/"):
                scratch.removeAll(keepingCapacity: true)
                attributeRanges.removeAll(keepingCapacity: true)
                nameRange = try readName()
                try skipSpaces()
                guard try take() == UInt8(ascii: ">") else { throw refuse("malformed XML in the end tag </\(string(nameBytes))") }
                return .end
            default:
                position -= 1
                try tag()
                return .start
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

    /// Appends a name, without its namespace prefix, to `scratch`; returns where it is.
    private func readName() throws -> Range<Int> {
        let start = scratch.count
        while let byte = try peek(), !Self.isSpace(byte), byte != UInt8(ascii: ">"), byte != UInt8(ascii: "/"), byte != UInt8(ascii: "=") {
            position += 1
            if byte == UInt8(ascii: ":") { scratch.removeSubrange(start...) } else { scratch.append(byte) }
            guard scratch.count - start <= 256 else { throw refuse("malformed XML (a name longer than 256 bytes)") }
        }
        guard scratch.count > start else { throw refuse("malformed XML (a tag without a name)") }
        return start..<scratch.count
    }

    private func tag() throws {
        scratch.removeAll(keepingCapacity: true)
        attributeRanges.removeAll(keepingCapacity: true)
        closesItself = false
        nameRange = try readName()
        while true {
            try skipSpaces()
            switch try take() {
            case UInt8(ascii: ">"): return
            case UInt8(ascii: "/"):
                guard try take() == UInt8(ascii: ">") else { throw refuse("malformed XML in the tag <\(string(nameBytes))") }
                closesItself = true
                return
            default:
                position -= 1
                let name = try readName()
                try skipSpaces()
                guard try take() == UInt8(ascii: "=") else { throw refuse("malformed XML (the attribute \(string(scratch[name])) has no value)") }
                try skipSpaces()
                let quote = try take()
                guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                    throw refuse("malformed XML (the attribute \(string(scratch[name])) is not quoted)")
                }
                let valueStart = scratch.count
                try characters(until: quote)
                try validate(scratch[valueStart...])
                attributeRanges.append((name, valueStart..<scratch.count))
            }
        }
    }

    private func text() throws {
        scratch.removeAll(keepingCapacity: true)
        nameRange = 0..<0
        attributeRanges.removeAll(keepingCapacity: true)
        try characters(until: UInt8(ascii: "<"))
        try validate(scratch[...])
    }

    /// Appends the characters up to `terminator` (a quote, consumed, or `<`, left) to `scratch`, entities decoded.
    private func characters(until terminator: UInt8) throws {
        let start = scratch.count
        while true {
            // The plain run up to the next byte that needs a look, straight from the buffer.
            var end = position
            while end < count {
                let byte = buffer[end]
                if byte == terminator || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") { break }
                end += 1
            }
            if end > position {
                scratch.append(contentsOf: UnsafeBufferPointer(start: buffer + position, count: end - position))
                position = end
                guard scratch.count - start <= Self.maximumTokenBytes else { throw refuse("has a text or attribute longer than 1 MiB") }
            }
            guard let byte = try peek() else {
                guard terminator == UInt8(ascii: "<") else { throw refuse("the XML ends too early") }
                return
            }
            if byte == terminator {
                if terminator != UInt8(ascii: "<") { position += 1 }
                return
            }
            if byte == UInt8(ascii: "&") {
                position += 1
                try entity()
                guard scratch.count - start <= Self.maximumTokenBytes else { throw refuse("has a text or attribute longer than 1 MiB") }
            } else if byte == UInt8(ascii: "<") {
                throw refuse("malformed XML (a < inside an attribute value)")
            }
        }
    }

    private func cdata() throws {
        scratch.removeAll(keepingCapacity: true)
        nameRange = 0..<0
        attributeRanges.removeAll(keepingCapacity: true)
        while true {
            scratch.append(try take())
            if scratch.count >= 3, scratch[scratch.count - 3] == UInt8(ascii: "]"), scratch[scratch.count - 2] == UInt8(ascii: "]"),
               scratch[scratch.count - 1] == UInt8(ascii: ">") {
                scratch.removeLast(3)
                try validate(scratch[...])
                return
            }
            guard scratch.count <= Self.maximumTokenBytes else { throw refuse("has a text longer than 1 MiB") }
        }
    }

    /// Refuses bytes that are not UTF-8; ASCII is passed over without decoding.
    private func validate(_ bytes: ArraySlice<UInt8>) throws {
        guard bytes.contains(where: { $0 >= 0x80 }) else { return }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid: continue
            case .emptyInput: return
            case .error: throw refuse("is not valid UTF-8")
            }
        }
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
