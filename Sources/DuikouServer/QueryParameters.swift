import DuikouKit
import HTTPTypes
import Hummingbird
import HummingbirdCore

/// The query parameters of an API request, read strictly: a parameter the route does not know, or
/// one given twice that may be given once, answers 400 naming it. An empty value is as if the
/// parameter were left out, as a form's empty filter sends it.
struct QueryParameters {
    private let values: [String: [String]]

    init(_ uri: URI, allowed: Set<String>, repeatable: Set<String> = []) throws {
        var values: [String: [String]] = [:]
        for (key, value) in uri.queryParameters {
            let name = String(key)
            guard allowed.contains(name) else {
                throw DuikouError(.invalidInput, "\(name): not a parameter of this route (it takes \(allowed.sorted().joined(separator: ", ")))",
                                  field: name)
            }
            guard !value.isEmpty else { continue }
            values[name, default: []].append(String(value))
            if values[name, default: []].count > 1 && !repeatable.contains(name) {
                throw DuikouError(.invalidInput, "\(name): given more than once", field: name)
            }
        }
        self.values = values
    }

    /// The parameter's text, or `nil` when it is absent or empty.
    func text(_ name: String) -> String? { values[name]?.first }

    /// Every value of a repeatable parameter; a value may also list several, separated by commas.
    func list(_ name: String) -> [String] {
        (values[name] ?? []).flatMap { $0.split(separator: ",").map(String.init) }
    }

    /// A date, `YYYY-MM-DD`.
    func date(_ name: String) throws -> LocalDate? {
        try text(name).map { try LocalDate(parsing: $0, field: name) }
    }

    /// A keyword of the library (a status, a grouping), English key or Chinese label.
    func keyword<K: Keyword>(_ name: String, _ type: K.Type) throws -> K? {
        try text(name).map { try K(parsing: $0, field: name) }
    }

    /// A whole number within `range`.
    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = text(name) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw DuikouError(.invalidInput, "\(name): '\(text.prefix(40))' is not a whole number from \(range.lowerBound) to \(range.upperBound)",
                              field: name)
        }
        return number
    }
}

/// Reads a name the user gave (a pairing, a task, a park) so that one that names nothing is bad
/// input naming its field (400), not a missing record of the route (404).
func resolving<T>(field: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as DuikouError where error.code == .notFound || (error.code == .invalidInput && error.field == nil) {
        throw DuikouError(.invalidInput, "\(field): \(error.message)", field: field, recordID: error.recordID)
    }
}

/// The `area` parameter checked against the catalogue's task areas: one that names none is bad input
/// (400, field `area`), as a pairing or a task that names nothing is, not a missing record (404).
func checkedArea(_ area: String?, in catalogue: Catalogue) throws -> String? {
    guard let area else { return nil }
    guard catalogue.area(area) != nil else {
        let codes = catalogue.areas.map(\.code).joined(separator: ", ")
        throw DuikouError(.invalidInput, "area: '\(area)' is not a task area (\(codes))", field: "area")
    }
    return area
}
