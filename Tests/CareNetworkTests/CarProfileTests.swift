import Testing
@testable import CareNetwork

@Suite("Car profile: drivable ways, speeds, one-way")
struct CarProfileTests {
    let car = CarProfile.car

    @Test func maxspeedParsing() {
        #expect(CarProfile.parseMaxspeed("50") == 50)
        #expect(CarProfile.parseMaxspeed("30 mph") == 30 * 1.609344)
        #expect(CarProfile.parseMaxspeed("FR:urban") == 50)
        #expect(CarProfile.parseMaxspeed("FR:rural") == 80)
        #expect(CarProfile.parseMaxspeed("FR:motorway") == 130)
        #expect(CarProfile.parseMaxspeed("FR:zone30") == 30)
        #expect(CarProfile.parseMaxspeed("50;70") == 50)
        #expect(CarProfile.parseMaxspeed("none") == nil)
        #expect(CarProfile.parseMaxspeed("signals") == nil)
        #expect(CarProfile.parseMaxspeed("-5") == nil)
    }

    @Test func speedIsCappedByClass() {
        #expect(car.way(OSMTags([("highway", "primary"), ("maxspeed", "FR:urban")]))?.speedKmh == 50)
        #expect(car.way(OSMTags([("highway", "residential"), ("maxspeed", "50")]))?.speedKmh == 30)
        #expect(car.way(OSMTags([("highway", "motorway"), ("maxspeed", "130")]))?.speedKmh == 110)
        #expect(car.way(OSMTags([("highway", "secondary"), ("maxspeed", "none")]))?.speedKmh == 70)
        var custom = car
        custom.speeds["residential"] = 25
        #expect(custom.way(OSMTags([("highway", "residential")]))?.speedKmh == 25)
    }

    @Test func exclusions() {
        for h in CarProfile.excludedClasses { #expect(car.way(OSMTags([("highway", h)])) == nil) }
        #expect(car.way(OSMTags([("highway", "service"), ("access", "private")])) == nil)
        #expect(car.way(OSMTags([("highway", "service"), ("access", "no")])) == nil)
        #expect(car.way(OSMTags([("highway", "service"), ("access", "no"), ("motor_vehicle", "destination")])) != nil)
        #expect(car.way(OSMTags([("highway", "tertiary"), ("motor_vehicle", "no")])) == nil)
        #expect(car.way(OSMTags([("highway", "tertiary"), ("motorcar", "no")])) == nil)
        #expect(car.way(OSMTags([("highway", "service"), ("area", "yes")])) == nil)
        #expect(car.way(OSMTags([("building", "yes")])) == nil)
        #expect(car.way(OSMTags([("highway", "living_street")]))?.speedKmh == 10)
        #expect(car.way(OSMTags([("highway", "primary_bridge")]))?.highway == "primary")
        #expect(car.way(OSMTags([("highway", "footway_bridge")])) == nil)
    }

    @Test func directions() {
        func dir(_ tags: [(String, String)]) -> CarProfile.Direction? { car.way(OSMTags(tags))?.direction }
        #expect(dir([("highway", "primary")]) == .both)
        for v in ["yes", "true", "1"] { #expect(dir([("highway", "primary"), ("oneway", v)]) == .forward) }
        #expect(dir([("highway", "primary"), ("oneway", "-1")]) == .backward)
        #expect(dir([("highway", "primary"), ("junction", "roundabout")]) == .forward)
        #expect(dir([("highway", "motorway")]) == .forward)
        #expect(dir([("highway", "motorway"), ("oneway", "no")]) == .both)
        #expect(dir([("highway", "primary"), ("junction", "roundabout"), ("oneway", "no")]) == .both)
    }
}
