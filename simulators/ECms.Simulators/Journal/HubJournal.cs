using ECms.Protocol;

namespace ECms.Simulators.Journal;

/// <summary>
/// Every exchange the hub served, in order. Waits match entries that already arrived as well as later ones: the
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

    internal HubJournal(TimeProvider waitClock)
    {
        WaitClock = waitClock;
    }

    public TimeProvider WaitClock { get; }

    /// <summary>Told of every entry after it is appended (outside the lock), so the hub's store can keep it.</summary>
    internal Action<JournalEntry>? Appended { get; set; }

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

    /// <summary>A snapshot of every entry so far, in sequence order.</summary>
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
            return sequence >= 1 && sequence <= _entries.Count ? _entries[(int)sequence - 1] : null;
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
            for (var i = (int)Math.Clamp(after, 0, _entries.Count); i < _entries.Count; i++)
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
            entry = new JournalEntry(record, _entries.Count + 1);
            _entries.Add(entry);
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
