using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules;
using ECms.Simulators.Client;
using ECms.Simulators.Faults;
using ECms.Simulators.Hub;
using ECms.Simulators.Journal;
using ECms.Simulators.Peer;
using ECms.Simulators.Tests.Support;

namespace ECms.Simulators.Tests;

/// <summary>
/// The AnswerLost fault (checklist A6's real case): the hub applies the request as if there were no fault and only the
/// answer is lost. The letter is at the hub, OutboundStatus says so, a blind re-send is a duplicate; a refusal under the
/// fault still changes nothing.
/// </summary>
public class AnswerLostTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Test]
    public async Task AnswerLost_ConnectionClosed_LetterIsInTheReceiversQueueAndTheJournalSaysProcessed()
    {
        await using var rig = HubRig.Create();
        var letter = rig.LetterFromAToB();
        using var handle = rig.Hub.InjectFault(HubFault.AnswerLost().ForAgency(HubRig.A).ForOperation(Operation.SendLetter));

        var lost = await rig.PeerA.SendLetterAsync(letter);
        var pulled = (await rig.ClientB.PullAsync()).Expect<PullResponse>();

        lost.Status.ShouldBe(EcmsCallStatus.ConnectionFailed, lost.Describe());
        pulled.Item!.Letter!.Key.ShouldBe(letter.Key);
        var accepted = rig.Hub.FindLetter(letter.Key).ShouldNotBeNull();
        var entry = rig.Hub.Journal.Entries.Single(e => e.Operation == Operation.SendLetter);
        entry.Outcome.ShouldBe(ExchangeOutcome.Accepted);
        entry.Fault.ShouldBe(handle.Fault);
        entry.StatusCode.ShouldBe(0);
        entry.ResponseBody.IsEmpty.ShouldBeTrue();
        entry.Problem.ShouldNotBeNull();
        entry.Problem.ShouldContain($"applied the request (committed and stored, ProcessID {accepted.SubmissionProcessId})");
        entry.Problem.ShouldContain("connection was closed without a response");
        handle.Hits.ShouldBe(1);
    }

    [Test]
    public async Task AnswerLost_HeldPastTheClientsTimeout_ClientTimesOutAndTheLetterIsCommitted()
    {
        await using var rig = HubRig.Create();
        using var impatient = new EcmsHubClient(rig.EndpointA, options: new EcmsHubClientOptions { Timeout = TimeSpan.FromSeconds(1) });
        var letter = rig.LetterFromAToB();
        // The hub clock is a fake one that nobody advances: only the client's leaving ends the hold.
        rig.Hub.InjectFault(HubFault.AnswerLost(TimeSpan.FromMinutes(2)).ForAgency(HubRig.A));

        var result = await impatient.SendLetterAsync(letter, rig.EndpointB);
        var entry = await rig.Hub.Journal.WaitForAsync(e => e.Fault is not null, Wait, "the exchange whose answer was held");

        result.Status.ShouldBe(EcmsCallStatus.Timeout, result.Describe());
        entry.Outcome.ShouldBe(ExchangeOutcome.Accepted);
        entry.StatusCode.ShouldBe(0);
        entry.Problem.ShouldNotBeNull();
        entry.Problem.ShouldContain("the client closed the connection while the answer was held");
        rig.Hub.FindLetter(letter.Key).ShouldNotBeNull();
        rig.Hub.QueueOf(HubRig.B).Single().Letter.ShouldBe(letter.Key);
    }

    [Test]
    public async Task AnswerLost_LaterRequestFinishesFirst_JournalInCompletionOrderAndArrivalSaysWhichCameFirst()
    {
        await using var rig = HubRig.Create();
        // The hub clock is a fake one that nobody advances: only the client's leaving ends the hold.
        using var handle = rig.Hub.InjectFault(HubFault.AnswerLost(TimeSpan.FromMinutes(2)).ForAgency(HubRig.A).ForOperation(Operation.SendLetter));
        using var giveUp = new CancellationTokenSource();
        var held = rig.ClientA.SendLetterAsync(rig.LetterFromAToB(), rig.EndpointB, giveUp.Token);
        await handle.FirstHit.WaitAsync(Wait);

        (await rig.ClientA.DirectoryAsync(Operation.TimeCheck)).Status.ShouldBe(EcmsCallStatus.Success);
        await giveUp.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(held);
        var heldEntry = await rig.Hub.Journal.WaitForAsync(e => e.Operation == Operation.SendLetter, Wait, "the send whose answer was held");

        var later = rig.Hub.Journal.Entries.Single(e => e.Operation == Operation.TimeCheck);
        later.Sequence.ShouldBeLessThan(heldEntry.Sequence);
        later.Arrival.ShouldBeGreaterThan(heldEntry.Arrival);
        rig.Hub.Journal.Entries.Select(e => e.Arrival).Order().ShouldBe([1L, 2L]);
    }

    [Test]
    public async Task AnswerLost_HoldShorterThanTheClientsTimeout_Answers504AlthoughTheLetterIsCommitted()
    {
        await using var hub = FakeHub.Start();
        hub.RegisterAgency(HubRig.A, "หน่วยงานเอ", "Agency A");
        var b = hub.RegisterAgency(HubRig.B, "หน่วยงานบี", "Agency B");
        await using var peer = FakePeerAgency.For(hub, HubRig.A, new FakePeerOptions { Client = new EcmsHubClientOptions { Timeout = TimeSpan.FromSeconds(20) } });
        var letter = peer.ComposeLetter(HubRig.B, "ทส 504/1", "คำตอบที่หายไปหลังบันทึก");
        hub.InjectFault(HubFault.AnswerLost(TimeSpan.FromMilliseconds(200)).ForOperation(Operation.SendLetter));

        var result = await peer.Client.SendLetterAsync(letter, b.Endpoint);

        result.Status.ShouldBe(EcmsCallStatus.SoapFault, result.Describe());
        result.HttpStatus.ShouldBe(504);
        result.Errors.Single().Code.ShouldBe("E900");
        hub.FindLetter(letter.Key).ShouldNotBeNull();
        var entry = hub.Journal.Last!;
        entry.Outcome.ShouldBe(ExchangeOutcome.Accepted);
        entry.StatusCode.ShouldBe(504);
        entry.Problem.ShouldNotBeNull();
        entry.Problem.ShouldContain("the hub sent 504 instead");
        (entry.RespondedAt - entry.ReceivedAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(200));
    }

    [Test]
    public async Task AnswerLost_ThenOutboundStatus_ListsTheLetterWithTheProcessIdTheSenderNeverGot()
    {
        await using var rig = HubRig.Create();
        var letter = rig.LetterFromAToB();
        rig.Hub.InjectFault(HubFault.AnswerLost().ForAgency(HubRig.A).ForOperation(Operation.SendLetter));
        await rig.PeerA.SendLetterAsync(letter);

        var status = (await rig.ClientA.DirectoryAsync(Operation.OutboundStatus)).Expect<OutboundStatusResponse>();

        var processId = rig.Hub.FindLetter(letter.Key)!.SubmissionProcessId;
        status.Items.ShouldHaveSingleItem().ShouldBe(new OutboundStatus(processId, letter.LetterId, "QUEUED"));
    }

    [TestCase(ValidationProfile.Lenient)]
    [TestCase(ValidationProfile.Strict)]
    public async Task AnswerLost_ThenBlindResend_IsRefusedAsADuplicateAndChangesNothing(ValidationProfile profile)
    {
        await using var rig = HubRig.Create(profile);
        await rig.PeerA.RefreshDirectoryAsync();
        var letter = rig.LetterFromAToB();
        rig.Hub.InjectFault(HubFault.AnswerLost().ForAgency(HubRig.A).ForOperation(Operation.SendLetter));
        await rig.PeerA.SendLetterAsync(letter);
        var before = rig.Hub.DescribeState();

        var resent = await rig.PeerA.SendLetterAsync(letter);

        resent.Status.ShouldBe(EcmsCallStatus.BusinessError, resent.Describe());
        resent.Errors.Select(e => e.Code).ShouldBe(["E300"]);
        rig.Hub.DescribeState().ShouldBe(before);
        var entry = rig.Hub.Journal.Last!;
        entry.Outcome.ShouldBe(ExchangeOutcome.Rejected);
        entry.Fault.ShouldBeNull();
        entry.Findings.ShouldContain(f => f.RuleId == "R-SEND-DUP" && f.Level == RuleLevel.Must);
        rig.Hub.AllLetters().Count.ShouldBe(1);
        rig.Hub.QueueOf(HubRig.B).Count.ShouldBe(1);
    }

    public static IEnumerable<TestCaseData> Refusals() =>
        RejectionTests.Refusals().Select(c => new TestCaseData(c.Arguments).SetName(c.TestName!.Replace("RejectedRequest_", "AnswerLost_RejectedRequest_", StringComparison.Ordinal)));

    [TestCaseSource(nameof(Refusals))]
    public async Task AnswerLost_OnARejectedRequest_ChangesNoStateAndJournalsTheLostRefusal(ValidationProfile profile, string code, Func<HubRig, Task<Func<Task<EcmsCallResult>>>> arrange)
    {
        await using var refusal = await ArrangedRefusal.CreateAsync(profile, arrange);
        using var handle = refusal.Rig.Hub.InjectFault(HubFault.AnswerLost());

        var result = await refusal.Act();

        result.Status.ShouldBe(EcmsCallStatus.ConnectionFailed, result.Describe());
        refusal.Rig.Hub.DescribeState().ShouldBe(refusal.StateBefore);
        var entry = refusal.RefusedEntry;
        entry.Outcome.ShouldBe(ExchangeOutcome.Rejected);
        entry.Fault.ShouldBe(handle.Fault);
        entry.StatusCode.ShouldBe(0);
        entry.Problem.ShouldNotBeNull();
        entry.Problem.ShouldStartWith("The hub refused the request (");
        entry.Problem.ShouldContain(code);
        entry.Problem.ShouldContain("nothing changed");
    }

    [Test]
    public async Task AnswerLost_WithASqliteStore_TheLetterIsStoredBeforeTheAnswerIsLost()
    {
        await using var hubs = new PersistentHubs();
        var first = hubs.StartFirst();
        var a = hubs.Peer(first, HubRig.A);
        var letter = a.ComposeLetter(HubRig.B, "ทส 9901.3/7", "บันทึกแล้วแต่คำตอบหาย");
        first.InjectFault(HubFault.AnswerLost().ForOperation(Operation.SendLetter));
        await a.SendLetterAsync(letter);
        var before = first.DescribeState();
        first.Abandon();

        var second = hubs.Start();

        second.DescribeState().ShouldBe(before);
        second.FindLetter(letter.Key).ShouldNotBeNull();
        second.QueueOf(HubRig.B).Single().Letter.ShouldBe(letter.Key);
    }

    [Test]
    public void AnswerLost_NonPositiveHold_IsRefused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => HubFault.AnswerLost(TimeSpan.Zero));
    }
}
