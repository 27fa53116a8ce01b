using ECms.ReferenceAgency;
using ECms.ReferenceAgency.Faults;

namespace ECms.Conformance.Steps.Drivers.Sut;

/// <summary>
/// The reference agency in-process, driven through the same control-API client as any other SUT: the contract is the
/// interface, so the embedded default exercises exactly what a vendor's SUT is driven by.
/// </summary>
public sealed class EmbeddedSutDriver : ISutDriver
{
    private readonly ReferenceAgencyHost _host;
    private readonly ControlApiSutDriver _api;

    private EmbeddedSutDriver(ReferenceAgencyHost host, TimeSpan requestTimeout)
    {
        _host = host;
        _api = new ControlApiSutDriver(host.ControlUrl, requestTimeout, kind: "embedded");
    }

    /// <summary>Above D12's 15 MB enclosure, far below the hub's request limit: D3's oversized letter stays cheap.</summary>
    internal const long InboundLetterLimit = 16L * 1024 * 1024;

    public string Kind => _api.Kind;

    public long? MaxInboundLetterBytes => InboundLetterLimit;

    /// <summary>The reference agency answers an action only after its hub calls have ended (it has no background sender).</summary>
    public bool ActsSynchronously => true;

    public Uri ControlUrl => _api.ControlUrl;

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

    /// <summary>Stops the agency as a crash would: its control API stops answering (used to test interrupted runs).</summary>
    public Task KillAsync() => _host.StopAsync();

    public Task<SutHealth> HealthAsync(CancellationToken cancellationToken) => _api.HealthAsync(cancellationToken);

    public Task<SutActionResult> ConfigureAsync(Uri ecmsEndpoint, string organizationId, CancellationToken cancellationToken) =>
        _api.ConfigureAsync(ecmsEndpoint, organizationId, cancellationToken);

    public Task<SutActionResult> RefreshDirectoryAsync(CancellationToken cancellationToken) => _api.RefreshDirectoryAsync(cancellationToken);

    public Task<SutActionResult> SendLetterAsync(LetterRequest letter, CancellationToken cancellationToken) => _api.SendLetterAsync(letter, cancellationToken);

    public Task<SutActionResult> PollAsync(CancellationToken cancellationToken) => _api.PollAsync(cancellationToken);

    public Task<SutActionResult> LetterActionAsync(SutLetterAction action, SutLetterKey key, string? acceptId, LetterRequest? corrected, CancellationToken cancellationToken) =>
        _api.LetterActionAsync(action, key, acceptId, corrected, cancellationToken);

    public Task<IReadOnlyList<SutLetterView>> FindLettersAsync(SutDirection direction, SutLetterKey key, CancellationToken cancellationToken) =>
        _api.FindLettersAsync(direction, key, cancellationToken);

    public Task<int> CountLettersAsync(SutDirection direction, CancellationToken cancellationToken) => _api.CountLettersAsync(direction, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync().ConfigureAwait(false);
        await _host.DisposeAsync().ConfigureAwait(false);
    }
}
