using ECms.Protocol.Rules;

namespace ECms.Simulators.Tests.Support;

/// <summary>
/// Tests of the hub's reaction to a finding that only a catalogue rule produces (the hub adds no check of its own
/// there) need that rule. Every such rule is in the catalogue now, so a missing one is a regression: the test fails
/// saying which rule went missing, rather than turning inconclusive and counting as skipped.
/// </summary>
public static class RequireRule
{
    public static void InCatalogue(params string[] ruleIds)
    {
        foreach (var id in ruleIds)
        {
            Assert.That(RuleCatalog.Find(id), Is.Not.Null, $"Rule {id} is not in RuleCatalog.All; the hub's reaction to it cannot be tested.");
        }
    }
}
