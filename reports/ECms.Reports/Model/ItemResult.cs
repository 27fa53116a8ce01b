using System.Text.Json.Serialization;

namespace ECms.Reports.Model;

/// <summary>The verdict on one checklist item (A1…F7) with what was expected, what happened and the evidence.</summary>
public sealed record ItemResult
{
    /// <summary>Checklist ID, e.g. <c>C13</c>.</summary>
    public required string Id { get; init; }

    public LocalizedText? Title { get; init; }

    public RequirementLevel Level { get; init; } = RequirementLevel.Must;

    /// <summary>Checklist role: <c>S</c> (sender), <c>R</c> (receiver), <c>S/R</c>, <c>D</c> (directory).</summary>
    public string? Role { get; init; }

    public required Verdict Verdict { get; init; }

    /// <summary>Spec rule IDs (<c>R-ENV-3</c>) and sections (<c>§6.2</c>) the item checks.</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];

    /// <summary>The outcome in one sentence; for NotApplicable/NotTested, the reason.</summary>
    public string? Message { get; init; }

    public string? Expected { get; init; }

    public string? Actual { get; init; }

    /// <summary>The likely fix, for the vendor who reads a failure.</summary>
    public string? Hint { get; init; }

    public IReadOnlyList<FindingRecord> Findings { get; init; } = [];

    /// <summary>IDs of the exchanges (journal entries) that show what happened.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>Checklist group (<c>A</c>…<c>F</c>); derived from the ID when absent.</summary>
    public string? Group { get; init; }

    public long? DurationMs { get; init; }

    [JsonIgnore]
    public string GroupOrDefault => Group ?? ChecklistOrder.GroupOf(Id);
}
