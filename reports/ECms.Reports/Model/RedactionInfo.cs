namespace ECms.Reports.Model;

/// <summary>What was redacted from a report meant for sharing outside the agency.</summary>
public sealed record RedactionInfo
{
    /// <summary>Element names whose content was replaced.</summary>
    public IReadOnlyList<string> Elements { get; init; } = [];

    /// <summary>True when base64 payloads (the letters themselves) were replaced by their size and hash.</summary>
    public bool PayloadsElided { get; init; }
}
