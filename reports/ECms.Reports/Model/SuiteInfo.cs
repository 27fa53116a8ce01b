namespace ECms.Reports.Model;

/// <summary>The conformance suite that produced the run, and the protocol reference it checks against.</summary>
public sealed record SuiteInfo
{
    public required string Name { get; init; }

    public required string Version { get; init; }

    /// <summary>Version of the e-CMS protocol reference and checklist the suite implements.</summary>
    public string? SpecVersion { get; init; }
}
