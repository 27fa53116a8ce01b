using ECms.Protocol;

namespace ECms.Simulators.Faults;

/// <summary>
/// The injected faults, oldest first; a request takes the first that applies to its endpoint, operation and hub time.
/// Every change is handed to <see cref="Keep"/> under the board's lock, so a store sees the lists in the order they
/// happened. An operator's change (inject, clear) is kept before it applies, and refused when it cannot be kept; what
/// requests do to a fault (a hit, the end of its count or window) and a handle's disposal are kept afterwards, and a
/// failure there goes to <see cref="KeepFailed"/>: the request was answered anyway.
/// </summary>
internal sealed class FaultBoard(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly List<FaultHandle> _active = [];

    /// <summary>Told of the faults still active after each change; null keeps nothing (a hub in memory).</summary>
    public Action<IReadOnlyList<FaultHandle>>? Keep { get; set; }

    public Action<Exception>? KeepFailed { get; set; }

    public FaultHandle Inject(HubFault fault)
    {
        var now = clock.GetUtcNow();
        var handle = new FaultHandle(fault, now, Remove);
        lock (_gate)
        {
            Keep?.Invoke([.. Live(now), handle]);
            _active.Add(handle);
        }

        return handle;
    }

    public FaultHandle? Take(string? organizationId, Operation operation)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var ended = _active.RemoveAll(f => f.IsExpired(now));
            var match = _active.FirstOrDefault(f => f.AppliesTo(organizationId, operation, now));
            match?.Hit();
            if (match is not null || ended > 0)
            {
                TryKeep(now);
            }

            return match;
        }
    }

    public IReadOnlyList<FaultHandle> Active
    {
        get
        {
            var now = clock.GetUtcNow();
            lock (_gate)
            {
                return Live(now);
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            Keep?.Invoke([]);
            _active.Clear();
        }
    }

    /// <summary>
    /// Puts back the faults a store kept, with their hits, unless they ended — by count, or because their window (hub
    /// time) closed while the hub was down; those are returned so the operator can be told. Nothing is kept here: the
    /// caller decides whether the stored list needs tidying.
    /// </summary>
    public (IReadOnlyList<FaultHandle> Restored, IReadOnlyList<FaultHandle> Ended) Restore(
        IEnumerable<(HubFault Fault, DateTimeOffset InjectedAt, int Hits)> stored)
    {
        var now = clock.GetUtcNow();
        var restored = new List<FaultHandle>();
        var ended = new List<FaultHandle>();
        lock (_gate)
        {
            foreach (var (fault, injectedAt, hits) in stored)
            {
                var handle = new FaultHandle(fault, injectedAt, Remove, hits);
                if (handle.IsExpired(now))
                {
                    ended.Add(handle);
                    continue;
                }

                _active.Add(handle);
                restored.Add(handle);
            }
        }

        return (restored, ended);
    }

    private void Remove(FaultHandle handle)
    {
        lock (_gate)
        {
            if (_active.Remove(handle))
            {
                TryKeep(clock.GetUtcNow());
            }
        }
    }

    private FaultHandle[] Live(DateTimeOffset now) => _active.Where(f => !f.IsExpired(now)).ToArray();

    private void TryKeep(DateTimeOffset now)
    {
        try
        {
            Keep?.Invoke(Live(now));
        }
#pragma warning disable CA1031 // A hit is already answered; the store's failure is reported, never thrown into the request.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            KeepFailed?.Invoke(ex);
        }
    }
}
