/// A name as it is compared when a user's text is looked up among the names of pairings and tasks:
/// two texts name the same thing when their keys are equal.
///
/// The key leaves out every space (ASCII, ideographic, no-break), reads full-width forms as their
/// ASCII letters, digits and punctuation (`ＬＳ`, `１．１`), reads every dash and hyphen (`—`, `–`, `-`,
/// `－`, `―`, `‐`, `−`; `——` as one) as `-`, and ASCII letters in lower case. So `辽宁省—江苏省`,
/// `辽宁省 - 江苏省`, `辽宁省——江苏省` and `辽宁省－江苏省` have one key, as have `Liaoning–Jiangsu` and
/// `liaoning-jiangsu`.
struct NameKey: Hashable, Sendable, CustomStringConvertible {
    let text: String

    init(_ name: String) {
        var key = String.UnicodeScalarView()
        var afterDash = false
        for scalar in name.unicodeScalars {
            if Self.isWhitespace(scalar) { continue }
            var folded = scalar
            if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
                folded = ascii
            }
            if Self.isDash(folded) {
                if !afterDash { key.append("-") }
                afterDash = true
                continue
            }
            afterDash = false
            if ("A"..."Z").contains(folded), let lower = Unicode.Scalar(folded.value + 32) {
                folded = lower
            }
            key.append(folded)
        }
        text = String(key)
    }

    /// Unicode's White_Space property (what `scalar.properties.isWhitespace` answers), as the fixed
    /// list it is, without a lookup in the property tables for every character of a name.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    var isEmpty: Bool { text.isEmpty }

    var description: String { text }

    /// Hyphen-minus, hyphens, figure dash, en and em dashes, horizontal bar, minus sign and the small
    /// and full-width hyphen-minus (already folded to `-` by then).
    private static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63: true
        default: false
        }
    }
}
