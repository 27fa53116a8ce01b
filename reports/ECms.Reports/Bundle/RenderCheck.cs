namespace ECms.Reports.Bundle;

/// <summary>Whether a rendered artifact is exactly what report.json renders to today.</summary>
public sealed record RenderCheck(string Path, RenderCheckStatus Status, string? Note = null);
