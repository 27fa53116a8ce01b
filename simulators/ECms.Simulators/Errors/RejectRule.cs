using ECms.Protocol.Rules;

namespace ECms.Simulators.Errors;

/// <summary>
/// One row of the <see cref="RejectPolicy"/> table: a rule ID, optionally narrowed to findings whose path contains
/// <see cref="PathContains"/> or ends with <see cref="PathEndsWith"/> (one rule often checks several things), the error
/// it maps to, and whether a lenient hub refuses on it too.
/// </summary>
public sealed record RejectRule(string RuleId, HubErrorKind Error, bool RejectsWhenLenient, string? PathContains = null)
{
    public string? PathEndsWith { get; init; }

    public bool Matches(Finding finding) =>
        string.Equals(finding.RuleId, RuleId, StringComparison.Ordinal)
        && (PathContains is null || finding.Path.Contains(PathContains, StringComparison.Ordinal))
        && (PathEndsWith is null || finding.Path.EndsWith(PathEndsWith, StringComparison.Ordinal));
}
