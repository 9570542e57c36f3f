import CareModel

extension ZoneMarks {
    /// The marks `--zones` classifies `method`'s scores with: `underServed` and `complementary` as given, else
    /// the APL's (``CareModel/ZoneMarks/apl``: 2.5 and 4) for the APL; another indicator has no default
    /// under-served mark and no complementary band unless given.
    ///
    /// - Throws: ``StudyError`` when `method` has no default mark and none is given; the marks' own range errors.
    public static func marks(for method: IndicatorSpec.Method, underServed: Double?, complementary: Double?) throws -> ZoneMarks {
        let isAPL = method == .apl
        guard let u = underServed ?? (isAPL ? ZoneMarks.apl.underServed : nil) else {
            throw StudyError("--zones with --method \(method.rawValue) needs --below (the under-served mark)")
        }
        return try ZoneMarks(underServed: u, complementary: complementary ?? (isAPL ? ZoneMarks.apl.complementary : nil))
    }
}
