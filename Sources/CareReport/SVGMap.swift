import CareIO
import CareStudy
import CareGeo
import CareModel
import Foundation

/// A choropleth map of the studied communes as inline SVG, drawn from the territory's projected boundaries.
///
/// Every studied commune is exactly one `<path class="commune" data-code="…">` (so a check can count them);
/// neighbouring communes outside the study are drawn light grey, without that class, for context. Communes
/// in another projected CRS (overseas départements) go to separate inset panels, one per CRS and
/// département. Without boundaries each commune is a circle of area ∝ population at its point (still one
/// `commune` path each), and ``Panel/usedBoundaries`` says so. Sites are symbols of area ∝ GPs, shaped by
/// kind. A scale bar with a round length sits at the bottom left. At a scale coarser than the stored
/// boundaries the outlines are simplified for drawing, neighbours together (``MapGeometry``).
///
/// ```swift
/// let map = SVGMap(territory: t, studied: [0, 1], fills: ["#23609e", "#a34b08"], tooltips: ["A: 3 min", "B: 31 min"])
/// let svg = map.panels()[0].svg   // "<svg viewBox=…><g …><path class=\"commune\" data-code=\"07001\" …"
/// ```
/// Complexity: linear in the number of boundary vertices of the drawn communes plus the sites, plus the
/// drawing simplification when the scale calls for it (O(V log V), see ``MapGeometry``).
public struct SVGMap: Sendable {
    /// One drawn map: the main one (the CRS with the most studied communes) or an inset.
    public struct Panel: Sendable {
        /// The projected CRS the panel is drawn in.
        public var crs: CRS
        /// Département of an overseas inset; `nil` for the main (metropolitan) panel.
        public var departement: String?
        /// The panel as an `<svg>` element.
        public var svg: String
        /// Whether the panel is an overseas inset rather than the main map.
        public var isInset: Bool
        /// Studied communes drawn (`class="commune"` paths).
        public var communes: Int
        /// Whether communes were drawn from their boundaries (else as circles of area ∝ population).
        public var usedBoundaries: Bool
        /// Studied communes drawn as circles for lack of a boundary (when boundaries are otherwise used).
        public var missingBoundaries: Int
        /// Studied communes whose boundary is smaller than the map's resolution (half a pixel), drawn as a dot.
        public var dots: Int
        /// Boundary vertices drawn (studied and neighbouring communes).
        public var vertices: Int
        /// Douglas–Peucker tolerance in metres of the drawing simplification; `nil` when the stored
        /// boundaries are drawn as they are.
        public var tolerance: Double?
        /// Width of the panel in screen pixels.
        public var width: Double
        /// The dense area this panel enlarges (a zoom of the main panel), `nil` for the main panel and the
        /// overseas insets. A zoom draws its studied communes as `class="zoom-commune"` paths, so that each
        /// studied commune stays one `class="commune"` path per map.
        public var zoom: ZoomArea?
        /// Site symbols drawn, and the sites they stand for (more when nearby sites are grouped, see
        /// ``SiteAggregation``).
        public var siteSymbols: Int = 0
        /// Sites those symbols stand for.
        public var sitesDrawn: Int = 0

        /// Studied communes drawn as circles: all of them without boundaries, else those missing one.
        public var circles: Int { usedBoundaries ? missingBoundaries : communes }
    }

    /// The communes and their boundaries.
    public var territory: Territory
    /// Territory indices of the studied communes.
    public var studied: [Int]
    /// Fill colour per studied commune (same order as ``studied``).
    public var fills: [String]
    /// Hover text per studied commune (plain text; escaped here).
    public var tooltips: [String]
    /// GP sites to draw as symbols.
    public var sites: [MapSite]
    /// Width of the main panel in pixels; insets get 40 % of it.
    public var width: Double
    /// Height limit of the main panel in pixels (insets: 40 % of it, at least 180).
    public var maxHeight: Double
    /// GPs of the largest symbol (share it between maps that are compared); default: the largest site drawn.
    public var largestSite: Double?
    /// Radius in pixels of the largest site symbol.
    public var siteRadius: Double
    /// Detail of the stored boundaries in metres (the import tolerance, `careaccess import --simplify`):
    /// panels whose half pixel is coarser get outlines simplified for drawing.
    public var storedDetail: Double
    /// Language of the hover text of grouped site symbols.
    public var language: ReportLanguage = .en
    /// Panels and outlines made by ``makeGeometry()`` for a map of the same communes and size, shared to
    /// simplify once; `nil` (or one that does not fit this map) makes them at each ``panels()``.
    public var geometry: MapGeometry?

    /// A map of `studied` with one fill and tooltip each; sizes in pixels, `storedDetail` in metres.
    public init(territory: Territory, studied: [Int], fills: [String], tooltips: [String], sites: [MapSite] = [],
                width: Double = 640, maxHeight: Double = 900, largestSite: Double? = nil, siteRadius: Double = 11,
                storedDetail: Double = DataFranceImporter.defaultBoundaryTolerance) {
        self.territory = territory
        self.studied = studied
        self.fills = fills
        self.tooltips = tooltips
        self.sites = sites
        self.width = width
        self.maxHeight = maxHeight
        self.largestSite = largestSite
        self.siteRadius = siteRadius
        self.storedDetail = storedDetail
    }

    /// One panel's communes (indices into ``studied``), CRS and frame.
    struct Layout {
        var members: [Int]
        var crs: CRS
        var departement: String?
        var frame: MapFrame
        var inset: Bool
        var zoom: ZoomArea? = nil
    }

    /// The panels, main first, then the zooms of dense areas, then insets by département.
    public func panels() -> [Panel] {
        let geometry = sharedGeometry
        let largest = largestSite ?? largestDrawnSite(geometry.panels.map(\.layout))
        let zooms = geometry.panels.map(\.layout).filter { $0.zoom != nil }
        return geometry.panels.map { panel($0, largest: largest, zooms: zooms) }
    }

    /// ``geometry`` when it fits this map, else a new one.
    var sharedGeometry: MapGeometry {
        if let geometry, geometry.fits(self) { return geometry }
        return makeGeometry()
    }

    /// GPs of the largest site drawn on any panel (1 when none is), the default size reference.
    public func largestDrawnSite() -> Double { largestDrawnSite(geometry.flatMap { $0.fits(self) ? $0.panels.map(\.layout) : nil } ?? layouts()) }

    private func largestDrawnSite(_ layouts: [Layout]) -> Double {
        let drawn = sites.filter { s in
            s.gps > 0 && layouts.contains { $0.crs == s.crs && $0.frame.overlaps(BoundingBox(minX: s.point.x, minY: s.point.y, maxX: s.point.x, maxY: s.point.y)) }
        }
        return drawn.map(\.gps).max() ?? 1
    }

    /// Groups the studied communes by CRS (overseas: by département) and fits a frame to each group.
    func layouts() -> [Layout] {
        var groups: [String: [Int]] = [:]
        for k in studied.indices {
            let c = territory.communes[studied[k]]
            groups[c.crs == .lambert93 ? "" : c.departement, default: []].append(k)
        }
        let order = groups.keys.sorted { a, b in
            let (na, nb) = (groups[a]?.count ?? 0, groups[b]?.count ?? 0)
            return (a.isEmpty ? 0 : 1, -na, a) < (b.isEmpty ? 0 : 1, -nb, b)
        }
        let useBoundaries = territory.boundaries != nil
        let main: [Layout] = order.enumerated().compactMap { position, key in
            guard let members = groups[key], let first = members.first else { return nil }
            var box: BoundingBox?
            for k in members {
                if let b = territory.extent(of: studied[k]) { box = box.map { $0.union(b) } ?? b }
            }
            guard var window = box else { return nil }
            if !useBoundaries {
                // Room for the circles at the edge.
                window = window.expanded(by: max(window.width, window.height) * 0.04)
            }
            let inset = position > 0
            let frame = MapFrame(box: window, width: inset ? max(180, width * 0.4) : width,
                                 maxHeight: inset ? max(180, maxHeight * 0.4) : maxHeight)
            return Layout(members: members, crs: territory.communes[studied[first]].crs,
                          departement: key.isEmpty ? nil : key, frame: frame, inset: inset)
        }
        guard let first = main.first, first.crs == .lambert93, first.departement == nil else { return main }
        return [first] + zoomLayouts(main: first.frame) + main.dropFirst()
    }

    /// The zooms of the dense areas (``ZoomArea/all``) that the study holds and the main panel shows too small.
    func zoomLayouts(main: MapFrame) -> [Layout] {
        let studiedSet = Set(studied)
        let zoomWidth = max(180, (width * 0.48).rounded())
        return ZoomArea.all.compactMap { zoom -> Layout? in
            guard let window = zoom.window(territory: territory, studied: studiedSet, crs: .lambert93),
                  window.width * main.scale < zoomWidth / 3, window.height * main.scale < zoomWidth / 3 else { return nil }
            let members = studied.indices.filter { k in
                territory.communes[studied[k]].crs == .lambert93 && (territory.extent(of: studied[k]).map(window.intersects) ?? false)
            }
            let frame = MapFrame(box: window, width: zoomWidth, maxHeight: zoomWidth)
            return Layout(members: members, crs: .lambert93, departement: nil, frame: frame, inset: true, zoom: zoom)
        }
    }

    private func panel(_ geometry: MapGeometry.PanelGeometry, largest: Double, zooms: [Layout]) -> Panel {
        let layout = geometry.layout
        let (members, crs, frame) = (layout.members, layout.crs, layout.frame)
        let useBoundaries = territory.boundaries != nil
        var svg = "<svg viewBox=\"0 0 \(frame.viewWidth) \(frame.viewHeight)\" width=\"\(Int(frame.width))\" height=\"\(Int(frame.height))\" role=\"img\">"
        let line = Int(frame.units(0.6).rounded())
        var vertices = 0
        if useBoundaries {
            svg += "<g fill=\"\(Palette.context)\" stroke=\"#ffffff\" stroke-width=\"\(line)\" fill-rule=\"evenodd\">"
            for (k, shape) in geometry.contextShapes.enumerated() {
                let path = frame.path(shape)
                guard !path.data.isEmpty else { continue }
                if layout.zoom != nil, k < geometry.context.count {
                    // Zooms name their neighbouring communes too (Paris, left out of a national APL study).
                    let c = territory.communes[geometry.context[k]]
                    svg += "<path class=\"zoom-context\" data-code=\"\(HTMLReport.escape(c.code))\" d=\"\(path.data)\"><title>\(HTMLReport.escape(c.name))</title></path>"
                } else {
                    svg += "<path d=\"\(path.data)\"/>"
                }
                vertices += path.vertices
            }
            svg += "</g>"
        }
        svg += "<g stroke=\"#b4b4b4\" stroke-width=\"\(line)\" stroke-linejoin=\"round\" fill-rule=\"evenodd\">"
        var missing = 0, dots = 0
        let maxPopulation = Double(members.map { territory.communes[studied[$0]].population }.max() ?? 1)
        // Circles: largest first so that small communes stay visible on top.
        let drawOrder = useBoundaries ? Array(members.indices)
            : members.indices.sorted { territory.communes[studied[members[$0]]].population > territory.communes[studied[members[$1]]].population }
        let pathClass = layout.zoom == nil ? "commune" : "zoom-commune"
        for m in drawOrder {
            let k = members[m]
            let c = territory.communes[studied[k]]
            let point = XY(x: c.point.x, y: c.point.y)
            var d = ""
            if useBoundaries {
                if let shape = m < geometry.memberShapes.count ? geometry.memberShapes[m] : nil {
                    let path = frame.path(shape)
                    (d, vertices) = (path.data, vertices + path.vertices)
                    if d.isEmpty {
                        // Smaller than the resolution (half a pixel): a dot of about its size where it is.
                        dots += 1
                        d = frame.circleData(at: point, radius: 1)
                    }
                } else {
                    missing += 1
                    d = frame.circleData(at: point, radius: 2.5)
                }
            } else {
                let r = max(2, 14 * (Double(max(c.population, 0)) / max(maxPopulation, 1)).squareRoot())
                d = frame.circleData(at: point, radius: r)
            }
            let fill = k < fills.count ? fills[k] : Palette.neutral
            let tip = k < tooltips.count ? tooltips[k] : c.name
            svg += "<path class=\"\(pathClass)\" data-code=\"\(HTMLReport.escape(c.code))\" fill=\"\(HTMLReport.escape(fill))\" d=\"\(d)\"><title>\(HTMLReport.escape(tip))</title></path>"
        }
        svg += "</g>"
        let drawn = symbols(frame: frame, crs: crs, largest: largest)
        svg += drawn.svg
        if !layout.inset { svg += zoomFrames(zooms, on: frame) }
        svg += scaleBar(frame: frame)
        svg += "</svg>"
        return Panel(crs: crs, departement: layout.departement, svg: svg, isInset: layout.inset, communes: members.count,
                     usedBoundaries: useBoundaries, missingBoundaries: missing, dots: dots, vertices: vertices,
                     tolerance: geometry.tolerance, width: frame.width, zoom: layout.zoom,
                     siteSymbols: drawn.symbols, sitesDrawn: drawn.sites)
    }

    /// The outline of each zoom's window on the main panel.
    private func zoomFrames(_ zooms: [Layout], on frame: MapFrame) -> String {
        guard !zooms.isEmpty else { return "" }
        var out = "<g fill=\"none\" stroke=\"#1a1a1a\" stroke-width=\"\(Int(frame.units(1).rounded()))\">"
        for z in zooms {
            let b = z.frame.box
            let a = frame.unit(XY(x: b.minX, y: b.maxY)), c = frame.unit(XY(x: b.maxX, y: b.minY))
            out += "<rect class=\"zoom-frame\" x=\"\(a.x)\" y=\"\(a.y)\" width=\"\(c.x - a.x)\" height=\"\(c.y - a.y)\"/>"
        }
        return out + "</g>"
    }

    /// Site symbols, largest first; existing practices as translucent dark discs, opened sites as white
    /// shapes with a black edge (shape by kind). Where the practices' discs overlap heavily at the panel's
    /// scale, nearby practices are grouped (``SiteAggregation``); opened sites always stay on their own.
    /// Returns the SVG, the symbols drawn and the sites they stand for.
    private func symbols(frame: MapFrame, crs: CRS, largest: Double) -> (svg: String, symbols: Int, sites: Int) {
        let inside = sites.filter { s in
            s.crs == crs && s.gps > 0 && frame.overlaps(BoundingBox(minX: s.point.x, minY: s.point.y, maxX: s.point.x, maxY: s.point.y))
        }.sorted { ($0.gps, $0.kind == .practice ? 1 : 0) > ($1.gps, $1.kind == .practice ? 1 : 0) }
        guard !inside.isEmpty else { return ("", 0, 0) }
        let radius = { (gps: Double) in max(1.5, siteRadius * (gps / max(largest, 1e-9)).squareRoot()) }
        let pixels = 1 / MapFrame.unitsPerPixel
        let aggregation = SiteAggregation(symbols: inside.enumerated().map { k, s in
            let u = frame.unit(XY(x: s.point.x, y: s.point.y))
            return .init(x: Double(u.x) * pixels, y: Double(u.y) * pixels, gps: s.gps, mergeable: s.kind == .practice, index: k)
        }, radius: radius)
        var out = "<g>"
        for group in aggregation.groups {
            guard let first = group.members.first else { continue }
            let s = inside[first]
            let r = radius(group.gps)
            var title = s.label
            // A group sits at its centroid in screen pixels; a site on its own where it is, as before.
            var centre = frame.unit(XY(x: s.point.x, y: s.point.y))
            if group.members.count > 1 {
                let l = ReportLabels(language)
                title = l.format(.siteGroup, language.number(group.members.count),
                                 language.count(group.gps))
                centre = (Int((group.x / pixels).rounded()), Int((group.y / pixels).rounded()))
            }
            let titleTag = "<title>\(HTMLReport.escape(title))</title>"
            if s.kind == .practice {
                out += "<path fill=\"#1a1a1a\" fill-opacity=\"0.3\" stroke=\"#1a1a1a\" stroke-width=\"\(Int(frame.units(0.8).rounded()))\" d=\"\(frame.circleData(atUnit: centre, radius: r))\">\(titleTag)</path>"
            } else {
                let d = SiteSymbol.pathData(kind: s.kind, centre: centre, radius: frame.units(max(r, 4)))
                out += "<path fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"\(Int(frame.units(1.4).rounded()))\" stroke-linejoin=\"round\" d=\"\(d)\">\(titleTag)</path>"
            }
        }
        return (out + "</g>", aggregation.groups.count, inside.count)
    }

    private func scaleBar(frame: MapFrame) -> String {
        let bar = ScaleBar(mapWidthMetres: frame.box.width)
        let length = Int(frame.units(bar.metres * frame.scale).rounded())
        let x = Int(frame.units(10)), y = frame.viewHeight - Int(frame.units(12))
        let h = Int(frame.units(4)), font = Int(frame.units(11))
        return "<g><rect x=\"\(x)\" y=\"\(y)\" width=\"\(length)\" height=\"\(h)\" fill=\"#1a1a1a\"/>"
            + "<rect x=\"\(x + length / 2)\" y=\"\(y)\" width=\"\(length - length / 2)\" height=\"\(h)\" fill=\"#ffffff\" stroke=\"#1a1a1a\" stroke-width=\"\(Int(frame.units(0.8)))\"/>"
            + "<text x=\"\(x)\" y=\"\(y - Int(frame.units(3)))\" font-size=\"\(font)\" fill=\"#1a1a1a\">\(bar.label)</text></g>"
    }
}

/// A GP site to draw: where, how many GPs (symbol area), which kind (symbol shape) and its hover text.
public struct MapSite: Sendable, Hashable {
    /// Where the site is, in metres in ``crs``.
    public var point: ProjectedPoint
    /// The projected CRS of ``point``, which picks the panel it is drawn on.
    public var crs: CRS
    /// GPs at the site (symbol area ∝ GPs).
    public var gps: Double
    /// Kind of site (symbol shape).
    public var kind: SiteKind
    /// Hover text (plain text; escaped when drawn).
    public var label: String

    /// Creates a site from its parts.
    public init(point: ProjectedPoint, crs: CRS, gps: Double, kind: SiteKind = .practice, label: String) {
        self.point = point
        self.crs = crs
        self.gps = gps
        self.kind = kind
        self.label = label
    }
}
