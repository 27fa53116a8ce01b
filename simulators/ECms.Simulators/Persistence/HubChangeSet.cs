using ECms.Simulators.Hub;

namespace ECms.Simulators.Persistence;

/// <summary>What one request (or one harness injection) changed in the hub state: the unit a store writes in one transaction.</summary>
internal sealed class HubChangeSet
{
    public List<HubLetter> NewLetters { get; } = [];
    public HashSet<HubLetter> ChangedLetters { get; } = new(ReferenceEqualityComparer.Instance);
    public List<QueueEntry> NewItems { get; } = [];
    public HashSet<QueueEntry> ChangedItems { get; } = new(ReferenceEqualityComparer.Instance);
    public List<(string OrganizationId, string MessageId)> SeenMessageIds { get; } = [];
    public bool IdsUsed { get; set; }
    public long LastId { get; set; }

    public bool IsEmpty =>
        NewLetters.Count == 0 && ChangedLetters.Count == 0 && NewItems.Count == 0 && ChangedItems.Count == 0
        && SeenMessageIds.Count == 0 && !IdsUsed;

    /// <summary>The letter the change concerns, for linking the journal entry to it (the monitor's exchanges of a letter).</summary>
    public HubLetter? Letter =>
        NewLetters.FirstOrDefault()
        ?? ChangedLetters.FirstOrDefault()
        ?? NewItems.Select(i => i.Letter).FirstOrDefault(l => l is not null)
        ?? ChangedItems.Select(i => i.Letter).FirstOrDefault(l => l is not null);
}
