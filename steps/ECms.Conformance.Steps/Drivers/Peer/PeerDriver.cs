using ECms.Conformance.Steps.Drivers.Hub;
using ECms.Conformance.Steps.Drivers.Letters;
using ECms.Conformance.Steps.Verdicts;
using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Simulators.Client;
using ECms.Simulators.Journal;
using ECms.Simulators.Peer;

namespace ECms.Conformance.Steps.Drivers.Peer;

/// <summary>
/// The peer agency as the scenarios script it, step by step, through the hub like any agency. A peer call the hub
/// refuses is a harness problem (Error), unless the step is about what the SUT did to cause it.
/// </summary>
public sealed class PeerDriver(ScenarioHarness harness, HubDriver hub)
{
    private ScenarioVerdict Verdict => harness.Verdict;

    private ScenarioLetters Letters => harness.Letters;

    public FakePeerAgency Peer => harness.Session.Peer;

    public FakePeerAgency SecondPeer => harness.Session.SecondPeer;

    private string Sut => harness.Session.SutOrganizationId;

    /// <summary>The receipt number the SUT last reported for the received letter.</summary>
    public string? SutAcceptId => Letters.SutAcceptId;

    /// <summary>Receipt numbers the peer gave the SUT's letters in this scenario, latest last.</summary>
    public List<string> AcceptIds { get; } = [];

    public async Task<Letter> SendToSutAsync(Func<Letter, Letter>? shape = null, FakePeerAgency? from = null)
    {
        from ??= Peer;
        var letterId = Letters.NewLetterId();
        // No "&" in the standard letter (see ScenarioLetters.Standard); D2's rich letter and D5 carry one.
        var letter = from.ComposeLetter(Sut, letterId, $"ขอเชิญประชุมคณะทำงาน ครั้งที่ ๓/๒๕๖๗ และติดตามผล ({letterId})");
        letter = shape?.Invoke(letter) ?? letter;
        var mark = harness.Session.Mark;
        Expect(await from.SendLetterAsync(letter).ConfigureAwait(false), $"send letter {letterId} to the system under test");
        Letters.AddInbound(letter, mark);
        return letter;
    }

    /// <summary>The peer pulls and deletes everything waiting for it; the SUT's current letter must be among what it holds.</summary>
    public async Task PullsSutLetterAsync(FakePeerAgency? who = null)
    {
        who ??= Peer;
        await ProcessAsync(who).ConfigureAwait(false);
        _ = ReceivedFromSut(who);
    }

    public Task<IReadOnlyList<PeerInboxItem>> ProcessAsync(FakePeerAgency? who = null) => CallAsync(() => (who ?? Peer).ProcessQueueAsync());

    public async Task NotifyAsync(NotifierKind kind, string? acceptId = null, Func<Letter, Letter>? shape = null, FakePeerAgency? who = null)
    {
        who ??= Peer;
        var letter = ReceivedFromSut(who);
        letter = shape?.Invoke(letter) ?? letter;
        if (kind == NotifierKind.AcceptLetter)
        {
            acceptId ??= Letters.NewReceiptNumber();
            AcceptIds.Add(acceptId);
        }

        Expect(await who.SendNotifierAsync(kind, letter, acceptId).ConfigureAwait(false), $"send {kind.ElementName()} for {letter.LetterId}");
    }

    /// <summary>C14: an AcceptLetterNotifier without acknowledgement; when the hub's strictness refuses it on the wire, it is placed in the SUT's queue directly.</summary>
    public async Task RegisterWithoutAcknowledgementAsync()
    {
        var letter = ReceivedFromSut(Peer);
        var acceptId = Letters.NewReceiptNumber();
        AcceptIds.Add(acceptId);
        var result = await Peer.SendNotifierAsync(NotifierKind.AcceptLetter, letter, acceptId).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            hub.Inject(new Notifier(NotifierKind.AcceptLetter, letter.LetterId, letter.CorrespondenceDate, letter.Subject, acceptId, null, Peer.OrganizationId));
            Verdict.Note($"The hub refused an unacknowledged receipt number on the wire ({result.Describe()}); it was placed in the SUT's queue directly.");
        }
    }

    /// <summary>The peer, as sender of the received letter, disputes the receipt number the SUT gave it.</summary>
    public async Task DisputeSutReceiptNumberAsync()
    {
        var letter = Letters.RequireInbound();
        var acceptId = Letters.SutAcceptId ?? throw Verdict.Fail("The system under test has not reported a receipt number for the letter, so there is none to dispute.", "a receipt number", "none");
        Expect(await Peer.DisputeAcceptIdAsync(letter, acceptId).ConfigureAwait(false), $"dispute receipt number {acceptId}");
    }

    public async Task WithdrawAndResendAsync()
    {
        var letter = Letters.RequireInbound();
        await ProcessAsync().ConfigureAwait(false);
        Expect(await Peer.WithdrawAsync(letter).ConfigureAwait(false), $"withdraw {letter.LetterId}");
        var resent = letter with { SendDate = WireFormats.FormatDateTime(harness.Session.Clock.GetUtcNow()) };
        var mark = harness.Session.Mark;
        Expect(await Peer.SendLetterAsync(resent).ConfigureAwait(false), $"resend {letter.LetterId}");
        Letters.AddInbound(resent, mark);
    }

    public void ReceivedAckThenAccept()
    {
        var letter = Letters.RequireInbound();
        var kinds = Peer.ReceivedNotifiers.Where(n => n.LetterId == letter.LetterId).Select(n => n.Kind).ToArray();
        var ack = Array.IndexOf(kinds, NotifierKind.ReceiveLetter);
        var accept = Array.IndexOf(kinds, NotifierKind.AcceptLetter);
        if (ack < 0 || accept < 0 || ack > accept)
        {
            throw Verdict.Fail("The peer must receive the acknowledgement and then the receipt-number notice.", "ReceiveLetterNotifier, AcceptLetterNotifier", string.Join(", ", kinds));
        }

        Verdict.Pass("The peer received the acknowledgement, then the receipt number.");
    }

    public void ReceivedAcceptIdIs(string? expected)
    {
        var letter = Letters.RequireInbound();
        var received = Peer.ReceivedNotifiers.LastOrDefault(n => n.LetterId == letter.LetterId && n.Kind == NotifierKind.AcceptLetter)?.AcceptId;
        if (expected is null || received != expected)
        {
            throw Verdict.Fail("The receipt number on the wire must be the one the system shows its operator.", expected ?? "(none shown)", received ?? "(none received)");
        }

        Verdict.Pass($"The peer received receipt number {received}.");
    }

    public void ReceivedNotice(NotifierKind kind)
    {
        var letter = Letters.RequireInbound();
        if (!Peer.ReceivedNotifiers.Any(n => n.LetterId == letter.LetterId && n.Kind == kind))
        {
            throw Verdict.Fail($"The peer must receive a {kind.ElementName()} for {letter.LetterId}.", kind.ElementName(), "none");
        }

        Verdict.Pass($"The peer received a {kind.ElementName()}.");
    }

    /// <summary>The letter the SUT sent this peer in this scenario, as the peer received it.</summary>
    public Letter ReceivedFromSut(FakePeerAgency? who = null)
    {
        var outbound = Letters.RequireOutbound();
        return (who ?? Peer).ReceivedLetters.LastOrDefault(l => l.LetterId == outbound.Key.LetterId && l.CorrespondenceDate == outbound.Key.CorrespondenceDate)
            ?? throw Verdict.Fail($"The peer did not receive letter {outbound.Key.LetterId} from the system under test.", "delivered", "not in the peer's queue");
    }

    private async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (EcmsCallException ex)
        {
            throw Verdict.Error($"The peer agency's call failed: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// A peer call the hub refuses is the harness's problem (Error) unless the SUT caused it: when the hub refused one
    /// of the SUT's own requests earlier in the scenario (its notifier, its letter), the flow the item needs could not
    /// continue because of the SUT, and the item fails on the SUT. Harness-injected faults do not count.
    /// </summary>
    private void Expect(EcmsCallResult result, string what)
    {
        if (result.IsSuccess)
        {
            return;
        }

        var refused = hub.SutEntries().Where(e => e.Outcome is ExchangeOutcome.Rejected or ExchangeOutcome.Invalid).ToArray();
        if (refused.Length > 0)
        {
            throw Verdict.Fail($"The peer agency could not {what} because the hub had refused the system under test's own request (#{refused[^1].Sequence}: {refused[^1]}); "
                + "the item's flow cannot go on.", "the SUT's requests accepted", result.Describe(), refused[^1].Findings, hub.Refs(refused));
        }

        throw Verdict.Error($"The harness's peer could not {what}: {result.Describe()}");
    }
}
