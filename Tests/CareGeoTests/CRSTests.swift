import Testing
import CareGeo

@Suite("CRS")
struct CRSTests {
    @Test func wellKnownCodes() {
        #expect(CRS.wgs84.epsg == 4326)
        #expect(CRS.lambert93.epsg == 2154)
        #expect(CRS.rgaf09UTM20.epsg == 5490)
        #expect(CRS.rgfg95UTM22.epsg == 2972)
        #expect(CRS.rgr92UTM40S.epsg == 2975)
        #expect(CRS.rgm04UTM38S.epsg == 4471)
        #expect(CRS.lambert93.description == "EPSG:2154")
    }

    @Test func departementsMapToProjectedCRS() {
        for n in 1...95 where n != 20 {
            let code = n < 10 ? "0\(n)" : "\(n)"
            #expect(CRS.forDepartement(code) == .lambert93, "\(code)")
        }
        #expect(CRS.forDepartement("2A") == .lambert93)
        #expect(CRS.forDepartement("2B") == .lambert93)
        #expect(CRS.forDepartement("971") == .rgaf09UTM20)
        #expect(CRS.forDepartement("972") == .rgaf09UTM20)
        #expect(CRS.forDepartement("973") == .rgfg95UTM22)
        #expect(CRS.forDepartement("974") == .rgr92UTM40S)
        #expect(CRS.forDepartement("976") == .rgm04UTM38S)
    }

    @Test(arguments: ["975", "977", "978", "", "20", "00", "96", "99", "1", "7", "2C", "2a", "970", "0７", "ab", "001"])
    func otherCodesHaveNoCRS(_ code: String) {
        #expect(CRS.forDepartement(code) == nil)
    }
}
