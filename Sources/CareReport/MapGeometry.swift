import CareIO
import CareStudy
import CareGeo
import CareModel

/// What a map draws where, before any colour: its panels (main, overseas insets) with their frames, and per
/// panel the outlines of the studied communes and of the grey neighbouring communes.
///
/// At a coarse scale the stored boundaries hold more detail than a pixel shows (a national map is about
/// 1.6 km per pixel, the stored detail 100 m): the outlines of a panel are then simplified together, studied
/// and neighbouring communes at once, with ``BoundarySimplifier`` at half a screen pixel in metres, so that
/// common borders stay common and nothing crosses. A panel whose half pixel is no coarser than
/// ``SVGMap/storedDetail`` draws the stored boundaries as they are.
///
/// Building it is the costly part of a map: maps of the same communes at the same size share one
/// (``SVGMap/geometry``), e.g. the maps of a scenario report or the small multiples of a comparison.
///
/// ```swift
/// var first = SVGMap(territory: t, studied: ids, fills: a, tooltips: ta)
/// first.geometry = first.makeGeometry()
/// var second = SVGMap(territory: t, studied: ids, fills: b, tooltips: tb)
/// second.geometry = first.geometry           // same communes and size: simplified once
/// ```
/// Complexity: O(V log V) for the V boundary vertices of a simplified panel, O(communes) otherwise.
public struct MapGeometry: Sendable {
    /// One panel: its layout, the outlines of its studied communes (parallel to `layout.members`, `nil`
    /// without a boundary) and of its neighbouring communes.
    struct PanelGeometry: Sendable {
        var layout: SVGMap.Layout
        var memberShapes: [MultiPolygon?]
        /// Territory indices of the neighbouring communes drawn grey, with their outlines.
        var context: [Int]
        var contextShapes: [MultiPolygon]
        /// Douglas–Peucker tolerance in metres and what it did, when the panel was simplified for drawing.
        var tolerance: Double?
        var report: SimplificationReport?
    }

    /// What the geometry was made for (``fits(_:)``).
    let studied: [Int]
    let territoryCount: Int
    let width: Double
    let maxHeight: Double
    let storedDetail: Double
    var panels: [PanelGeometry]

    /// The drawing simplification summed over the simplified panels; `nil` when every panel draws the
    /// stored boundaries.
    public var simplification: SimplificationReport? {
        let reports = panels.compactMap(\.report)
        return reports.isEmpty ? nil : reports.dropFirst().reduce(reports[0]) { $0.adding($1) }
    }

    /// Whether this geometry was made for `map`'s communes, size and detail (the territory is assumed the same
    /// when it has as many communes).
    func fits(_ map: SVGMap) -> Bool {
        studied == map.studied && territoryCount == map.territory.count && width == map.width
            && maxHeight == map.maxHeight && storedDetail == map.storedDetail
    }
}

extension SVGMap {
    /// The panels and their outlines, simplified for drawing where the scale calls for it (see
    /// ``MapGeometry``). Share the result with maps of the same communes and size through ``geometry``.
    ///
    /// ```swift
    /// let g = map.makeGeometry()
    /// g.simplification?.verticesAfter   // vertices kept by the drawing simplification, if any
    /// ```
    /// Complexity: see ``MapGeometry``.
    public func makeGeometry() -> MapGeometry {
        let studiedSet = Set(studied)
        let panels = layouts().map { layout -> MapGeometry.PanelGeometry in
            var members = layout.members.map { territory.boundary(at: studied[$0]) }
            var context: [Int] = []
            var contextShapes: [MultiPolygon] = []
            if territory.boundaries != nil {
                for i in territory.communes.indices where !studiedSet.contains(i) && territory.communes[i].crs == layout.crs {
                    guard let shape = territory.boundary(at: i), let b = shape.boundingBox, layout.frame.overlaps(b) else { continue }
                    context.append(i)
                    contextShapes.append(shape)
                }
            }
            let tolerance = Self.drawingTolerance(frame: layout.frame)
            guard territory.boundaries != nil, tolerance > storedDetail else {
                return .init(layout: layout, memberShapes: members, context: context, contextShapes: contextShapes)
            }
            let result = BoundarySimplifier(tolerance: tolerance).simplify(members + contextShapes.map(Optional.some))
            // A shape with nothing valid left keeps its stored outline (never happens for a valid ring: the
            // simplifier keeps each shape's largest part).
            for k in members.indices { members[k] = result.shapes[k] ?? members[k] }
            for k in contextShapes.indices { contextShapes[k] = result.shapes[members.count + k] ?? contextShapes[k] }
            return .init(layout: layout, memberShapes: members, context: context, contextShapes: contextShapes,
                         tolerance: tolerance, report: result.report)
        }
        return MapGeometry(studied: studied, territoryCount: territory.count, width: width, maxHeight: maxHeight,
                           storedDetail: storedDetail, panels: panels)
    }

    /// Half a screen pixel in metres at `frame`'s scale: the tolerance below which a simplification cannot
    /// be seen (coordinates are rounded to half a pixel anyway).
    static func drawingTolerance(frame: MapFrame) -> Double {
        0.5 / frame.scale
    }
}
