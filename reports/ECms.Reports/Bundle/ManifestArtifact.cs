namespace ECms.Reports.Bundle;

/// <summary>One file of the bundle: its name relative to the bundle directory, SHA-256 (hex) and size in bytes.</summary>
public sealed record ManifestArtifact(string Path, string Sha256, long Size, string MediaType);
