import DuikouServer
import Testing

@Suite struct PasswordHasherTests {
    let hasher = PasswordHasher(cost: .minimal)

    @Test func aHashChecksItsPasswordAndNoOther() throws {
        let stored = try hasher.hash("正确的密码 with spaces")
        #expect(hasher.verify("正确的密码 with spaces", against: stored))
        #expect(!hasher.verify("正确的密码 with space", against: stored))
        #expect(!hasher.verify("", against: stored))
        #expect(!stored.contains("正确"))
        // A new salt each time.
        #expect(try hasher.hash("正确的密码 with spaces") != stored)
    }

    @Test func theStoredStringNamesItsAlgorithmParametersAndSalt() throws {
        let stored = try PasswordHasher(cost: PasswordHasher.Cost(logN: 3, blockSize: 2, parallelism: 1)).hash("a long enough password")
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        #expect(parts.count == 5 && parts[1] == "scrypt" && parts[2] == "ln=3,r=2,p=1")
        #expect(parts[3].count == 22 && parts[4].count == 43)  // 16 and 32 bytes in unpadded base64
        // Checked with the parameters it names, whatever the hasher's own cost: costs can be raised later.
        #expect(PasswordHasher(cost: .standard).verify("a long enough password", against: stored))
        #expect(PasswordHasher.Cost.standard == PasswordHasher.Cost(logN: 15, blockSize: 8, parallelism: 1))
    }

    @Test func aDamagedOrForeignStringMatchesNothing() throws {
        let stored = try hasher.hash("a long enough password")
        for damaged in ["", "plain", "$scrypt$ln=1,r=1,p=1$$", stored.replacingOccurrences(of: "ln=1", with: "ln=40"),
                        stored.replacingOccurrences(of: "scrypt", with: "md5"), String(stored.dropLast(2)) + "AA"] {
            #expect(!hasher.verify("a long enough password", against: damaged), "\(damaged)")
        }
        #expect(throws: PasswordHasher.Failure.invalidCost) { try PasswordHasher(cost: .init(logN: 0, blockSize: 1, parallelism: 1)).hash("x") }
        #expect(throws: PasswordHasher.Failure.unusablePassword) { try hasher.hash("") }
    }

    @Test func weakPasswordsAreNamedWithoutEchoingThem() {
        #expect(PasswordHasher.weakness(of: "") == "the password is empty")
        #expect(PasswordHasher.weakness(of: "123456789")?.contains("shorter than 10") == true)
        #expect(PasswordHasher.weakness(of: "十个汉字的密码真的很长") == nil)
        #expect(PasswordHasher.weakness(of: String(repeating: "x", count: 1025)) != nil)
    }

    @Test func secretsAreLongRandomAndStoredAsSHA256() {
        let tokens = (0..<100).map { _ in SecretToken.generate() }
        #expect(Set(tokens).count == 100)
        #expect(tokens.allSatisfy { $0.count == 43 && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } })
        #expect(SecretToken.apiToken().hasPrefix("dk_"))
        #expect(SecretToken.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SecretToken.matches("same", "same") && !SecretToken.matches("same", "sane") && !SecretToken.matches("same", "same!"))
    }
}
