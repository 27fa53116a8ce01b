namespace ECms.Reports.Model;

/// <summary>A text in Thai and in English; either may be missing in a report written by an older suite.</summary>
public sealed record LocalizedText(string? Th = null, string? En = null)
{
    public override string ToString() => En ?? Th ?? "";
}
