using System.Text;

namespace ECms.Reports.Bundle;

/// <summary>
/// The outcome of <see cref="EvidenceBundle.Verify"/>: every file's check, every re-render check, and the problems.
/// <see cref="ExitCode"/> is what <c>ecms-conformance verify</c> returns; <see cref="ToString"/> is what it prints.
/// </summary>
public sealed record BundleVerification
{
    public required string Directory { get; init; }

    public BundleManifest? Manifest { get; init; }

    /// <summary>SHA-256 of manifest.json itself: compare it with the value published with the report.</summary>
    public string? ManifestSha256 { get; init; }

    public IReadOnlyList<ArtifactCheck> Artifacts { get; init; } = [];

    public IReadOnlyList<RenderCheck> Renders { get; init; } = [];

    public IReadOnlyList<BundleProblem> Problems { get; init; } = [];

    public bool IsIntact => Problems.Count == 0;

    public int ExitCode => IsIntact ? 0 : 1;

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(IsIntact ? "INTACT" : "NOT INTACT").Append(": ").Append(Directory).Append('\n');
        if (ManifestSha256 is not null)
        {
            text.Append("  manifest.json sha256 ").Append(ManifestSha256).Append('\n');
        }

        foreach (var artifact in Artifacts)
        {
            text.Append("  ").Append(artifact.Status.ToString().ToUpperInvariant().PadRight(9)).Append(artifact.Path);
            if (artifact.Status == ArtifactStatus.Intact)
            {
                text.Append("  sha256 ").Append(artifact.ActualSha256);
            }

            text.Append('\n');
        }

        foreach (var render in Renders)
        {
            text.Append("  RENDER   ").Append(render.Path).Append(' ').Append(render.Status);
            if (render.Note is not null)
            {
                text.Append(" (").Append(render.Note).Append(')');
            }

            text.Append('\n');
        }

        foreach (var problem in Problems)
        {
            text.Append("  problem: ").Append(problem).Append('\n');
        }

        return text.ToString();
    }
}
