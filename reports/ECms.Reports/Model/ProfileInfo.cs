namespace ECms.Reports.Model;

/// <summary>The run profile, as far as a reader of the report needs it.</summary>
public sealed record ProfileInfo
{
    public required string Name { get; init; }

    /// <summary>The profile file as given on the command line.</summary>
    public string? Path { get; init; }

    /// <summary>SHA-256 of the profile file, so a reader can tell which exact profile ran.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Hub strictness (<c>strict</c> or <c>lenient</c>).</summary>
    public string? HubStrictness { get; init; }
}
