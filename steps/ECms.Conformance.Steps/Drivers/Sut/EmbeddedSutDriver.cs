using ECms.ReferenceAgency;
using ECms.ReferenceAgency.Faults;

namespace ECms.Conformance.Steps.Drivers.Sut;

/// <summary>
/// The reference agency in-process, driven through the same control-API client as any other SUT: the contract is the
/// interface, so the embedded default exercises exactly what a vendor's SUT is driven by.
/// </summary>
public sealed class EmbeddedSutDriver : HostedSutDriver
{
    private readonly ReferenceAgencyHost _host;

    private EmbeddedSutDriver(ReferenceAgencyHost host, TimeSpan requestTimeout)
        : base(host.ControlUrl, requestTimeout, kind: "embedded")
    {
        _host = host;
    }

    /// <summary>Above D12's 15 MB enclosure, far below the hub's request limit: D3's oversized letter stays cheap.</summary>
    internal const long InboundLetterLimit = 16L * 1024 * 1024;

    public override long? MaxInboundLetterBytes => InboundLetterLimit;

    /// <summary>The reference agency answers an action only after its hub calls have ended (it has no background sender).</summary>
    public override bool ActsSynchronously => true;

    public static async Task<EmbeddedSutDriver> StartAsync(IReadOnlyList<string> faults, TimeProvider clock, TimeSpan hubTimeout, TimeSpan requestTimeout, CancellationToken cancellationToken)
    {
        var switches = new HashSet<AgencyFault>();
        foreach (var name in faults)
        {
            if (!FaultCatalogue.TryParse(name, out var fault))
            {
                throw new ArgumentException($"\"{name}\" is not a reference-agency fault.", nameof(faults));
            }

            switches.Add(fault);
        }

        var host = await ReferenceAgencyHost.StartAsync(
            new ReferenceAgencyOptions
            {
                Port = 0,
                Faults = switches,
                TimeProvider = clock,
                // The agency's own give-up time on a hung hub (A6); short so a run stays fast.
                HubTimeout = hubTimeout,
                MaxInboundLetterBytes = InboundLetterLimit,
            },
            cancellationToken).ConfigureAwait(false);
        return new EmbeddedSutDriver(host, requestTimeout);
    }

    public override Task KillAsync() => _host.StopAsync();

    protected override ValueTask DisposeHostAsync() => _host.DisposeAsync();
}
