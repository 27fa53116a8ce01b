namespace ECms.Reports.Redaction;

/// <summary>What to take out of a report before it leaves the agency.</summary>
public sealed record RedactionOptions
{
    /// <summary>The personal-data elements of a letter (spec §3.1): signer and receiver names and positions.</summary>
    public static IReadOnlyList<string> PersonalDataElements { get; } = ["GivenName", "FamilyName", "JobTitle"];

    public static RedactionOptions Default { get; } = new();

    /// <summary>Local names of the elements whose text is replaced, in any namespace and with any prefix.</summary>
    public IReadOnlyList<string> Elements { get; init; } = PersonalDataElements;

    /// <summary>
    /// Also replace base64 payloads (the cover letter and enclosures) by their size and SHA-256: the letter itself
    /// carries the same names, so redacting only the XML fields would leak them through the PDF.
    /// </summary>
    public bool ElidePayloads { get; init; } = true;

    public string Replacement { get; init; } = "[redacted]";

    /// <summary>Shorter values are not swept from free text: a one-letter "name" would shred every message.</summary>
    public int MinimumSweepLength { get; init; } = 2;
}
