using ECms.Protocol;

namespace ECms.Simulators.Faults;

/// <summary>The injected faults, oldest first; a request takes the first that applies to its endpoint, operation and hub time.</summary>
internal sealed class FaultBoard(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly List<FaultHandle> _active = [];

    public FaultHandle Inject(HubFault fault)
    {
        var handle = new FaultHandle(fault, clock.GetUtcNow(), Remove);
        lock (_gate)
        {
            _active.Add(handle);
        }

        return handle;
    }

    public FaultHandle? Take(string? organizationId, Operation operation)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            _active.RemoveAll(f => f.IsExpired(now));
            var match = _active.FirstOrDefault(f => f.AppliesTo(organizationId, operation, now));
            match?.Hit();
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
                return _active.Where(f => !f.IsExpired(now)).ToArray();
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _active.Clear();
        }
    }

    private void Remove(FaultHandle handle)
    {
        lock (_gate)
        {
            _active.Remove(handle);
        }
    }
}
