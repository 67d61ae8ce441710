// Vocabularies that are not a ``Keyword``: in JSON each value is its key, and decoding refuses
// anything else with a `DecodingError`. (Keywords are `Codable` through their protocol.)

extension PlanMetric: Codable {}

extension AuditAction: Codable {}

extension MergePreference: Codable {}

extension MergeReport.Kind: Codable {}

extension MergeReport.Resolution: Codable {}

extension SearchHit.Field: Codable {}

extension RecordKind: Codable {}
