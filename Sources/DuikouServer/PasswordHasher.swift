import Crypto
import _CryptoExtras
import Foundation

/// Hashes passwords with scrypt (swift-crypto's `_CryptoExtras`), a slow, salted, memory-hard key
/// derivation, and checks a password against a stored hash.
///
/// A stored hash describes itself, in the PHC string format:
/// `$scrypt$ln=15,r=8,p=1$SALT$HASH`, where `ln` is log₂ of scrypt's cost N, `r` its block size,
/// `p` its parallelism, and SALT (16 random bytes) and HASH (32 bytes) are in base64 without padding.
/// A hash is checked with the parameters it names, so the cost can be raised later without
/// invalidating the passwords stored before.
///
/// ``Cost/standard`` (N = 2¹⁵, r = 8, p = 1) takes 32 MiB of memory and about a tenth of a second
/// on one core per hash: slow enough that a stolen database costs an attacker dearly per guess,
/// fast enough for a login. Tests use ``Cost/minimal``.
public struct PasswordHasher: Sendable, Hashable {
    /// scrypt's parameters.
    public struct Cost: Sendable, Hashable {
        /// log₂ of the CPU and memory cost N (1…20).
        public var logN: Int
        /// The block size r (1…32).
        public var blockSize: Int
        /// The parallelism p (1…16).
        public var parallelism: Int

        /// Creates a cost; values outside the ranges above are refused when hashing.
        public init(logN: Int, blockSize: Int, parallelism: Int) {
            self.logN = logN
            self.blockSize = blockSize
            self.parallelism = parallelism
        }

        /// N = 2¹⁵, r = 8, p = 1: 32 MiB and about 0.1 s per hash (the parameters scrypt's author
        /// gives for interactive logins).
        public static let standard = Cost(logN: 15, blockSize: 8, parallelism: 1)
        /// The cheapest cost, for tests only.
        public static let minimal = Cost(logN: 1, blockSize: 1, parallelism: 1)

        var isValid: Bool { (1...20).contains(logN) && (1...32).contains(blockSize) && (1...16).contains(parallelism) }
    }

    /// The shortest password accepted when one is set.
    public static let minimumPasswordLength = 10
    /// The longest password, in bytes of UTF-8, accepted when one is set or checked.
    public static let maximumPasswordBytes = 1024

    /// The cost of new hashes.
    public var cost: Cost

    /// Creates a hasher that hashes new passwords at `cost`.
    public init(cost: Cost = .standard) {
        self.cost = cost
    }

    /// Why a new password is refused, or `nil` when it may be set: shorter than
    /// ``minimumPasswordLength`` characters or longer than ``maximumPasswordBytes``. The password
    /// itself never appears in the answer.
    public static func weakness(of password: String) -> String? {
        if password.isEmpty { return "the password is empty" }
        if password.count < minimumPasswordLength { return "the password is shorter than \(minimumPasswordLength) characters" }
        if password.utf8.count > maximumPasswordBytes { return "the password is longer than \(maximumPasswordBytes) bytes" }
        return nil
    }

    /// Hashes `password` with a new random salt, as a self-describing string to store.
    ///
    /// - Throws: ``PasswordHasher/Failure`` for an empty or overlong password or an invalid cost.
    public func hash(_ password: String) throws -> String {
        guard !password.isEmpty, password.utf8.count <= Self.maximumPasswordBytes else { throw Failure.unusablePassword }
        guard cost.isValid else { throw Failure.invalidCost }
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let derived = try Self.derive(password, salt: salt, cost: cost, length: 32)
        return "$scrypt$ln=\(cost.logN),r=\(cost.blockSize),p=\(cost.parallelism)$\(Self.base64(salt))$\(Self.base64(derived))"
    }

    /// Whether `password` is the one `stored` was made from, compared in constant time. A stored
    /// string that is not a hash this type writes, or names parameters out of range, matches nothing.
    public func verify(_ password: String, against stored: String) -> Bool {
        guard let parsed = StoredHash(stored), !password.isEmpty, password.utf8.count <= Self.maximumPasswordBytes,
              let derived = try? Self.derive(password, salt: parsed.salt, cost: parsed.cost, length: parsed.hash.count)
        else {
            spendTime()
            return false
        }
        return Self.constantTimeEqual(derived, parsed.hash)
    }

    /// Spends the time of a hash at this hasher's cost and throws the result away: a login for an
    /// unknown name takes as long as one for a known name.
    public func spendTime() {
        _ = try? Self.derive("duikou: no such account", salt: [UInt8](repeating: 0, count: 16), cost: cost.isValid ? cost : .standard, length: 32)
    }

    /// Why hashing failed; never names the password.
    public enum Failure: Error, Sendable, Hashable {
        /// The password is empty or longer than ``PasswordHasher/maximumPasswordBytes``.
        case unusablePassword
        /// The cost's parameters are out of range.
        case invalidCost
    }

    private static func derive(_ password: String, salt: [UInt8], cost: Cost, length: Int) throws -> [UInt8] {
        let key = try KDF.Scrypt.deriveKey(from: Array(password.utf8), salt: salt, outputByteCount: length,
                                           rounds: 1 << cost.logN, blockSize: cost.blockSize, parallelism: cost.parallelism)
        return key.withUnsafeBytes { Array($0) }
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    private static func base64(_ bytes: [UInt8]) -> String {
        String(Data(bytes).base64EncodedString().prefix { $0 != "=" })
    }

    /// A stored hash, parsed.
    private struct StoredHash {
        let cost: Cost
        let salt: [UInt8]
        let hash: [UInt8]

        init?(_ text: String) {
            let parts = text.split(separator: "$", omittingEmptySubsequences: false)
            guard parts.count == 5, parts[0].isEmpty, parts[1] == "scrypt" else { return nil }
            var values: [Substring: Int] = [:]
            for pair in parts[2].split(separator: ",") {
                let keyValue = pair.split(separator: "=", maxSplits: 1)
                guard keyValue.count == 2, let value = Int(keyValue[1]) else { return nil }
                values[keyValue[0]] = value
            }
            guard let logN = values["ln"], let r = values["r"], let p = values["p"], values.count == 3 else { return nil }
            let cost = Cost(logN: logN, blockSize: r, parallelism: p)
            guard cost.isValid, let salt = Self.bytes(parts[3]), let hash = Self.bytes(parts[4]), !salt.isEmpty, (16...64).contains(hash.count) else {
                return nil
            }
            self.cost = cost
            self.salt = salt
            self.hash = hash
        }

        private static func bytes(_ text: Substring) -> [UInt8]? {
            let padded = String(text) + String(repeating: "=", count: (4 - text.count % 4) % 4)
            return Data(base64Encoded: padded).map(Array.init)
        }
    }
}
