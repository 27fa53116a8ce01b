using System.Buffers;
using ECms.Protocol.Messages;
using ECms.Simulators.Journal;
using ECms.Simulators.Persistence;

namespace ECms.Simulators.Hub;

/// <summary>
/// Persistence: every change a request makes is handed to the store inside the same hold of the state lock that
/// decided it, as one transaction. A write the store refuses becomes E900 for the client, and the hub's memory is
/// restored from the store, so the refused change is gone from both. The journal is stored as exchanges complete.
/// </summary>
public sealed partial class FakeHub
{
    private readonly IHubStore _store;
    private long _journalStoreFailures;

    /// <summary>Where the state is kept: "in memory" or the full path of the SQLite file.</summary>
    public string StorageLocation => _store.Location;

    /// <summary>Exchanges the store failed to journal (state changes never fail silently; this counts the evidence that did).</summary>
    public long JournalStoreFailures => Interlocked.Read(ref _journalStoreFailures);

    /// <summary>The last journal write failure, for the monitor's banner.</summary>
    public string? LastJournalStoreFailure { get; private set; }

    private static IHubStore OpenStore(FakeHubOptions options) =>
        options.DataFile is { } file
            ? SqliteHubStore.Open(file, options.StoreBusyTimeout, options.MaxStoredBodyBytes)
            : InMemoryHubStore.Instance;

    /// <summary>Loads the stored state and agencies, and starts journalling into the store.</summary>
    private void Restore()
    {
        var snapshot = _store.Load();
        lock (_state.Gate)
        {
            _state.Restore(snapshot);
        }

        foreach (var agency in snapshot.Agencies)
        {
            Connect(agency, persist: false);
        }

        PruneJournalAtStart();
        Journal.Appended = StoreExchange;
    }

    /// <summary>Writes the changes of the request being served through to the store; the caller holds the state lock.</summary>
    private LetterLink? WriteThrough(EcmsRequest? request = null)
    {
        var changes = _state.TakeChanges();
        try
        {
            _store.Commit(changes);
        }
        catch (HubStoreException)
        {
            // Memory already holds the change; the store (and so the client's answer) does not. Forget it.
            _state.Restore(_store.Load());
            throw;
        }

        return changes.Letter is { } letter
            ? new LetterLink(letter.SubmissionProcessId, letter.Key.LetterId, letter.Key.CorrespondenceDate)
            : LetterLink.FromRequest(request);
    }

    private void StoreExchange(JournalEntry entry)
    {
        try
        {
            _store.AppendExchange(entry);
        }
        catch (Exception ex) when (ex is HubStoreException or ObjectDisposedException)
        {
            // The exchange is answered already and lives in the in-memory journal; count the gap, show it on the monitor.
            Interlocked.Increment(ref _journalStoreFailures);
            LastJournalStoreFailure = $"#{entry.Sequence}: {ex.Message}";
        }

        // Also after a failed write: on a full disk, pruning frees pages the next writes can reuse.
        PruneJournalWhenDue();
    }

    /// <summary>The exchanges about a letter, oldest first: from the store (surviving restarts) or the live journal.</summary>
    internal IReadOnlyList<StoredExchange> ExchangesOf(HubLetterView letter) =>
        _store.ExchangesOf(letter) ?? Journal.Where(e => Concerns(e, letter)).Select(ToStored).ToArray();

    /// <summary>Stops serving without closing the store, as a killed process would leave it (tests only).</summary>
    internal void Abandon()
    {
        Interlocked.Exchange(ref _disposed, 1);
        Journal.Appended = null;
        _server.Stop();
        _server.Dispose();
    }

    private static bool Concerns(JournalEntry entry, HubLetterView letter) =>
        entry.Link is { } link
        && (link.LetterProcessId == letter.SubmissionProcessId
            || (link.LetterProcessId is null && link.LetterId == letter.Key.LetterId && link.CorrespondenceDate == letter.Key.CorrespondenceDate
                && (entry.OrganizationId == letter.Key.SenderOrganizationId || entry.OrganizationId == letter.Key.ReceiverOrganizationId)));

    private static StoredExchange ToStored(JournalEntry entry) => new(
        entry.Sequence,
        entry.OrganizationId,
        entry.Operation.ToString(),
        entry.Outcome.ToString(),
        entry.StatusCode,
        entry.ReceivedAt,
        entry.RespondedAt,
        entry.Problem,
        entry.Errors,
        entry.Findings,
        entry.RequestBody.ToArray(),
        entry.RequestBody.Length,
        entry.ResponseBody.ToArray(),
        entry.ResponseBody.Length);
}
