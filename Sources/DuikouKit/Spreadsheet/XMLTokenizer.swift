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
/// entity expansion (billion laughs). A text, attribute or tag longer than ``maximumTokenBytes``, and a tag
/// with more than ``maximumAttributes`` attributes, are refused, so memory stays bounded whatever the input.
final class XMLTokenizer {
    static let maximumTokenBytes = 1 << 20
    /// The most attributes a tag may have; SpreadsheetML's have a few dozen at most.
    static let maximumAttributes = 1024
    private static let bufferSize = 1 << 16

    let source: ZipEntryStream
    /// Names the part in messages: `"book.xlsx" xl/worksheets/sheet1.xml`.
    private let context: String
    private let buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var position = 0
    private var atEnd = false
    /// The bytes of the token read last: a tag's name, then its attributes' names and values; or a text.
    /// Raw memory rather than an array: appending to an array held by a class costs a dynamic
    /// exclusivity check per call, which was an eighth of the time of reading a sheet.
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCapacity = 1024
    private var scratchCount = 0

    init(source: ZipEntryStream, context: String) {
        self.source = source
        self.context = context
        buffer = .allocate(capacity: Self.bufferSize)
        scratch = .allocate(capacity: scratchCapacity)
        attributes = .allocate(capacity: attributeCapacity)
    }

    deinit {
        buffer.deallocate()
        scratch.deallocate()
        attributes.deallocate()
    }

    private func growAttributes() {
        let larger = UnsafeMutablePointer<(name: Range<Int>, value: Range<Int>)>.allocate(capacity: attributeCapacity * 2)
        larger.moveInitialize(from: attributes, count: attributeCount)
        attributes.deallocate()
        attributes = larger
        attributeCapacity *= 2
    }

    @inline(__always) private func append(_ byte: UInt8) {
        if scratchCount == scratchCapacity { grow(toHold: scratchCount + 1) }
        scratch[scratchCount] = byte
        scratchCount += 1
    }

    @inline(__always) private func append(_ bytes: UnsafePointer<UInt8>, count: Int) {
        if scratchCount + count > scratchCapacity { grow(toHold: scratchCount + count) }
        (scratch + scratchCount).update(from: bytes, count: count)
        scratchCount += count
    }

    private func grow(toHold needed: Int) {
        var capacity = scratchCapacity * 2
        while capacity < needed { capacity *= 2 }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.initialize(from: scratch, count: scratchCount)
        scratch.deallocate()
        scratch = larger
        scratchCapacity = capacity
    }

    /// The scratch bytes in `range`, valid until the next token is read.
    @inline(__always) private func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: scratch + range.lowerBound, count: range.count)
    }

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
            let pairs = (0..<attributeCount).map { (name: string(bytes(attributes[$0].name)), value: string(bytes(attributes[$0].value))) }
            return .start(XMLTag(name: string(nameBytes), attributes: pairs, closesItself: closesItself))
        case .end: return .end(string(nameBytes))
        case .text: return .text(string(bytes(0..<scratchCount)))
        }
    }

    private func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Reading without making strings

    /// The local name of the tag ``advance()`` read last; empty after a text. Valid until the next
    /// call of ``advance()``.
    var nameBytes: UnsafeBufferPointer<UInt8> { bytes(nameRange) }
    private var nameRange = 0..<0
    /// Whether the start tag ``advance()`` read last closes itself.
    private(set) var closesItself = false
    /// Appends the text ``advance()`` read last (entities decoded, valid UTF-8) to `target`.
    func appendText(to target: inout [UInt8]) { target.append(contentsOf: bytes(0..<scratchCount)) }
    /// Where the last start tag's attributes' local names and decoded values are in `scratch`.
    /// Raw memory, as `scratch`, grown as needed.
    private var attributes: UnsafeMutablePointer<(name: Range<Int>, value: Range<Int>)>
    private var attributeCapacity = 16
    private var attributeCount = 0

    /// Whether the tag ``advance()`` read last has this local name.
    @inline(__always) func isNamed(_ name: StaticString) -> Bool {
        name.utf8CodeUnitCount == nameBytes.count && name.withUTF8Buffer { $0.elementsEqual(nameBytes) }
    }

    /// The decoded value of the last start tag's attribute with this local name, valid until the
    /// next call of ``advance()``.
    func attributeValue(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        name.withUTF8Buffer { wanted in
            for index in 0..<attributeCount where bytes(attributes[index].name).elementsEqual(wanted) {
                return bytes(attributes[index].value)
            }
            return nil
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
                scratchCount = 0
                attributeCount = 0
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

    /// Appends a name, without its namespace prefix, to `scratch`; returns where it is. The name is
    /// taken from the buffer a run at a time, not a byte at a time.
    private func readName() throws -> Range<Int> {
        let start = scratchCount
        while try peek() != nil {
            var end = position
            while end < count {
                let byte = buffer[end]
                if Self.isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=") { break }
                end += 1
            }
            // A prefix (`x:` of `x:row`) is dropped: only what follows the last colon is kept.
            var runStart = position
            var colon = end
            while colon > runStart {
                colon -= 1
                if buffer[colon] == UInt8(ascii: ":") {
                    scratchCount = start
                    runStart = colon + 1
                    break
                }
            }
            append(buffer + runStart, count: end - runStart)
            position = end
            guard scratchCount - start <= 256 else { throw refuse("malformed XML (a name longer than 256 bytes)") }
            if end < count { break }
        }
        guard scratchCount > start else { throw refuse("malformed XML (a tag without a name)") }
        return start..<scratchCount
    }

    private func tag() throws {
        scratchCount = 0
        attributeCount = 0
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
                guard try take() == UInt8(ascii: "=") else { throw refuse("malformed XML (the attribute \(string(bytes(name))) has no value)") }
                try skipSpaces()
                let quote = try take()
                guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                    throw refuse("malformed XML (the attribute \(string(bytes(name))) is not quoted)")
                }
                let valueStart = scratchCount
                try characters(until: quote)
                try validate(bytes(valueStart..<scratchCount))
                guard attributeCount < Self.maximumAttributes else { throw refuse("has a tag with more than \(Self.maximumAttributes) attributes") }
                if attributeCount == attributeCapacity { growAttributes() }
                (attributes + attributeCount).initialize(to: (name, valueStart..<scratchCount))
                attributeCount += 1
                guard scratchCount <= Self.maximumTokenBytes else { throw refuse("has a tag longer than 1 MiB") }
            }
        }
    }

    private func text() throws {
        scratchCount = 0
        nameRange = 0..<0
        attributeCount = 0
        try characters(until: UInt8(ascii: "<"))
        try validate(bytes(0..<scratchCount))
    }

    /// Appends the characters up to `terminator` (a quote, consumed, or `<`, left) to `scratch`, entities decoded.
    private func characters(until terminator: UInt8) throws {
        let start = scratchCount
        while true {
            // The plain run up to the next byte that needs a look, straight from the buffer.
            var end = position
            while end < count {
                let byte = buffer[end]
                if byte == terminator || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") { break }
                end += 1
            }
            if end > position {
                append(buffer + position, count: end - position)
                position = end
                guard scratchCount - start <= Self.maximumTokenBytes else { throw refuse("has a text or attribute longer than 1 MiB") }
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
                guard scratchCount - start <= Self.maximumTokenBytes else { throw refuse("has a text or attribute longer than 1 MiB") }
            } else if byte == UInt8(ascii: "<") {
                throw refuse("malformed XML (a < inside an attribute value)")
            }
        }
    }

    private func cdata() throws {
        scratchCount = 0
        nameRange = 0..<0
        attributeCount = 0
        while true {
            append(try take())
            if scratchCount >= 3, scratch[scratchCount - 3] == UInt8(ascii: "]"), scratch[scratchCount - 2] == UInt8(ascii: "]"),
               scratch[scratchCount - 1] == UInt8(ascii: ">") {
                scratchCount -= 3
                try validate(bytes(0..<scratchCount))
                return
            }
            guard scratchCount <= Self.maximumTokenBytes else { throw refuse("has a text longer than 1 MiB") }
        }
    }

    /// Refuses bytes that are not UTF-8; ASCII is passed over without decoding.
    private func validate(_ bytes: UnsafeBufferPointer<UInt8>) throws {
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
        for byte in String(Character(character)).utf8 { append(byte) }
    }
}
