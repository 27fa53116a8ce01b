namespace ECms.Reports.Model;

/// <summary>An expected deviation of the profile and what became of it; one that no longer fails is reported.</summary>
public sealed record DeviationOutcome
{
    public required string Id { get; init; }

    public string? Reason { get; init; }

    public bool StillFails { get; init; }
}
