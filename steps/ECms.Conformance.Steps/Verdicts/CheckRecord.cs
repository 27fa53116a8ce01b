using ECms.Protocol.Rules;
using ECms.Reports.Model;

namespace ECms.Conformance.Steps.Verdicts;

/// <summary>One check a scenario made: its outcome in the report vocabulary, what was expected and seen, and the evidence.</summary>
public sealed record CheckRecord(
    Verdict Outcome,
    string Message,
    string? Expected,
    string? Actual,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<EvidenceRef> Evidence);
