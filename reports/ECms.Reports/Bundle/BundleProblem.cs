namespace ECms.Reports.Bundle;

/// <summary>One reason a bundle is not intact, as a sentence a CLI can print.</summary>
public sealed record BundleProblem(BundleProblemKind Kind, string? Path, string Message)
{
    public override string ToString() => Path is null ? $"{Kind}: {Message}" : $"{Kind} {Path}: {Message}";
}
