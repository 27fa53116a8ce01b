using ECms.Protocol.Rules;
using Shouldly;

namespace ECms.Protocol.Tests.Rules;

internal static class RuleCaseAssertions
{
    /// <summary>
    /// The report holds what the case expects of its rule — a finding with that level and path (and value, when the
    /// table gives one), or no finding of the rule at all — and every finding of the rule is a bilingual sentence.
    /// </summary>
    public static void ShouldSatisfy(this ValidationReport report, RuleCase expected)
    {
        var all = report.Findings.Count == 0 ? "(no findings)" : string.Join(Environment.NewLine, report.Findings);
        var ofRule = report.Findings.Where(f => f.RuleId == expected.RuleId).ToList();
        if (expected.Level is null)
        {
            ofRule.ShouldBeEmpty(all);
            return;
        }

        ofRule.ShouldContain(
            f => f.Level == expected.Level && f.Path == expected.Path && (expected.Value == null || f.Value == expected.Value),
            $"Expected {expected.RuleId} [{expected.Level}] at {expected.Path}{(expected.Value is null ? "" : $" with \"{expected.Value}\"")}; got:{Environment.NewLine}{all}");
        foreach (var finding in ofRule)
        {
            finding.MessageTh.ShouldContain(c => c >= '\u0E01' && c <= '\u0E5B', $"Thai message: {finding.MessageTh}");
            finding.MessageEn.ShouldNotBeNullOrWhiteSpace();
            finding.MessageEn.TrimEnd().ShouldEndWith(".", customMessage: $"English message must be a sentence: {finding.MessageEn}");
        }
    }
}
