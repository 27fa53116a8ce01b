using ECms.Protocol;

namespace ECms.Simulators.Journal;

/// <summary>
/// Every exchange the hub served, in the order the exchanges completed (<see cref="JournalEntry.Arrival"/> gives the
/// order of arrival; a hub with <c>MaxJournalEntriesInMemory</c> holds only the newest; sequence numbers carry on
/// without gaps). Waits match entries that already arrived as well as later ones: the
/// check of what is there and the registration of the waiter happen under one lock, and an append completes the
/// waiters it satisfies under the same lock, so an entry can never slip between the two.
/// <para>
/// Wait timeouts run on <see cref="WaitClock"/> (the system clock unless a test injects one), never on the hub's
/// clock: a test that freezes hub time with a fake provider must still see a wait give up after real seconds.
/// </para>
/// </summary>
public sealed class HubJournal
{
    private readonly Lock _gate = new();
    private readonly List<JournalEntry> _entries = [];
    private readonly List<Waiter> _waiters = [];
    private readonly int? _maxEntries;

    // Entries let go of from the front (only with a limit): the first held entry has sequence _released + 1.
    private long _released;

    internal HubJournal(TimeProvider waitClock, int? maxEntries = null)
    {
        if (maxEntries is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxEntries), maxEntries, "Hold at least one exchange in memory, or null for all.");
        }

        WaitClock = waitClock;
        _maxEntries = maxEntries;
    }

    public TimeProvider WaitClock { get; }

    /// <summary>Told of every entry after it is appended (outside the lock), so the hub's store can keep it.</summary>
    internal Action<JournalEntry>? Appended { get; set; }

    /// <summary>The entries held; with <c>FakeHubOptions.MaxJournalEntriesInMemory</c>, older ones have been let go.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>A snapshot of every entry held, in sequence order (all of them unless the hub limits what it holds).</summary>
    public IReadOnlyList<JournalEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return _entries.ToArray();
            }
        }
    }

    public JournalEntry? Last
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count == 0 ? null : _entries[^1];
            }
        }
    }

    /// <summary>The sequence number of the newest entry (0 when empty): pass it as <c>after</c> to wait only for newer ones.</summary>
    public long LastSequence => Last?.Sequence ?? 0;

    public JournalEntry? Find(long sequence)
    {
        lock (_gate)
        {
            var index = sequence - _released - 1;
            return index >= 0 && index < _entries.Count ? _entries[(int)index] : null;
        }
    }

    public IReadOnlyList<JournalEntry> Where(Func<JournalEntry, bool> predicate)
    {
        lock (_gate)
        {
            return _entries.Where(predicate).ToArray();
        }
    }

    /// <summary>
    /// The first entry with a sequence number above <paramref name="after"/> that matches, whether it is already in the
    /// journal or arrives later. Throws <see cref="JournalWaitTimeoutException"/> naming <paramref name="description"/>
    /// when nothing matches within <paramref name="timeout"/>.
    /// </summary>
    public async Task<JournalEntry> WaitForAsync(
        Func<JournalEntry, bool> predicate,
        TimeSpan timeout,
        string description = "a matching exchange",
        long after = 0,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var waiter = new Waiter(predicate, after);
        lock (_gate)
        {
            for (var i = (int)Math.Clamp(after - _released, 0, _entries.Count); i < _entries.Count; i++)
            {
                if (predicate(_entries[i]))
                {
                    return _entries[i];
                }
            }

            _waiters.Add(waiter);
        }

        using var timeoutSource = new CancellationTokenSource(timeout, WaitClock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, cancellationToken);
        await using var registration = linked.Token.Register(() => Abandon(waiter)).ConfigureAwait(false);
        try
        {
            return await waiter.Completion.Task.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new JournalWaitTimeoutException(
                $"Waited {timeout.TotalSeconds:0.###} s for {description}, but it did not arrive. " +
                $"The journal holds {Count} exchange(s){Describe(after)}.")
            {
                Awaited = description,
                Timeout = timeout,
            };
        }
    }

    /// <summary>The first request to <paramref name="organizationId"/>'s endpoint for <paramref name="operation"/>, whatever the hub answered.</summary>
    public Task<JournalEntry> WaitForRequestAsync(
        string organizationId,
        Operation operation,
        TimeSpan timeout,
        long after = 0,
        CancellationToken cancellationToken = default) =>
        WaitForAsync(
            e => e.OrganizationId == organizationId && e.Operation == operation,
            timeout,
            $"a {operation} request from organisation {organizationId}",
            after,
            cancellationToken);

    /// <summary>The first <paramref name="operation"/> from <paramref name="organizationId"/> that the hub accepted.</summary>
    public Task<JournalEntry> WaitForAcceptedAsync(
        string organizationId,
        Operation operation,
        TimeSpan timeout,
        long after = 0,
        CancellationToken cancellationToken = default) =>
        WaitForAsync(
            e => e.OrganizationId == organizationId && e.Operation == operation && e.Outcome == ExchangeOutcome.Accepted,
            timeout,
            $"an accepted {operation} from organisation {organizationId}",
            after,
            cancellationToken);

    internal JournalEntry Append(ExchangeRecord record)
    {
        List<(Waiter Waiter, JournalEntry Entry)>? satisfied = null;
        JournalEntry entry;
        lock (_gate)
        {
            entry = new JournalEntry(record, _released + _entries.Count + 1);
            _entries.Add(entry);
            LetGoOfOldest();
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                var waiter = _waiters[i];
                if (entry.Sequence <= waiter.After)
                {
                    continue;
                }

                if (!waiter.Matches(entry))
                {
                    if (waiter.Completion.Task.IsCompleted)
                    {
                        _waiters.RemoveAt(i);
                    }

                    continue;
                }

                _waiters.RemoveAt(i);
                (satisfied ??= []).Add((waiter, entry));
            }
        }

        Appended?.Invoke(entry);

        // Completed outside the lock; continuations run asynchronously anyway (RunContinuationsAsynchronously).
        if (satisfied is not null)
        {
            foreach (var (waiter, matched) in satisfied)
            {
                waiter.Completion.TrySetResult(matched);
            }
        }

        return entry;
    }

    /// <summary>
    /// Over the limit by a tenth, drops the oldest down to the limit: one copy per tenth of appends instead of one per
    /// append. Waiters never need the dropped ones (they are matched as entries arrive).
    /// </summary>
    private void LetGoOfOldest()
    {
        if (_maxEntries is { } max && _entries.Count > max + (max / 10))
        {
            var excess = _entries.Count - max;
            _entries.RemoveRange(0, excess);
            _released += excess;
        }
    }

    private void Abandon(Waiter waiter)
    {
        lock (_gate)
        {
            _waiters.Remove(waiter);
        }

        waiter.Completion.TrySetCanceled();
    }

    private string Describe(long after)
    {
        var recent = Where(e => e.Sequence > after).TakeLast(5).Select(e => e.ToString()).ToArray();
        return recent.Length == 0
            ? after > 0 ? $", none after #{after}" : ""
            : $"; the latest{(after > 0 ? $" after #{after}" : "")}: {string.Join("; ", recent)}";
    }

    private sealed class Waiter(Func<JournalEntry, bool> predicate, long after)
    {
        public long After { get; } = after;

        public TaskCompletionSource<JournalEntry> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Matches(JournalEntry entry)
        {
            try
            {
                return predicate(entry);
            }
            catch (Exception ex)
            {
                // A predicate that throws fails its own wait, never the hub's append.
                Completion.TrySetException(ex);
                return false;
            }
        }
    }
}
