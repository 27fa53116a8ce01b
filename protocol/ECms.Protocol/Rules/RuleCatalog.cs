using ECms.Protocol.Rules.Envelope;

namespace ECms.Protocol.Rules;

/// <summary>Every rule of spec §7, in spec order.</summary>
public static class RuleCatalog
{
    public static IReadOnlyList<Rule> All { get; } =
    [
        new WellFormedSoap11Envelope(),
    ];

    public static Rule? Find(string id) => All.FirstOrDefault(r => r.Id == id);
}
