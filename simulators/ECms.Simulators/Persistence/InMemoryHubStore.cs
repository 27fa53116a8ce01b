using ECms.Protocol.Rules;
using ECms.Simulators.Hub;
using ECms.Simulators.Journal;

namespace ECms.Simulators.Persistence;

/// <summary>The default: the hub's own memory is the only copy, as the conformance suite wants (nothing to clean up).</summary>
internal sealed class InMemoryHubStore : IHubStore
{
    public static InMemoryHubStore Instance { get; } = new();

    public string Location => "in memory";

    public HubSnapshot Load() => HubSnapshot.Empty;

    public void Commit(HubChangeSet changes)
    {
    }

    public void SaveAgency(AgencyRegistration agency)
    {
    }

    public void AppendExchange(JournalEntry entry)
    {
    }

    public StoredSettings LoadSettings() => StoredSettings.None;

    public void SaveStrictness(ValidationProfile strictness)
    {
    }

    public void SaveClockOffset(TimeSpan offset)
    {
    }

    public void SaveFaults(IReadOnlyList<StoredFault> faults)
    {
    }

    public void ForgetSettings()
    {
    }

    public int PruneJournal(DateTimeOffset? receivedBefore, int? keepNewest, int batchSize) => 0;

    public IReadOnlyList<StoredExchange>? ExchangesOf(HubLetterView letter) => null;

    public void Dispose()
    {
    }
}
