using System.Globalization;
using System.Net;
using ECms.Protocol.Rules;
using ECms.Simulators.Hub;
using ECms.Simulators.Peer;

namespace ECms.Simulators.DevHub;

/// <summary>
/// The standalone development hub behind <c>ecms-conformance hub</c>: a persistent <see cref="FakeHub"/>, the agencies
/// of a JSON file, simulated peer agencies, the monitor (<c>/monitor</c>) and the admin API (<c>/admin/…</c>), all on
/// one port. It listens on 127.0.0.1 unless another interface is explicitly allowed.
/// </summary>
public sealed class DevHubServer : IAsyncDisposable
{
    private readonly DevHubOptions _options;
    private readonly Dictionary<string, (FakePeerAgency Peer, string Behaviour)> _peers = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private FakeHub? _hub;

    private DevHubServer(DevHubOptions options, AdminToken token)
    {
        _options = options;
        AdminToken = token;
    }

    public FakeHub Hub => _hub ?? throw new InvalidOperationException("The dev hub is not started.");

    public AdminToken AdminToken { get; }

    public Uri BaseUrl => Hub.BaseUrl;

    public Uri MonitorUrl => new(Hub.BaseUrl, "/monitor");

    /// <summary>Things the operator must read at start-up (e.g. a non-loopback bind).</summary>
    public IReadOnlyList<string> Warnings { get; private init; } = [];

    /// <summary>What the start took over from the data file or did to it (restored settings), to print at start-up.</summary>
    public IReadOnlyList<string> StartNotes { get; private set; } = [];

    public static DevHubServer Start(DevHubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var warnings = new List<string>();
        if (!IsLoopback(options.Host))
        {
            if (!options.AllowRemoteBind)
            {
                throw new DevHubConfigurationException(
                    $"Refusing to listen on {options.Host}: the dev hub has no TLS and its endpoints trust the URL as the caller's identity. " +
                    "It listens on 127.0.0.1 by default; pass --allow-remote-bind to listen on another interface.");
            }

            warnings.Add($"WARNING: listening on {options.Host}, not loopback. Anyone who can reach this address can send letters as any " +
                "registered agency and read every letter on /monitor. Use only on a network you trust.");
        }

        var agencies = options.AgenciesFile is { } file ? AgencyFile.Read(file) : [];
        var server = new DevHubServer(options, options.AdminToken ?? AdminToken.Generate()) { Warnings = warnings };
        var routes = new DevHubRoutes(server, new AdminApi(server, server.AdminToken));
        server._hub = FakeHub.Start(new FakeHubOptions
        {
            Port = options.Port,
            BindAddress = options.Host,
            DataFile = options.DataFile ?? DevHubOptions.DefaultDataFile,
            Strictness = options.Strictness,
            RestoreRunTimeSettings = !options.ResetSettings,
            JournalRetention = options.JournalRetention,
            // The monitor reads the stored journal; memory keeps only recent exchanges for code that waits on them.
            MaxJournalEntriesInMemory = DevHubOptions.JournalEntriesInMemory,
            TimeProvider = options.TimeProvider,
            SideRoutes = routes.HandleAsync,
            OpenExplicitly = true,
        });
        try
        {
            foreach (var agency in agencies)
            {
                server.Connect(agency);
            }

            server.StartNotes = Notes(options, server._hub);
            server._hub.Open();
        }
        catch
        {
            server._hub.Dispose();
            throw;
        }

        return server;
    }

    /// <summary>
    /// Connects an agency (kept in the data file) unless it is already connected; starts its simulated peer when asked.
    /// </summary>
    public RegisteredAgency Connect(AgencyEntry agency)
    {
        ArgumentNullException.ThrowIfNull(agency);
        var behaviour = agency.Simulate is { } name
            ? PeerBehaviours.Find(name) ?? throw new DevHubConfigurationException($"simulate \"{name}\" is not one of {string.Join(", ", PeerBehaviours.Names)}.")
            : null;
        lock (_gate)
        {
            var registered = Hub.Agencies.FirstOrDefault(a => a.OrganizationId == agency.OrganizationId) ?? Hub.RegisterAgency(agency.ToRegistration());
            if (behaviour is not null && !_peers.ContainsKey(agency.OrganizationId))
            {
                var peer = FakePeerAgency.For(Hub, agency.OrganizationId, new FakePeerOptions { Behaviour = behaviour, TimeProvider = _options.TimeProvider });
                peer.StartPolling(_options.PeerPollInterval);
                _peers.Add(agency.OrganizationId, (peer, agency.Simulate!));
            }

            return registered;
        }
    }

    internal string? SimulatedBehaviour(string organizationId)
    {
        lock (_gate)
        {
            return _peers.TryGetValue(organizationId, out var peer) ? peer.Behaviour : null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        (FakePeerAgency Peer, string Behaviour)[] peers;
        lock (_gate)
        {
            peers = [.. _peers.Values];
            _peers.Clear();
        }

        foreach (var (peer, _) in peers)
        {
            await peer.DisposeAsync().ConfigureAwait(false);
        }

        if (_hub is not null)
        {
            await _hub.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static List<string> Notes(DevHubOptions options, FakeHub hub)
    {
        var notes = new List<string>();
        if (options.ResetSettings)
        {
            notes.Add("--reset-settings: the strictness, clock offset and faults stored by the last run were forgotten.");
        }
        else if (hub.RestoredSettings is { } restored)
        {
            notes.Add("Restored from the data file (as set at run time before the last stop):");
            notes.AddRange(restored.Describe().Select(line => $"  {line}"));
            if (restored.Strictness is { } kept && kept != options.Strictness && options.Strictness == ValidationProfile.Strict)
            {
                notes.Add($"  --strict is not applied: the data file keeps {kept}. Switch with PUT /admin/strictness, or start with --reset-settings.");
            }
        }

        notes.Add($"Journal: keeps {options.JournalRetention}" +
            (hub.PrunedAtStart > 0 ? string.Create(CultureInfo.InvariantCulture, $"; pruned {hub.PrunedAtStart:N0} older exchange(s) at start.") : "."));
        return notes;
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
