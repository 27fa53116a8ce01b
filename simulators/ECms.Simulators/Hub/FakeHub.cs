using System.Text.RegularExpressions;
using ECms.Protocol.Lifecycle;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules;
using ECms.Protocol.Wire;
using ECms.Simulators.Faults;
using ECms.Simulators.Journal;
using WireMock.Server;

namespace ECms.Simulators.Hub;

/// <summary>
/// A fake e-CMS 2.0 hub: one WireMock server on 127.0.0.1 hosting one virtual endpoint per registered agency
/// (<c>/{organizationId}/ecms-ws01/service2</c>). The endpoint a request arrives at is the caller's identity. Every
/// operation of spec §4–§5 is served, the letter life cycle of §6.2 is enforced, every rule of the protocol's rule
/// engine runs on every request, and every exchange is journalled.
/// </summary>
/// <example><code>
/// await using var hub = FakeHub.Start(new FakeHubOptions { Strictness = ValidationProfile.Strict });
/// var sut = hub.RegisterAgency("9900100000", "หน่วยงานเอ", "Agency A");
/// var entry = await hub.Journal.WaitForRequestAsync("9900100000", Operation.SendLetter, TimeSpan.FromSeconds(30));
/// </code></example>
public sealed partial class FakeHub : IDisposable, IAsyncDisposable
{
    private readonly HubState _state = new();
    private readonly AgencyDirectory _directory = new();
    private readonly FaultBoard _faults;
    private readonly WireMockServer _server;
    private readonly XmlLimits _limits;
    private volatile ValidationProfile _strictness;
    private int _disposed;

    private FakeHub(FakeHubOptions options)
    {
        Options = options;
        Clock = new HubClock(options.TimeProvider);
        Journal = new HubJournal(options.WaitTimeProvider, options.MaxJournalEntriesInMemory);
        _faults = new FaultBoard(Clock);
        _strictness = options.Strictness;
        _limits = options.XmlLimits with { MaxBytes = options.MaxRequestBytes };
        _store = OpenStore(options);
        try
        {
            RestoreSettings();
            _server = StartServer();
            BaseUrl = new Uri(UrlOn(_server.Ports[0]));
            Restore();
            if (!options.OpenExplicitly)
            {
                Open();
            }
        }
        catch
        {
            _open.TrySetCanceled();
            // A hub that failed to start must not keep its port or its data file.
            (_server as IDisposable)?.Dispose();
            _store.Dispose();
            throw;
        }
    }

    public FakeHubOptions Options { get; }

    /// <summary>http://127.0.0.1:{port}, without a trailing slash.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The hub's clock; shift it to simulate a hub whose time is off (checklist B6).</summary>
    public HubClock Clock { get; }

    public HubJournal Journal { get; }

    /// <summary>
    /// Can be changed while the hub runs; applies from the next request. On a data file the change is stored first
    /// (a store failure throws <see cref="Persistence.HubStoreException"/> and changes nothing) and restored at the next start.
    /// </summary>
    public ValidationProfile Strictness
    {
        get => _strictness;
        set
        {
            lock (_settingsGate)
            {
                _store.SaveStrictness(value);
                _strictness = value;
            }
        }
    }

    /// <summary>The connected organisations and their endpoints, as GetOrganizationList serves them.</summary>
    public IOrganizationDirectory Directory => _directory;

    /// <summary>The hub's letters, as the protocol rules see them.</summary>
    public ILetterRegistry Letters => _state;

    /// <summary>The hub's queues, as the protocol rules see them.</summary>
    public IQueueView Queues => _state;

    public IReadOnlyList<RegisteredAgency> Agencies => _directory.Agencies;

    public static FakeHub Start(FakeHubOptions? options = null) => new(options ?? new FakeHubOptions());

    public RegisteredAgency RegisterAgency(string organizationId, string thaiName, string englishName) =>
        RegisterAgency(new AgencyRegistration(organizationId, thaiName, englishName));

    public RegisteredAgency RegisterAgency(AgencyRegistration agency) => Connect(agency, persist: true);

    private RegisteredAgency Connect(AgencyRegistration agency, bool persist)
    {
        ArgumentNullException.ThrowIfNull(agency);
        if (!SafeOrganizationId().IsMatch(agency.OrganizationId))
        {
            throw new ArgumentException(
                $"Organisation id \"{agency.OrganizationId}\" must be 1–32 letters or digits: it becomes a path segment of the endpoint URL.",
                nameof(agency));
        }

        var registered = new RegisteredAgency(
            agency.OrganizationId,
            agency.MinistryId ?? Party.MinistryOf(agency.OrganizationId),
            agency.ThaiName,
            agency.EnglishName,
            new Uri(BaseUrl, EndpointPath(agency.OrganizationId)));
        if (_directory.Agency(agency.OrganizationId) is not null)
        {
            throw new InvalidOperationException($"Organisation {agency.OrganizationId} is already registered with this hub.");
        }

        // Stored first: an agency the store could not keep must not answer now and vanish after a restart.
        if (persist)
        {
            _store.SaveAgency(agency);
        }

        _directory.Add(registered);
        MapEndpoint(registered);
        return registered;
    }

    /// <summary>The endpoint URL of a registered organisation.</summary>
    public Uri EndpointOf(string organizationId) =>
        _directory.Agency(organizationId)?.Endpoint
        ?? throw new ArgumentException($"Organisation {organizationId} is not registered with this hub.", nameof(organizationId));

    public HubLetterView? FindLetter(LetterKey key)
    {
        lock (_state.Gate)
        {
            return _state.FindLetter(key)?.ToView();
        }
    }

    /// <summary>Every letter the hub accepted, oldest first (a withdrawn and resent letter appears twice).</summary>
    public IReadOnlyList<HubLetterView> AllLetters()
    {
        lock (_state.Gate)
        {
            return _state.Letters.Select(l => l.ToView()).ToArray();
        }
    }

    /// <summary>The items waiting in an organisation's queue, in the order pulls will return them.</summary>
    public IReadOnlyList<QueuedItemView> QueueOf(string organizationId)
    {
        lock (_state.Gate)
        {
            return _state.Queue(organizationId).Select(q => q.ToView()).ToArray();
        }
    }

    public void Dispose()
    {
        // Requests still waiting for a hub that never opened end with their connections.
        _open.TrySetCanceled();
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _server.Stop();
            _server.Dispose();
        }

        // Also after Abandon(): the store outlives a "killed" hub until the test lets go of it.
        _store.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>A text fingerprint of all hub state, for tests that prove a request changed nothing.</summary>
    internal string DescribeState() => _state.Describe();

    private static string EndpointPath(string organizationId) => $"/{organizationId}/ecms-ws01/service2";

    [GeneratedRegex("^[A-Za-z0-9]{1,32}$")]
    private static partial Regex SafeOrganizationId();
}
