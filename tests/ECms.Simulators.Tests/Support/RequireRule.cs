using ECms.Protocol.Rules;

namespace ECms.Simulators.Tests.Support;

/// <summary>
/// Tests of the hub's reaction to a finding that only a catalogue rule produces (the hub adds no check of its own
/// there) need that rule; they are inconclusive, not failed, while the rule catalogue lacks it.
/// </summary>
public static class RequireRule
{
    public static void InCatalogue(params string[] ruleIds)
    {
        foreach (var id in ruleIds)
        {
            Assume.That(RuleCatalog.Find(id), Is.Not.Null, $"Rule {id} is not in RuleCatalog.All yet.");
        }
    }
}
