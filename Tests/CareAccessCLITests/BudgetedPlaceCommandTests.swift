import CareTestSupport
import Foundation
import Testing

/// `place --budget`, end to end: costs from the candidates file or --site-cost, refusals before any work.
@Suite("budgeted placement, end to end", .enabled(if: CareAccessBinary.path != nil))
struct BudgetedPlaceCommandTests {
    static let ardennes = PackageRoot.fixture("ardennes")
    static let candidates = PackageRoot.fixture("scenarios/ardennes-candidates.csv")
    static let study = ["--territory", ardennes + "/communes.csv", "--supply", ardennes + "/gp.csv", "--departement", "08",
                        "--threshold", "10", "--travel", "crowfly"]

    @Test func theChosenSitesFitTheBudgetAndTheGreedyGapIsPrinted() throws {
        let r = try CareAccessBinary.run(["place"] + Self.study + ["--candidates", Self.candidates, "--budget", "250000"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("CareAccess placement — MCLP, budget 250,000 €, threshold 10 min, crow-fly"))
        #expect(r.stdout.contains("Greedy by gain per euro (Khuller, Moss & Naor 1999)"))
        #expect(r.stdout.contains("Gap to the proven optimum: "))
        let costs = r.stdout.split(separator: "\n").filter { $0.hasPrefix("  Cost: ") }
        #expect(costs.count == 2)
        for line in costs {
            let spent = try #require(Double(line.dropFirst(8).prefix { $0 != " " }.replacingOccurrences(of: ",", with: "")))
            #expect(spent <= 250_000)
        }
    }

    @Test(arguments: [
        (["--budget", "0"], "error: invalid --budget 0.0: expected a budget in euros in (0, 10,000,000,000]"),
        (["--budget", "300000"], "error: --budget: candidate 08001 has no cost: give a cost column in --candidates or --site-cost"),
        (["--site-cost", "1000"], "error: --site-cost goes with --budget"),
        (["--budget", "300000", "--objective", "pmedian", "--site-cost", "1"], "error: --budget is for --objective mclp or access"),
    ])
    func refusals(extra: [String], message: String) throws {
        let r = try CareAccessBinary.run(["place"] + Self.study + extra)
        #expect(r.status != 0)
        #expect(r.stderr.split(separator: "\n").last.map(String.init) == message, "\(r.stderr)")
    }
}
