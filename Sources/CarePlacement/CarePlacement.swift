/// Placement of new sites (issue 5, in progress).
public enum CarePlacement {}
