using ECms.Protocol;
using ECms.Protocol.Rules;
using ECms.ReferenceAgency.Faults;
using ECms.Simulators.Hub;
using ECms.Simulators.Journal;

namespace ECms.ReferenceAgency.Tests.Support;

/// <summary>
/// One test's world: the real fake hub on a free loopback port with the agency under test (9900100000) and a peer
/// (9900200000) registered, the reference agency started in-process against it on a fresh SQLite file, a control-API
/// client and the peer's SOAP client. Dispose removes everything.
/// </summary>
public sealed class AgencyWorld : IAsyncDisposable
{
    private readonly string _folder;
    private readonly Func<ReferenceAgencyOptions, ReferenceAgencyOptions> _tune;

    private AgencyWorld(FakeHub hub, string folder, Func<ReferenceAgencyOptions, ReferenceAgencyOptions> tune)
    {
        Hub = hub;
        _folder = folder;
        _tune = tune;
        SutAgency = hub.RegisterAgency(Letters.Sut, "หน่วยงานเอ", "Agency A");
        PeerAgency = hub.RegisterAgency(Letters.Peer, "หน่วยงานบี", "Agency B");
        Peer = new PeerClient(PeerAgency.Endpoint, Letters.Peer);
    }

    public FakeHub Hub { get; }
    public RegisteredAgency SutAgency { get; }
    public RegisteredAgency PeerAgency { get; }
    public PeerClient Peer { get; }
    public ReferenceAgencyHost Agency { get; private set; } = null!;
    public ControlApiClient Control { get; private set; } = null!;
    public string DataPath => Path.Combine(_folder, "agency.db");

    public static async Task<AgencyWorld> StartAsync(params AgencyFault[] faults) =>
        await StartAsync(o => o with { Faults = faults.ToHashSet() });

    /// <param name="behindProxy">Put a <see cref="LossyProxy"/> between the agency and the hub (the agency's endpoint is then the proxy's).</param>
    /// <param name="hub">Further hub options, e.g. a response style (WriterOptions).</param>
    public static async Task<AgencyWorld> StartAsync(
        Func<ReferenceAgencyOptions, ReferenceAgencyOptions> tune, ValidationProfile strictness = ValidationProfile.Strict, bool behindProxy = false,
        Func<FakeHubOptions, FakeHubOptions>? hub = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ecms-agency-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var hubOptions = new FakeHubOptions { Strictness = strictness };
        var world = new AgencyWorld(FakeHub.Start(hub is null ? hubOptions : hub(hubOptions)), folder, tune);
        if (behindProxy)
        {
            world.Proxy = await LossyProxy.StartAsync(world.Hub.BaseUrl);
        }

        await world.StartAgencyAsync();
        return world;
    }

    public LossyProxy? Proxy { get; private set; }

    public ReferenceAgencyOptions Options => _tune(new ReferenceAgencyOptions
    {
        EcmsEndpoint = Proxy is null ? SutAgency.Endpoint : new Uri(Proxy.BaseUrl, SutAgency.Endpoint.AbsolutePath),
        OrganizationId = Letters.Sut,
        DataPath = DataPath,
        HubTimeout = TimeSpan.FromSeconds(10),
    });

    /// <summary>Stops the agency and starts it again on the same data file (a restart must lose nothing).</summary>
    public async Task RestartAgencyAsync()
    {
        await StopAgencyAsync();
        await StartAgencyAsync();
    }

    /// <summary>
    /// What the agency under test sent to its endpoint, in the order it sent it (arrival order: a held answer completes
    /// after the agency's next requests).
    /// </summary>
    public IReadOnlyList<JournalEntry> SutTraffic(Operation? operation = null) =>
        Hub.Journal.Where(e => e.OrganizationId == Letters.Sut && (operation is null || e.Operation == operation)).OrderBy(e => e.Arrival).ToArray();

    /// <summary>The MUST findings the hub's rule engine made on the agency's requests — none for a correct agency.</summary>
    public IReadOnlyList<string> SutMustFindings() =>
        SutTraffic().SelectMany(e => e.Findings.Where(f => f.Level == RuleLevel.Must).Select(f => $"{e.Operation}: {f}")).ToArray();

    public async ValueTask DisposeAsync()
    {
        await StopAgencyAsync();
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }

        Peer.Dispose();
        await Hub.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS is left in the temp folder; it does not affect other tests.
        }
    }

    private async Task StartAgencyAsync()
    {
        Agency = await ReferenceAgencyHost.StartAsync(Options);
        Control = new ControlApiClient(Agency.ControlUrl);
    }

    private async Task StopAgencyAsync()
    {
        Control?.Dispose();
        if (Agency is not null)
        {
            await Agency.DisposeAsync();
        }
    }
}
