import CareIO
import CareStudy
import CareGeo
import CareModel

/// A dense metropolitan area shown again, enlarged, beside the main panel of a map: Paris and its inner
/// suburbs (75, 92, 93, 94), Lyon, Marseille. Its window is the box of its anchor communes' outlines (their
/// points without boundaries) widened by ``margin`` metres, in the main panel's CRS (Lambert-93).
///
/// A zoom is drawn only when the study holds at least a quarter of its anchor communes (and at least one:
/// a national APL study leaves Paris out for its supply gap but holds its suburbs, and the zoom shows
/// Paris grey) and
/// the window is small on the main panel: narrower than a third of the zoom's own width, so the zoom
/// enlarges at least three times. A one-département study such as Ardèche gets none.
///
/// ```swift
/// ZoomArea.all.map(\.id)   // ["paris", "lyon", "marseille"]
/// ```
public struct ZoomArea: Sendable, Hashable {
    /// Short identifier, written as `data-zoom` on the panel.
    public var id: String
    /// The caption's label.
    public var label: ReportLabels.Key
    /// Commune codes, or code prefixes, of the anchor communes.
    public var anchors: [String]
    /// Room around the anchors, in metres.
    public var margin: Double

    /// Paris and the petite couronne, Lyon (commune and arrondissements), Marseille.
    public static let all: [ZoomArea] = [
        ZoomArea(id: "paris", label: .zoomParis, anchors: ["75", "92", "93", "94"], margin: 1_500),
        ZoomArea(id: "lyon", label: .zoomLyon, anchors: ["69123", "6938"], margin: 9_000),
        ZoomArea(id: "marseille", label: .zoomMarseille, anchors: ["13055", "132"], margin: 6_000),
    ]

    /// Whether the commune `code` is an anchor.
    func isAnchor(_ code: String) -> Bool { anchors.contains { code.hasPrefix($0) } }

    /// The window of the zoom in `territory`, when the studied communes (territory indices) hold enough of its
    /// anchors in `crs`.
    func window(territory: Territory, studied: Set<Int>, crs: CRS) -> BoundingBox? {
        var box: BoundingBox?
        var anchorCount = 0, studiedCount = 0
        for (i, c) in territory.communes.enumerated() where c.crs == crs && isAnchor(c.code) {
            anchorCount += 1
            if studied.contains(i) { studiedCount += 1 }
            if let b = territory.extent(of: i) { box = box.map { $0.union(b) } ?? b }
        }
        guard let box, studiedCount > 0, 4 * studiedCount >= anchorCount else { return nil }
        return box.expanded(by: margin)
    }
}
