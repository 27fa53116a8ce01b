namespace ECms.Reports.Bundle;

/// <summary>What verify found for one file: expected (from the manifest) against actual (on disk).</summary>
public sealed record ArtifactCheck(
    string Path,
    ArtifactStatus Status,
    string? ExpectedSha256,
    string? ActualSha256,
    long? ExpectedSize,
    long? ActualSize);
