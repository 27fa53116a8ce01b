using ECms.Reports.Model;

namespace ECms.Reports.Bundle;

/// <summary>
/// <c>manifest.json</c>: every artifact of the run with its SHA-256 and size, and what run it was. Holds no clock
/// reading of its own, so writing the same report twice gives the same bundle, byte for byte.
/// </summary>
public sealed record BundleManifest
{
    public const string CurrentFormat = "ecms-evidence-bundle/1";

    public string Format { get; init; } = CurrentFormat;

    /// <summary>The renderer that wrote the bundle; re-rendering is only comparable with the same one.</summary>
    public required string Generator { get; init; }

    public required SuiteInfo Suite { get; init; }

    public ProfileInfo? Profile { get; init; }

    public SutInfo? Sut { get; init; }

    public RunVerdict Verdict { get; init; }

    public DateTimeOffset? Started { get; init; }

    public DateTimeOffset? Finished { get; init; }

    public bool Redacted { get; init; }

    public IReadOnlyList<ManifestArtifact> Artifacts { get; init; } = [];
}
