/// A JSON key named at run time, such as a status in `by_status`.
struct NamedKey: CodingKey {
    let stringValue: String

    init(_ name: String) {
        stringValue = name
    }

    init?(stringValue: String) {
        self.init(stringValue)
    }

    var intValue: Int? { nil }

    init?(intValue: Int) {
        nil
    }
}
