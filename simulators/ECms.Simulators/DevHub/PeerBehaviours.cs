using ECms.Simulators.Peer;

namespace ECms.Simulators.DevHub;

/// <summary>The simulated peer behaviours an agencies file or the admin API can name.</summary>
internal static class PeerBehaviours
{
    private static readonly Dictionary<string, PeerBehaviour> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["passive"] = PeerBehaviour.Passive,
        ["cooperative"] = PeerBehaviour.Cooperative,
        ["rejecting"] = PeerBehaviour.Rejecting,
        ["reporting-invalid"] = PeerBehaviour.ReportingInvalid,
    };

    public static IEnumerable<string> Names => ByName.Keys;

    public static PeerBehaviour? Find(string name) => ByName.GetValueOrDefault(name);
}
