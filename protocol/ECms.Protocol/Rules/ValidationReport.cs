using ECms.Protocol.Messages;

namespace ECms.Protocol.Rules;

/// <summary>The findings of every applicable rule on one message.</summary>
public sealed record ValidationReport(Operation Operation, EcmsRequest? Request, IReadOnlyList<Finding> Findings)
{
    /// <summary>Valid = no MUST finding; SHOULD and INFO findings do not make a message invalid.</summary>
    public bool IsValid => !Findings.Any(f => f.Level == RuleLevel.Must);

    public IEnumerable<Finding> Of(RuleLevel level) => Findings.Where(f => f.Level == level);

    public bool Has(string ruleId) => Findings.Any(f => f.RuleId == ruleId);
}
