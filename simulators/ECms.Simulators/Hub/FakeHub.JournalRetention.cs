using System.Diagnostics;
using ECms.Simulators.Persistence;

namespace ECms.Simulators.Hub;

/// <summary>
/// Retention of the stored journal (<see cref="FakeHubOptions.JournalRetention"/>), so a long-running dev hub does not
/// grow without bound: pruned at start, then in the background every <c>JournalPruneEveryExchanges</c> stored exchanges
/// or an hour after the last prune. Each batch is one short transaction (its size adapts to about 10 ms), and the
/// background prune pauses as long as each batch took, so a request waiting to commit is held up by about one batch.
/// Only journal history goes; letters and queue items are state and stay.
/// </summary>
public sealed partial class FakeHub
{
    // A batch of small exchanges takes about a millisecond; one of exchanges with 256 KB bodies must free hundreds of
    // pages per row (about 100 ms for 200 rows on the project's machine), so the size adapts to stay near the target.
    private const int PruneBatchMax = 200;
    private const int PruneBatchMin = 4;
    private static readonly TimeSpan PruneBatchTarget = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    private int _exchangesSincePrune;
    private long _lastPruneTicks;
    private int _pruning;
    private long _prunedExchanges;
    private Task _pruneTask = Task.CompletedTask;

    /// <summary>Stored exchanges removed by retention since this hub started, those at start included.</summary>
    public long PrunedExchanges => Interlocked.Read(ref _prunedExchanges);

    /// <summary>Stored exchanges removed by retention when this hub started.</summary>
    public long PrunedAtStart { get; private set; }

    internal string? LastJournalPruneFailure { get; private set; }

    /// <summary>The background prune in progress, or the last one (tests wait on it).</summary>
    internal Task JournalPruning => Volatile.Read(ref _pruneTask);

    private bool RetainsJournal => Options.DataFile is not null && !Options.JournalRetention.IsUnlimited;

    private void PruneJournalAtStart()
    {
        if (!RetainsJournal)
        {
            return;
        }

        Volatile.Write(ref _lastPruneTicks, Clock.Inner.GetUtcNow().UtcTicks);
        try
        {
            PrunedAtStart = PruneBatches().Sum(b => b.Deleted);
        }
        catch (HubStoreException ex)
        {
            // History that could not go yet is no reason to refuse serving; the next prune tries again.
            LastJournalPruneFailure = $"The journal could not be pruned at start: {ex.Message}";
        }
    }

    /// <summary>Called after each stored exchange: starts a background prune when one is due and none is running.</summary>
    private void PruneJournalWhenDue()
    {
        if (!RetainsJournal)
        {
            return;
        }

        var now = Clock.Inner.GetUtcNow().UtcTicks;
        var due = Interlocked.Increment(ref _exchangesSincePrune) >= Options.JournalPruneEveryExchanges
            || now - Volatile.Read(ref _lastPruneTicks) >= PruneInterval.Ticks;
        if (!due || Interlocked.CompareExchange(ref _pruning, 1, 0) != 0)
        {
            return;
        }

        Interlocked.Exchange(ref _exchangesSincePrune, 0);
        Volatile.Write(ref _lastPruneTicks, now);
        Volatile.Write(ref _pruneTask, Task.Run(async () =>
        {
            try
            {
                foreach (var took in PruneBatches().Select(b => b.Took))
                {
                    // As long off the store as the batch was on it (real time, not the hub's): requests keep at least
                    // half of the store's time while a long backlog is pruned.
                    await Task.Delay(took, TimeProvider.System).ConfigureAwait(false);
                }

                LastJournalPruneFailure = null;
            }
            catch (HubStoreException ex)
            {
                LastJournalPruneFailure = $"The journal could not be pruned: {ex.Message}";
            }
            catch (ObjectDisposedException)
            {
                // The hub stopped meanwhile; the next start prunes.
            }
            finally
            {
                Volatile.Write(ref _pruning, 0);
            }
        }));
    }

    /// <summary>
    /// Prunes batch by batch until one comes back short, yielding what each removed and how long it held the store.
    /// The age limit is hub time, as the stored times are.
    /// </summary>
    private IEnumerable<(int Deleted, TimeSpan Took)> PruneBatches()
    {
        var retention = Options.JournalRetention;
        DateTimeOffset? receivedBefore = retention.MaxAge is { } age ? Clock.GetUtcNow() - age : null;
        var size = PruneBatchMax;
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            var deleted = _store.PruneJournal(receivedBefore, retention.MaxExchanges, size);
            var took = Stopwatch.GetElapsedTime(started);
            Interlocked.Add(ref _prunedExchanges, deleted);
            yield return (deleted, took);
            if (deleted < size)
            {
                yield break;
            }

            size = took > PruneBatchTarget ? Math.Max(PruneBatchMin, size / 2)
                : took < PruneBatchTarget / 4 ? Math.Min(PruneBatchMax, size * 2)
                : size;
        }
    }
}
