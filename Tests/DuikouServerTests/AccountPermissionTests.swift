import DuikouKit
import Testing

@Suite struct AccountPermissionTests {
    @Test func reportersWriteTheirPairingAndThoseBelowIt() throws {
        let database = try TemporaryDatabase()
        let repository = try database.open()
        try repository.addRegion(Region(code: "440600", nameZH: "佛山市", nameEN: "Foshan", level: .prefectureCity, side: .east))
        try repository.addRegion(Region(code: "230800", nameZH: "佳木斯市", nameEN: "Jiamusi", level: .prefectureCity, side: .northeast))
        try repository.addPairing(NewPairing(id: "foshan-jiamusi", northeast: "230800", east: "440600", parent: "heilongjiang-guangdong"))
        let catalogue = try repository.catalogue()

        let provincial = Account(name: "李华", role: .reporter, pairing: "heilongjiang-guangdong")
        #expect(provincial.mayWrite(pairing: "heilongjiang-guangdong", in: catalogue))
        #expect(provincial.mayWrite(pairing: "foshan-jiamusi", in: catalogue))
        #expect(!provincial.mayWrite(pairing: "jilin-zhejiang", in: catalogue))

        let city = Account(name: "王芳", role: .reporter, pairing: "foshan-jiamusi")
        #expect(city.mayWrite(pairing: "foshan-jiamusi", in: catalogue))
        #expect(!city.mayWrite(pairing: "heilongjiang-guangdong", in: catalogue))

        #expect(!Account(name: "v", role: .viewer).mayWrite(pairing: "foshan-jiamusi", in: catalogue))
        #expect(!Account(name: "r", role: .reporter).mayWrite(pairing: "foshan-jiamusi", in: catalogue))
        #expect(Account(name: "a", role: .admin).mayWrite(pairing: "jilin-zhejiang", in: catalogue))
        #expect(!Account(name: "a", role: .admin, disabled: true).mayWrite(pairing: "jilin-zhejiang", in: catalogue))
        #expect(!city.mayAdminister && Account(name: "a", role: .admin).mayAdminister)
    }
}
