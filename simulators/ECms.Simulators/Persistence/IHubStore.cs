using ECms.Protocol.Rules;
using ECms.Simulators.Hub;
using ECms.Simulators.Journal;

namespace ECms.Simulators.Persistence;

/// <summary>
/// Where the hub's state goes through. <see cref="Commit"/> runs inside the hub's state lock, one transaction per
/// request: it throws when the change could not be kept, and the hub then answers E900 and restores its memory from
/// <see cref="Load"/> — a change is either kept and acknowledged, or refused and forgotten, never silently lost.
/// </summary>
internal interface IHubStore : IDisposable
{
    /// <summary>A description for start-up messages and the monitor ("in memory", the file path).</summary>
    string Location { get; }

    HubSnapshot Load();

    void Commit(HubChangeSet changes);

    void SaveAgency(AgencyRegistration agency);

    void AppendExchange(JournalEntry entry);

    /// <summary>What the last run left of the run-time settings; <see cref="StoredSettings.None"/> when nothing.</summary>
    StoredSettings LoadSettings();

    void SaveStrictness(ValidationProfile strictness);

    void SaveClockOffset(TimeSpan offset);

    /// <summary>Replaces the stored faults with these, in this order.</summary>
    void SaveFaults(IReadOnlyList<StoredFault> faults);

    /// <summary>Drops the stored strictness, clock offset and faults (a start that asks for the options' settings).</summary>
    void ForgetSettings();

    /// <summary>
    /// Removes up to <paramref name="batchSize"/> stored exchanges, oldest first, that are beyond the newest
    /// <paramref name="keepNewest"/> or were received before <paramref name="receivedBefore"/>, in one short transaction;
    /// returns how many. Only the journal: never letters or queue items.
    /// </summary>
    int PruneJournal(DateTimeOffset? receivedBefore, int? keepNewest, int batchSize);

    /// <summary>The stored exchanges about a letter, oldest first; null when this store keeps no journal (read the live one).</summary>
    IReadOnlyList<StoredExchange>? ExchangesOf(HubLetterView letter);
}
