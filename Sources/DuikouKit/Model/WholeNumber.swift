/// Reads a count such as `52` or `12`: a whole number from 1 to `maximum`, surrounding spaces
/// ignored. Signs, decimals, separators and anything else are refused.
///
/// - Throws: ``DuikouError/Code/invalidInput`` naming `field` and the text.
func wholeNumber(parsing text: String, field: String, maximum: Int) throws -> Int {
    let digits = text.trimmingSpaces()
    guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
        throw DuikouError.invalid(field, text, "is not a whole number of at least 1")
    }
    guard let number = Int(digits), number <= maximum else {
        throw DuikouError.invalid(field, text, "is more than \(maximum), the most one record counts")
    }
    guard number >= 1 else { throw DuikouError.invalid(field, text, "must be at least 1") }
    return number
}

/// Refuses a count below 1 or above `maximum`, naming `field`.
func checkWholeNumber(_ number: Int, field: String, maximum: Int) throws {
    if number < 1 {
        throw DuikouError.invalid(field, String(number), "must be at least 1")
    }
    if number > maximum {
        throw DuikouError.invalid(field, String(number), "is more than \(maximum), the most one record counts")
    }
}
