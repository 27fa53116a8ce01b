using ECms.Simulators.Hub;

namespace ECms.Simulators.Persistence;

/// <summary>Everything a store holds, as live hub objects: agencies in registration order, letters and items in creation order.</summary>
internal sealed record HubSnapshot(
    long LastId,
    IReadOnlyList<AgencyRegistration> Agencies,
    IReadOnlyList<HubLetter> Letters,
    IReadOnlyList<QueueEntry> Items,
    IReadOnlyList<(string OrganizationId, string MessageId)> SeenMessageIds)
{
    public static HubSnapshot Empty { get; } = new(0, [], [], [], []);
}
