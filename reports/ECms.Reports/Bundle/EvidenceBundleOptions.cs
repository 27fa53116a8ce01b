using ECms.Reports.Redaction;

namespace ECms.Reports.Bundle;

public sealed record EvidenceBundleOptions
{
    public static EvidenceBundleOptions Default { get; } = new();

    /// <summary>For sharing outside the agency: names, positions and payloads redacted, original hashes kept.</summary>
    public static EvidenceBundleOptions Redacted { get; } = new() { Redaction = RedactionOptions.Default };

    /// <summary>Null keeps the evidence as recorded.</summary>
    public RedactionOptions? Redaction { get; init; }
}
