using ECms.Reports.Model;

namespace ECms.Conformance.Steps.Verdicts;

/// <summary>What a scenario's tags say (features/README.md): its checklist item, level, roles and modes.</summary>
public sealed record ScenarioTags(string? ItemId, RequirementLevel Level, IReadOnlyList<string> Roles, bool ManualCapable, bool ManualOnly)
{
    public const string RequirementPrefix = "req:";
    public const string RolePrefix = "role:";

    /// <param name="tags">Tags with or without the leading '@'.</param>
    public static ScenarioTags From(IEnumerable<string> tags)
    {
        var bare = tags.Select(t => t.TrimStart('@')).ToArray();
        var items = bare.Where(t => t.StartsWith(RequirementPrefix, StringComparison.Ordinal)).Select(t => t[RequirementPrefix.Length..]).Distinct().ToArray();
        return new ScenarioTags(
            items.Length == 1 ? items[0] : null,
            bare.Contains("should") ? RequirementLevel.Should : RequirementLevel.Must,
            bare.Where(t => t.StartsWith(RolePrefix, StringComparison.Ordinal)).Select(t => t[RolePrefix.Length..]).ToArray(),
            bare.Contains("manual-capable"),
            bare.Contains("manual-only"))
        {
            RequirementTagCount = bare.Count(t => t.StartsWith(RequirementPrefix, StringComparison.Ordinal)),
        };
    }

    /// <summary>How many @req tags the scenario carries (exactly one is right).</summary>
    public int RequirementTagCount { get; init; }
}
