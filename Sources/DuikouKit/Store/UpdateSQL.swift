/// The SQL that reads a project's history in force: the progress updates not superseded by a
/// correction, in the order of their positions (V014_corrections_and_voids.sql).
enum UpdateSQL {
    /// Whether the update under `alias` is in force.
    static func inForce(_ alias: String) -> String { "\(alias).superseded_at IS NULL" }

    /// The position in the history of the update under `alias` (a correction has the position of
    /// the update it replaced).
    static func position(_ alias: String) -> String { "\(alias).position" }

    /// Whether the update under `alias` is in force now when the parameter `instant` is NULL, else
    /// whether it was in force at that instant (see ``inForce(_:at:)``).
    static func inForce(_ alias: String, knownAt instant: String) -> String {
        "(CASE WHEN \(instant) IS NULL THEN \(inForce(alias)) ELSE \(inForce(alias, at: instant)) END)"
    }

    /// Whether project `alias` counts as known at the instant bound to `instant`, or now when it is
    /// NULL: recorded before it, and not voided before it.
    static func projectKnown(_ alias: String, at instant: String) -> String {
        "(CASE WHEN \(instant) IS NULL THEN \(alias).voided_at IS NULL ELSE (\(alias).recorded_at < \(instant) AND (\(alias).voided_at IS NULL OR \(alias).voided_at >= \(instant))) END)"
    }

    /// Whether the update under `alias` was in force at the instant bound to `instant` (a parameter
    /// such as `?4`, an ISO 8601 UTC timestamp): recorded before it, and not superseded before it.
    static func inForce(_ alias: String, at instant: String) -> String {
        "(\(alias).recorded_at < \(instant) AND (\(alias).superseded_at IS NULL OR \(alias).superseded_at >= \(instant)))"
    }
}
