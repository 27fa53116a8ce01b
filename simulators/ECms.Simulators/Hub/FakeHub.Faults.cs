using ECms.Simulators.Faults;

namespace ECms.Simulators.Hub;

/// <summary>Fault injection: per endpoint and operation, for N requests or a window of hub time (checklist A6–A8).</summary>
public sealed partial class FakeHub
{
    /// <summary>
    /// Injects a fault; it answers matching requests instead of the hub, which then changes no state — or, for
    /// <see cref="HubFault.AnswerLost(TimeSpan?)"/>, lets the hub apply them and loses the answer.
    /// </summary>
    /// <example><c>using var outage = hub.InjectFault(HubFault.HttpError(503).ForAgency(sut).Times(1));</c></example>
    public FaultHandle InjectFault(HubFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (fault.OrganizationId is { } organizationId)
        {
            _ = EndpointOf(organizationId);
        }

        return _faults.Inject(fault);
    }

    public IReadOnlyList<FaultHandle> ActiveFaults => _faults.Active;

    public void ClearFaults() => _faults.Clear();
}
