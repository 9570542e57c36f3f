/// Road networks for drive times: OSM readers, the car graph, snapping and shortest paths (issue 4, in progress).
public enum CareNetwork {}
