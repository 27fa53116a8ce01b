namespace ECms.Simulators.Faults;

/// <summary>An injected fault: how often it has answered, whether it still applies; dispose it to remove it early.</summary>
public sealed class FaultHandle : IDisposable
{
    private readonly Action<FaultHandle> _remove;
    private readonly TaskCompletionSource _firstHit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _hits;
    private int _removed;

    internal FaultHandle(HubFault fault, DateTimeOffset injectedAt, Action<FaultHandle> remove, int hits = 0)
    {
        _hits = hits;
        if (hits > 0)
        {
            _firstHit.SetResult();
        }

        Fault = fault;
        InjectedAt = injectedAt;
        Until = fault.Window is { } window ? (fault.NotBefore ?? injectedAt) + window : null;
        _remove = remove;
        Limit = fault.Count ?? (fault.Window is null ? 1 : null);
    }

    public HubFault Fault { get; }
    public DateTimeOffset InjectedAt { get; }

    /// <summary>Hub time at which it stops applying; null = no time limit.</summary>
    public DateTimeOffset? Until { get; }

    /// <summary>The number of requests it may still answer; null = unlimited.</summary>
    public int? Remaining => Limit is { } limit ? Math.Max(0, limit - Hits) : null;

    public int Hits => Volatile.Read(ref _hits);

    public bool IsRemoved => Volatile.Read(ref _removed) == 1;

    /// <summary>
    /// Completes when the fault first takes a request — at its arrival, before any delay or held answer — so a caller
    /// can act while that request is still in the hub's hands (the journal has it only when it completes).
    /// </summary>
    public Task FirstHit => _firstHit.Task;

    internal int? Limit { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _removed, 1) == 0)
        {
            _remove(this);
        }
    }

    internal bool IsExpired(DateTimeOffset now) => IsRemoved || Remaining == 0 || (Until is { } until && now >= until);

    internal bool AppliesTo(string? organizationId, ECms.Protocol.Operation operation, DateTimeOffset now) =>
        !IsExpired(now)
        && (Fault.NotBefore is not { } from || now >= from)
        && (Fault.OrganizationId is null || Fault.OrganizationId == organizationId)
        && (Fault.Operation is null || Fault.Operation == operation);

    internal void Hit()
    {
        Interlocked.Increment(ref _hits);
        _firstHit.TrySetResult();
    }
}
