using ECms.Conformance.Steps.Checklist;
using ECms.Conformance.Steps.Drivers.Hub;
using ECms.Conformance.Steps.Drivers.Sut;
using ECms.Conformance.Steps.Profiles;
using ECms.Conformance.Steps.Verdicts;
using ECms.Simulators.Client;
using ECms.Simulators.Hub;
using ECms.Simulators.Journal;
using ECms.Simulators.Peer;

namespace ECms.Conformance.Steps.Session;

/// <summary>
/// One certification run's world: the fake hub with the SUT's and the peers' endpoints, the peers, and the driver
/// that makes the SUT act. <see cref="StartAsync"/> is the pre-flight check; scenarios share the session but not
/// their data (every scenario uses fresh letter numbers).
/// </summary>
public sealed partial class ConformanceSession : IAsyncDisposable, IWireWatch
{
    private static readonly TimeSpan MinimumPeerCallTimeout = TimeSpan.FromSeconds(60);
    private readonly List<ArchivedExchange> _archive = [];
    private readonly Lock _gate = new();
    private (string Name, FakeHub Hub)? _liveVariant;
    private int _counter;

    private ConformanceSession(RunProfile profile, SessionOptions options, FakeHub hub)
    {
        Profile = profile;
        Options = options;
        Hub = hub;
        CurrentHub = hub;
    }

    public RunProfile Profile { get; }

    public SessionOptions Options { get; }

    public static ChecklistCatalog Checklist => ChecklistCatalog.Standard;

    /// <summary>The run's hub: its journal is the run's evidence.</summary>
    public FakeHub Hub { get; }

    /// <summary>The hub the SUT talks to right now: <see cref="Hub"/>, or a variant a scenario started (e.g. A5's response style).</summary>
    public FakeHub CurrentHub { get; internal set; }

    /// <summary>The name evidence from <see cref="CurrentHub"/> is filed under.</summary>
    public string CurrentHubName { get; internal set; } = EvidenceRef.MainHub;

    public ISutDriver Sut { get; private set; } = null!;

    public FakePeerAgency Peer { get; private set; } = null!;

    public FakePeerAgency SecondPeer { get; private set; } = null!;

    public SutHealth? Health { get; private set; }

    public TimeProvider Clock => Options.Clock;

    public IVerdictSignals Signals => Options.Signals;

    public string SutOrganizationId => Profile.OrganizationId;

    /// <summary>
    /// Set once group E's background exchange ran: E judges the whole run's traffic, so one exchange per run gives every
    /// E item something to judge; repeating it per item only repeats (and, for a faulty SUT, re-waits for) the same traffic.
    /// </summary>
    public bool BackgroundExchangeDone { get; internal set; }

    /// <summary>The exchanges of that background exchange, cited by every E item as the traffic it judged.</summary>
    public IReadOnlyList<EvidenceRef> BackgroundExchangeEvidence { get; internal set; } = [];

    /// <summary>Set when a scenario found the SUT unreachable; later scenarios check its health before running.</summary>
    public bool SutDown { get; internal set; }

    /// <summary>The verdict of the scenario running now (manual mode files operator answers there).</summary>
    public ScenarioVerdict? CurrentVerdict { get; internal set; }

    /// <summary>The verdict of the scenario that ran last; the run engine reads it after each pickle.</summary>
    public ScenarioVerdict? LastVerdict { get; internal set; }

    /// <summary>
    /// Every exchange of the run so far, each with the reference evidence cites: the archived variants', the variant a
    /// scenario is using right now (so a run interrupted inside A5 or C7 still reports what the SUT sent there), then
    /// the run hub's.
    /// </summary>
    public IReadOnlyList<(EvidenceRef Ref, JournalEntry Entry)> Exchanges()
    {
        ArchivedExchange[] archived;
        (string Name, FakeHub Hub)? live;
        lock (_gate)
        {
            archived = [.. _archive];
            live = _liveVariant;
        }

        return archived.Select(a => (new EvidenceRef(a.Hub, a.Entry.Sequence), a.Entry))
            .Concat(live is { } variant ? variant.Hub.Journal.Entries.Select(e => (new EvidenceRef(variant.Name, e.Sequence), e)) : [])
            .Concat(Hub.Journal.Entries.Select(e => (new EvidenceRef(EvidenceRef.MainHub, e.Sequence), e)))
            .ToArray();
    }

    public long Mark => CurrentHub.Journal.LastSequence;

    /// <summary>A number unique in this run, for letter numbers and receipt numbers.</summary>
    public int NextNumber() => Interlocked.Increment(ref _counter);

    /// <exception cref="ConfigurationErrorException">Pre-flight failed; nothing was judged.</exception>
    public static async Task<ConformanceSession> StartAsync(RunProfile profile, SessionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);
        FakeHub hub;
        try
        {
            hub = FakeHub.Start(new FakeHubOptions { Strictness = profile.HubStrictness, Port = profile.HubPort, TimeProvider = options.Clock });
        }
        // WireMock wraps Kestrel's bind failure (an IOException over a SocketException) in its own exception type.
        catch (Exception ex) when (ex is IOException or InvalidOperationException or System.Net.Sockets.SocketException
            || ex.GetBaseException() is IOException or System.Net.Sockets.SocketException)
        {
            throw new ConfigurationErrorException($"The fake hub cannot start on 127.0.0.1:{profile.HubPort}: {ex.GetBaseException().Message}",
                "set hub.port to a free port, or remove it to use any free port", ex);
        }

        var session = new ConformanceSession(profile, options, hub);
        try
        {
            await session.PreFlightAsync(cancellationToken).ConfigureAwait(false);
            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<JournalEntry?> WaitForSutRequestAsync(Func<JournalEntry, bool> predicate, long after, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await CurrentHub.Journal.WaitForAsync(e => e.OrganizationId == SutOrganizationId && predicate(e), timeout, "a request of the system under test", after, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (JournalWaitTimeoutException)
        {
            return null;
        }
    }

    public void Note(string note) => CurrentVerdict?.Note(note);

    /// <summary>A variant hub the SUT is pointed at now: <see cref="Exchanges"/> includes its journal until it is archived.</summary>
    internal void UsingVariant(string name, FakeHub variant)
    {
        lock (_gate)
        {
            _liveVariant = (name, variant);
        }
    }

    /// <summary>Files a variant hub's exchanges before it goes away, so the report keeps them.</summary>
    internal void ArchiveVariant(string name, FakeHub variant)
    {
        lock (_gate)
        {
            _archive.AddRange(variant.Journal.Entries.Select(e => new ArchivedExchange(name, e)));
            if (_liveVariant?.Hub == variant)
            {
                _liveVariant = null;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Peer is not null)
        {
            await Peer.DisposeAsync().ConfigureAwait(false);
        }

        if (SecondPeer is not null)
        {
            await SecondPeer.DisposeAsync().ConfigureAwait(false);
        }

        if (Sut is not null)
        {
            await Sut.DisposeAsync().ConfigureAwait(false);
        }

        await Hub.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// How long the harness's own peer may take for one call to the in-process hub. The step timeout is how long the
    /// SUT gets; a peer posting a 15 MB letter (D12) on a busy machine can take seconds, and that slowness is the
    /// harness's, so it must not turn into an Error item under a short step timeout.
    /// </summary>
    private TimeSpan PeerCallTimeout => Profile.StepTimeout > MinimumPeerCallTimeout ? Profile.StepTimeout : MinimumPeerCallTimeout;

    /// <summary>Peers for <paramref name="hub"/>: passive, scripted step by step by the scenarios.</summary>
    internal (FakePeerAgency Peer, FakePeerAgency SecondPeer) CreatePeers(FakeHub hub)
    {
        var peerOptions = new FakePeerOptions
        {
            Behaviour = PeerBehaviour.Passive,
            TimeProvider = Clock,
            Client = new EcmsHubClientOptions { Timeout = PeerCallTimeout, TimeProvider = Clock, MessageIdHost = "ecms-conformance-peer" },
            JobTitle = "ผู้อำนวยการสำนักทดสอบ หน่วยงานคู่ทดสอบ",
        };
        return (FakePeerAgency.For(hub, Profile.PeerOrganizationId, peerOptions), FakePeerAgency.For(hub, Profile.SecondPeerOrganizationId, peerOptions));
    }

    internal void UsePeers(FakePeerAgency peer, FakePeerAgency secondPeer)
    {
        Peer = peer;
        SecondPeer = secondPeer;
    }

    internal void RegisterAgencies(FakeHub hub)
    {
        hub.RegisterAgency(Profile.OrganizationId, "ระบบสารบรรณที่ทดสอบ", Profile.SutName ?? "System under test");
        hub.RegisterAgency(Profile.PeerOrganizationId, "หน่วยงานคู่ทดสอบ", "Peer agency");
        hub.RegisterAgency(Profile.SecondPeerOrganizationId, "หน่วยงานคู่ทดสอบที่สอง", "Second peer agency");
    }
}

/// <summary>An exchange journalled by a variant hub a scenario used (its name is the scenario's item, e.g. "A5").</summary>
public sealed record ArchivedExchange(string Hub, JournalEntry Entry);
