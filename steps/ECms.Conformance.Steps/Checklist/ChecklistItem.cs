using ECms.Reports.Model;

namespace ECms.Conformance.Steps.Checklist;

/// <summary>One row of features/checklist.csv: a checklist item as a certifier reads it.</summary>
public sealed record ChecklistItem(
    string Id,
    string TitleTh,
    string TitleEn,
    RequirementLevel Level,
    string Role,
    IReadOnlyList<string> Rules,
    IReadOnlyList<string> ManualSections,
    string? NotTestedReason)
{
    public LocalizedText Title => new(TitleTh, TitleEn);
}
