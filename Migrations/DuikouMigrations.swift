/// One numbered schema migration shipped with Duikou.
///
/// Migrations are applied in ascending `version` order, each inside its own transaction.
/// Once shipped a migration is immutable: a correction is a new migration with the next number.
public struct Migration: Sendable {
    /// The migration's number; `PRAGMA user_version` holds the latest one applied.
    public let version: Int
    /// The file name the SQL was embedded from, such as `V001_schema.sql`.
    public let fileName: String
    /// The SQL script, run as a whole.
    public let sql: String

    init(version: Int, fileName: String, bytes: [UInt8]) {
        self.version = version
        self.fileName = fileName
        self.sql = String(decoding: bytes, as: UTF8.self)
    }
}

/// The migrations this build knows, in the order they must be applied.
public enum DuikouMigrations {
    /// Every migration, oldest first. A test checks that each `.sql` file in `Migrations/` is listed here, in order.
    public static let all: [Migration] = [
        Migration(version: 1, fileName: "V001_schema.sql", bytes: PackageResources.V001_schema_sql),
        Migration(version: 2, fileName: "V002_catalogue.sql", bytes: PackageResources.V002_catalogue_sql),
        Migration(version: 3, fileName: "V003_search.sql", bytes: PackageResources.V003_search_sql),
        Migration(version: 4, fileName: "V004_progress_summary.sql", bytes: PackageResources.V004_progress_summary_sql),
        Migration(version: 5, fileName: "V005_plan_targets.sql", bytes: PackageResources.V005_plan_targets_sql),
        Migration(version: 6, fileName: "V006_audit_log.sql", bytes: PackageResources.V006_audit_log_sql),
        Migration(version: 7, fileName: "V007_search_over_records.sql", bytes: PackageResources.V007_search_over_records_sql),
        Migration(version: 8, fileName: "V008_faster_bulk_writes.sql", bytes: PackageResources.V008_faster_bulk_writes_sql),
        Migration(version: 9, fileName: "V009_stages_reached.sql", bytes: PackageResources.V009_stages_reached_sql),
        Migration(version: 10, fileName: "V010_plan_weights.sql", bytes: PackageResources.V010_plan_weights_sql),
        Migration(version: 11, fileName: "V011_pairing_aliases.sql", bytes: PackageResources.V011_pairing_aliases_sql),
        Migration(version: 12, fileName: "V012_soft_cooperation.sql", bytes: PackageResources.V012_soft_cooperation_sql),
        Migration(version: 13, fileName: "V013_project_milestones.sql", bytes: PackageResources.V013_project_milestones_sql),
        Migration(version: 14, fileName: "V014_corrections_and_voids.sql", bytes: PackageResources.V014_corrections_and_voids_sql),
        Migration(version: 15, fileName: "V015_reporting_rounds.sql", bytes: PackageResources.V015_reporting_rounds_sql),
        Migration(version: 16, fileName: "V016_accounts.sql", bytes: PackageResources.V016_accounts_sql),
        Migration(version: 17, fileName: "V017_project_listing_index.sql", bytes: PackageResources.V017_project_listing_index_sql),
    ]
}
