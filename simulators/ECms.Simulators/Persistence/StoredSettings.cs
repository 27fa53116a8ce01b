using ECms.Protocol.Rules;
using ECms.Simulators.Faults;

namespace ECms.Simulators.Persistence;

/// <summary>
/// The run-time settings a data file keeps for the next start: strictness and clock offset as last set (null = never
/// set at run time), and the injected faults as they stood — each with when it was injected (its window runs from
/// then, in hub time) and how often it has answered (what is left of its count).
/// </summary>
internal sealed record StoredSettings(ValidationProfile? Strictness, TimeSpan? ClockOffset, IReadOnlyList<StoredFault> Faults)
{
    public static StoredSettings None { get; } = new(null, null, []);
}

/// <summary>An injected fault as the store keeps it.</summary>
internal sealed record StoredFault(HubFault Fault, DateTimeOffset InjectedAt, int Hits)
{
    public static StoredFault Of(FaultHandle handle) => new(handle.Fault, handle.InjectedAt, handle.Hits);
}
