/// Every default a study uses when its specification leaves a value out, in one place. The CLI's help texts, the
/// scenario and compare files, the model's initialisers and the reports all read these constants; nothing else
/// in `Sources` writes one of these numbers. (They live in the model layer, the lowest one that needs them, so
/// the model's own initialisers default to the same values as the application's spec.)
///
/// Each value is a planner's convention or a published figure, not a fitted parameter:
/// - the 20-minute coverage threshold is the yardstick of French planning ("more than 20 minutes from a GP");
/// - the 20-minute catchment is the DREES APL's last step (Barlet et al., DREES/IRDES 2012; weights 1, 2/3, 1/3
///   below 10, 15, 20 min);
/// - the 2.5 under-served mark (consultations a year per standardised inhabitant) is DREES's usual under-density
///   mark; 4 the complementary one many ARS use (each ARS sets its own, hence configurable);
/// - the crow-fly model's 60 km/h and circuity 1.3 are the usual rural-road assumption (known about 18 % off
///   METRIC drive times: use `--travel calibrated`).
public enum StudyDefaults {
    /// Coverage: a commune is covered when its nearest GP is within this many minutes.
    public static let coverageThreshold = 20.0
    /// Accessibility (2SFCA family, APL): the catchment in minutes.
    public static let catchment = 20.0
    /// APL: a commune below this score is under-served (``ZoneMarks/apl``).
    public static let underServedAPL = 2.5
    /// APL: the complementary band runs from ``underServedAPL`` to below this score.
    public static let complementaryAPL = 4.0
    /// The year a study is about: practitioners' ages, the APL's exclusion of GPs aged 65+, the horizon of a
    /// scenario without one.
    public static let referenceYear = 2026
    /// Crow-fly travel model: speed on the straight line, km/h.
    public static let crowFlySpeedKmh = 60.0
    /// Crow-fly travel model: detour factor applied to the straight-line distance.
    public static let crowFlyCircuity = 1.3
    /// APL: yearly activity credited to each GP of a supply that only counts GPs (``APLActivityLevel``).
    public static let activityPerGP = APLActivityLevel.consultationsPerGP
    /// APL: yearly activity per FTE imputed to a listed practitioner new to practice or without a record (DREES).
    public static let imputedActivity = 5_400.0
    /// The seed of random draws when a file or option gives none: a retirement with an assumed share, the
    /// draws of `scenario --draws` and of a sweep (each draw's seed derives from it, ``DrawSeeds``).
    public static let drawSeed: UInt64 = 1
    /// APL level derivation: départements left out of the target mean because the GP file lacks their GPs
    /// (the BPE extract has no Paris rows, ``SupplyGaps``).
    public static let departementsWithoutGPs: Set<String> = ["75"]
    /// Placement: the exact solver's time limit per MILP, seconds.
    public static let solverTimeLimit = 60.0
}
