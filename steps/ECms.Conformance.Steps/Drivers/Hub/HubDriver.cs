using ECms.Conformance.Steps.Session;
using ECms.Conformance.Steps.Verdicts;
using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Simulators.Faults;
using ECms.Simulators.Hub;
using ECms.Simulators.Journal;
using ECms.Simulators.Peer;

namespace ECms.Conformance.Steps.Drivers.Hub;

/// <summary>
/// The fake hub as one scenario sees it: faults and clock to set up, items to inject, and the journal to wait on and
/// check. Everything a scenario changes on the hub is undone by <see cref="ResetAsync"/>.
/// </summary>
public sealed partial class HubDriver(ScenarioHarness harness)
{
    private FakeHub? _variant;
    private (FakePeerAgency Peer, FakePeerAgency SecondPeer)? _mainPeers;
    private long _variantMark;

    private ConformanceSession Session => harness.Session;

    private ScenarioVerdict Verdict => harness.Verdict;

    public FakeHub Hub => Session.CurrentHub;

    public string Sut => Session.SutOrganizationId;

    /// <summary>Where this scenario's exchanges on the current hub begin.</summary>
    public long ScenarioMark => _variant is null ? harness.StartMark : _variantMark;

    /// <summary>How long a wait for the SUT's effect lasts: the step timeout, or the settle time for a SUT that acts synchronously.</summary>
    public TimeSpan Timeout => Session.Sut.ActsSynchronously && harness.Profile.SutTimeout > SettleTime ? SettleTime : harness.Profile.SutTimeout;

    /// <summary>Ample for an entry the hub journals as it answers; a synchronous SUT's request that is not there by then never comes.</summary>
    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(1);

    public void AnswerNextSutRequest(HubFault fault) => Hub.InjectFault(fault.ForAgency(Sut).Times(1));

    public void AnswerNextSutRequest(HubFault fault, Operation operation) => Hub.InjectFault(fault.ForAgency(Sut).ForOperation(operation).Times(1));

    /// <summary>
    /// A6's hang as it happens in real life: the hub applies the SUT's next request of <paramref name="operation"/> and
    /// holds the answer past the SUT's timeout, then sends a 504. The hold is twice the step timeout: beyond a SUT that
    /// gives up in time (the hold ends when it leaves), and short of the harness's wait for the SUT's action, so a SUT
    /// with a longer timeout gets the gateway's 504 instead and still answers its operator.
    /// </summary>
    public void LoseNextSutAnswer(Operation operation) =>
        Hub.InjectFault(HubFault.AnswerLost(harness.Profile.SutTimeout * 2).ForAgency(Sut).ForOperation(operation).Times(1));

    /// <summary>The hub serves everything again: faults the scenario injected and the SUT did not use up are removed.</summary>
    public void Recover() => Hub.ClearFaults();

    public void ShiftClock(TimeSpan by) => Hub.Clock.Offset = by;

    /// <summary>ErrorDetails with the hub's own descriptions for these codes (the catalogue's, when it knows the code).</summary>
    public HubFault Errors(params string[] codes) => HubFault.BusinessErrors(codes
        .Select(code => Hub.Options.Errors.Entries.Values.FirstOrDefault(e => e.Code == code) ?? new ErrorDetail(code, "injected by the conformance suite"))
        .ToArray());

    public static string[] RuleList(string rules) => rules.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void RequireConnected()
    {
        foreach (var organization in new[] { Sut, Session.Profile.PeerOrganizationId })
        {
            if (Hub.Directory.Find(organization) is null)
            {
                throw Verdict.Error($"Organisation {organization} is not registered with the hub; the run's pre-flight did not complete.");
            }
        }
    }

    public void RequireUnknown(string organizationId)
    {
        if (Hub.Directory.Find(organizationId) is not null)
        {
            throw Verdict.Error($"Organisation {organizationId} is registered with the hub, so it cannot stand for an unknown receiver; give peers.unknown another code.");
        }

        Verdict.Pass($"Organisation {organizationId} is not in the hub's directory.");
    }

    public string Inject(Notifier notifier) => Hub.InjectQueueItem(Sut, notifier);

    public string Inject(Letter letter) => Hub.InjectQueueItem(Sut, letter);

    /// <summary>
    /// Runs the rest of the scenario against a second hub built from the run hub's options changed by <paramref name="change"/>
    /// (e.g. another response style, checklist A5): the SUT is pointed at it, reads its directory, and is pointed back afterwards.
    /// </summary>
    public Task UseVariantAsync(Func<FakeHubOptions, FakeHubOptions> change) => AdoptVariantAsync(FakeHub.Start(change(Session.Hub.Options with { Port = 0 })), connect: true);

    /// <param name="connect">False when the SUT already knows the variant's address and must keep the directory it has (C7).</param>
    private async Task AdoptVariantAsync(FakeHub variant, bool connect)
    {
        if (_variant is not null)
        {
            await variant.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException("A scenario uses at most one variant hub.");
        }

        Session.RegisterAgencies(variant);
        _mainPeers = (Session.Peer, Session.SecondPeer);
        var (peer, secondPeer) = Session.CreatePeers(variant);
        Session.UsePeers(peer, secondPeer);
        _variant = variant;
        Session.UsingVariant(harness.ItemId, variant);
        Session.CurrentHub = variant;
        Session.CurrentHubName = harness.ItemId;
        if (connect)
        {
            await ConnectOrErrorAsync(variant).ConfigureAwait(false);
        }

        _variantMark = variant.Journal.LastSequence;
    }

    /// <summary>Undoes what the scenario changed: faults, clock, queue items left behind, a variant hub.</summary>
    public async Task ResetAsync()
    {
        Session.Hub.ClearFaults();
        Session.Hub.Clock.Offset = TimeSpan.Zero;
        ClearQueues();
        await RefreshStaleDirectoryAsync().ConfigureAwait(false);
        if (_variant is not { } variant)
        {
            return;
        }

        _variant = null;
        Session.ArchiveVariant(harness.ItemId, variant);
        Session.CurrentHub = Session.Hub;
        Session.CurrentHubName = EvidenceRef.MainHub;
        var (peer, secondPeer) = (Session.Peer, Session.SecondPeer);
        Session.UsePeers(_mainPeers!.Value.Peer, _mainPeers.Value.SecondPeer);
        await peer.DisposeAsync().ConfigureAwait(false);
        await secondPeer.DisposeAsync().ConfigureAwait(false);
        await variant.DisposeAsync().ConfigureAwait(false);
        await ConnectOrErrorAsync(Session.Hub).ConfigureAwait(false);
    }

    /// <summary>
    /// Every scenario starts on empty queues (the checklist's "clean hub state"): an item a SUT never deleted, or one a
    /// scenario left when it stopped early, would otherwise sit at the head of the queue and fail every later scenario.
    /// </summary>
    private void ClearQueues()
    {
        foreach (var organization in new[] { Sut, Session.Profile.PeerOrganizationId, Session.Profile.SecondPeerOrganizationId })
        {
            var left = Session.Hub.ClearQueue(organization);
            // Only the SUT's leftovers say something about it; the peers collect only when a scenario asks them to.
            if (left.Count > 0 && organization == Sut)
            {
                Verdict.Note($"After the scenario, the harness removed {left.Count} undeleted item(s) from the queue of {organization}: {string.Join(", ", left)}.");
            }
        }
    }

    /// <summary>The SUT's requests in this scenario, on the current hub, oldest first.</summary>
    public IReadOnlyList<JournalEntry> SutEntries() => Hub.Journal.Where(e => e.Sequence > ScenarioMark && e.OrganizationId == Sut);

    /// <summary>Every exchange of this scenario on the current hub (SUT and peers).</summary>
    public IReadOnlyList<JournalEntry> ScenarioEntries() => Hub.Journal.Where(e => e.Sequence > ScenarioMark);

    /// <summary>
    /// The SUT's requests in the whole run so far: the run hub's and every variant's. Letters to the never-registered
    /// organisation are left out: the harness made the SUT address it on purpose (C7's stale directory), so what the
    /// hub finds wrong with them (unknown receiver, wsa:To) is C7's to judge, not group E's.
    /// </summary>
    public IReadOnlyList<(EvidenceRef Ref, JournalEntry Entry)> RunSutEntries() =>
        Session.Exchanges()
            .Where(x => x.Entry.OrganizationId == Sut)
            .Where(x => x.Entry.Request is not SendLetterRequest s || s.Letter.Receiver.OrganizationId != Session.Profile.UnknownOrganizationId)
            .ToArray();

    /// <summary>The first request of the SUT in this scenario that matches, waiting up to the profile's step timeout; fails the item if none comes.</summary>
    public async Task<JournalEntry> WaitForSutAsync(Func<JournalEntry, bool> predicate, string description, long? after = null)
    {
        try
        {
            var entry = await Hub.Journal.WaitForAsync(e => e.OrganizationId == Sut && predicate(e), Timeout, description, after ?? ScenarioMark).ConfigureAwait(false);
            Verdict.Cite([harness.Ref(entry)]);
            return entry;
        }
        catch (JournalWaitTimeoutException ex)
        {
            throw Verdict.Fail($"The system under test did not send {description} within {Timeout.TotalSeconds:0} s.", description, ex.Message);
        }
    }

    /// <summary>The SUT's send of this letter number in this scenario (the last one, if it sent it more than once).</summary>
    public JournalEntry? LastSendOf(string letterId) =>
        SutEntries().LastOrDefault(e => e.Operation == Operation.SendLetter && e.Request is SendLetterRequest s && s.Letter.LetterId == letterId);

    public IReadOnlyList<JournalEntry> SendsOf(string letterId) =>
        SutEntries().Where(e => e.Operation == Operation.SendLetter && e.Request is SendLetterRequest s && s.Letter.LetterId == letterId).ToArray();

    public EvidenceRef[] Refs(IEnumerable<JournalEntry> entries) => entries.Select(harness.Ref).ToArray();

    private async Task ConnectOrErrorAsync(FakeHub hub)
    {
        try
        {
            await Session.ConnectAsync(hub, harness.Cancellation).ConfigureAwait(false);
        }
        catch (ConfigurationErrorException ex)
        {
            throw Verdict.Error($"Could not point the SUT at {(hub == Session.Hub ? "the run's hub" : "the scenario's hub")}: {ex}", ex);
        }
    }
}
