/// The SQL that reads a project's history in force: the progress updates not superseded by a
/// correction, in the order of their positions (V014_corrections_and_voids.sql).
enum UpdateSQL {
    /// Whether the update under `alias` is in force.
    static func inForce(_ alias: String) -> String { "\(alias).superseded_at IS NULL" }

    /// The position in the history of the update under `alias` (a correction has the position of
    /// the update it replaced).
    static func position(_ alias: String) -> String { "\(alias).position" }

    /// Whether the update under `alias` was in force at the instant bound to `instant` (a parameter
    /// such as `?4`, an ISO 8601 UTC timestamp): recorded before it, and not superseded before it.
    static func inForce(_ alias: String, at instant: String) -> String {
        "(\(alias).recorded_at < \(instant) AND (\(alias).superseded_at IS NULL OR \(alias).superseded_at >= \(instant)))"
    }
}
