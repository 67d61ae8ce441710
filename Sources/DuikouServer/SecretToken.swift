import Crypto

/// Random secrets (API tokens, session ids, CSRF tokens) and the hashes under which they are stored.
public enum SecretToken {
    /// A new random secret: 32 bytes (256 bits) from the system's cryptographically secure generator,
    /// in base64url without padding (43 characters, safe in a cookie and a header), after `prefix`.
    public static func generate(prefix: String = "") -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return prefix + base64URL(bytes)
    }

    /// A new API token, `dk_` and 43 characters: the prefix lets secret scanners recognise it.
    public static func apiToken() -> String { generate(prefix: "dk_") }

    /// The SHA-256 of `secret`'s UTF-8, in lowercase hex: what the database stores instead of it.
    public static func hash(_ secret: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Array(secret.utf8)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Whether two secrets are equal, in time that depends on their lengths only.
    public static func matches(_ given: String, _ expected: String) -> Bool {
        PasswordHasher.constantTimeEqual(Array(given.utf8), Array(expected.utf8))
    }

    private static func base64URL(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * UInt32($1.offset)) }
            for position in 0..<(chunk.count + 1) { out.append(alphabet[Int(value >> (18 - 6 * UInt32(position)) & 0x3F)]) }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
