using ECms.Protocol;
using ECms.Protocol.Lifecycle;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules;
using ECms.Simulators.Faults;
using ECms.Simulators.Hub;
using ECms.Simulators.Peer;
using ECms.Simulators.Tests.Support;

namespace ECms.Simulators.Tests;

/// <summary>FakePeerAgency's scripted behaviours, all through the hub over HTTP.</summary>
public class PeerTests
{
    [Test]
    public async Task RejectingReceiver_SenderAutoWithdraws_LetterEndsWithdrawn()
    {
        await using var rig = HubRig.Create(ValidationProfile.Strict);
        rig.PeerA.Behaviour = new PeerBehaviour { AutoWithdrawRejected = true };
        rig.PeerB.Behaviour = PeerBehaviour.Rejecting;
        var letter = rig.LetterFromAToB();
        (await rig.PeerA.SendLetterAsync(letter)).Expect<SendLetterResponse>();

        await rig.PeerB.ProcessQueueAsync();
        var collected = await rig.PeerA.ProcessQueueAsync();

        collected.Select(c => c.Notifier!.Kind).ShouldBe([NotifierKind.ReceiveLetter, NotifierKind.RejectLetter]);
        var sent = rig.PeerA.Sent.Single();
        (sent.Acknowledged, sent.Rejected, sent.Withdrawn).ShouldBe((true, true, true));
        rig.Hub.FindLetter(letter.Key)!.State.ShouldBe(LetterState.Withdrawn);
        rig.PeerA.Problems.ShouldBeEmpty();
        rig.PeerB.Problems.ShouldBeEmpty();
    }

    [Test]
    public async Task ReportingInvalidReceiver_LetterEndsInvalid()
    {
        await using var rig = HubRig.Create(ValidationProfile.Strict);
        rig.PeerB.Behaviour = PeerBehaviour.ReportingInvalid;
        var letter = rig.LetterFromAToB();
        (await rig.PeerA.SendLetterAsync(letter)).Expect<SendLetterResponse>();

        await rig.PeerB.ProcessQueueAsync();
        await rig.PeerA.ProcessQueueAsync();

        rig.Hub.FindLetter(letter.Key)!.State.ShouldBe(LetterState.Invalid);
        rig.PeerA.Sent.Single().ReportedInvalid.ShouldBeTrue();
    }

    [Test]
    public async Task CooperativeReceiver_ReceiptNumberDisputed_RegistersAgainUnderANewNumber()
    {
        await using var rig = HubRig.Create(ValidationProfile.Strict);
        rig.PeerB.Behaviour = PeerBehaviour.Cooperative;
        var letter = rig.LetterFromAToB();
        (await rig.PeerA.SendLetterAsync(letter)).Expect<SendLetterResponse>();
        await rig.PeerB.ProcessQueueAsync();
        await rig.PeerA.ProcessQueueAsync();
        var first = rig.PeerA.Sent.Single().AcceptId!;

        (await rig.PeerA.DisputeAcceptIdAsync(letter, first)).Expect<SendNotifierResponse>();
        await rig.PeerB.ProcessQueueAsync();
        await rig.PeerA.ProcessQueueAsync();

        first.ShouldBe("รับ 2567/00001");
        rig.PeerA.Sent.Single().AcceptId.ShouldBe("รับ 2567/00002");
        rig.Hub.FindLetter(letter.Key)!.AcceptId.ShouldBe("รับ 2567/00002");
    }

    [Test]
    public async Task Peer_ItemRedelivered_StoredAndAnsweredOnce()
    {
        await using var rig = HubRig.Create();
        rig.PeerB.Behaviour = PeerBehaviour.Cooperative with { DeleteAfterPull = false };
        (await rig.PeerA.SendLetterAsync(rig.LetterFromAToB())).Expect<SendLetterResponse>();

        await rig.PeerB.ProcessQueueAsync();
        await rig.PeerB.ProcessQueueAsync();
        rig.PeerB.Behaviour = PeerBehaviour.Cooperative;
        await rig.PeerB.ProcessQueueAsync();

        var stored = rig.PeerB.Received.Single();
        stored.Deliveries.ShouldBe(3);
        stored.Deleted.ShouldBeTrue();
        stored.Answered.ShouldBeTrue();
        rig.Hub.Journal.Where(e => e.Operation == Operation.SendAcceptLetterNotifier).Count.ShouldBe(1);
        rig.Hub.Journal.Where(e => e.Operation == Operation.SendReceiveLetterNotifier).Count.ShouldBe(1);
    }

    [Test]
    public async Task Peer_Polling_AnswersWithoutBeingAsked()
    {
        await using var hub = FakeHub.Start();
        hub.RegisterAgency(HubRig.A, "หน่วยงานเอ", "Agency A");
        hub.RegisterAgency(HubRig.B, "หน่วยงานบี", "Agency B");
        await using var sender = FakePeerAgency.For(hub, HubRig.A);
        await using var receiver = FakePeerAgency.For(hub, HubRig.B, new FakePeerOptions { Behaviour = PeerBehaviour.Cooperative });
        receiver.StartPolling(TimeSpan.FromMilliseconds(20));

        (await sender.SendLetterAsync(sender.ComposeLetter(HubRig.B, "ทส 5/2567", "เชิญประชุม"))).Expect<SendLetterResponse>();
        var registered = await hub.Journal.WaitForAcceptedAsync(HubRig.B, Operation.SendAcceptLetterNotifier, TimeSpan.FromSeconds(10));
        await receiver.StopPollingAsync();

        ((SendNotifierRequest)registered.Request!).Notifier.LetterId.ShouldBe("ทส 5/2567");
        receiver.Problems.ShouldBeEmpty();
    }

    [Test]
    public async Task Peer_HubRefusesScriptedAnswer_ProblemRecordedNotThrown()
    {
        await using var rig = HubRig.Create();
        rig.PeerB.Behaviour = PeerBehaviour.Cooperative;
        (await rig.PeerA.SendLetterAsync(rig.LetterFromAToB())).Expect<SendLetterResponse>();
        rig.Hub.InjectFault(HubFault.BusinessErrors(new ErrorDetail("E120", "เลขรับไม่ถูกต้อง")).ForOperation(Operation.SendAcceptLetterNotifier));

        await rig.PeerB.ProcessQueueAsync();

        rig.PeerB.Problems.Single().ShouldContain("E120 เลขรับไม่ถูกต้อง");
    }

    [Test]
    public async Task Peer_SentLetter_KeepsNoFileContents()
    {
        await using var rig = HubRig.Create();

        (await rig.PeerA.SendLetterAsync(rig.LetterFromAToB())).Expect<SendLetterResponse>();

        rig.PeerA.Sent.Single().Letter.MainLetter!.ContentBase64.ShouldBeEmpty();
        rig.PeerA.Sent.Single().Letter.MainLetter!.MimeCode.ShouldBe("application/pdf");
    }

    [Test]
    public async Task WithdrawAndResend_AfterRejection_NewLetterQueued()
    {
        await using var rig = HubRig.Create(ValidationProfile.Strict);
        var letter = await rig.DeliverFromAToBAsync();
        (await rig.PeerB.RejectAsync(letter)).Expect<SendNotifierResponse>();

        var (withdraw, send) = await rig.PeerA.WithdrawAndResendAsync(letter, letter with { Description = "แก้ไขแล้ว" });

        withdraw.IsSuccess.ShouldBeTrue();
        send!.IsSuccess.ShouldBeTrue();
        rig.Hub.QueueOf(HubRig.B).Single().IsLetter.ShouldBeTrue();
    }

    [Test]
    public async Task Peer_AnswerDelay_WaitsBeforeEachAnswer()
    {
        using var clerkClock = new SignallingTimeProvider();
        var wait = TimeSpan.FromSeconds(10);
        await using var hub = FakeHub.Start();
        hub.RegisterAgency(HubRig.A, "หน่วยงานเอ", "Agency A");
        hub.RegisterAgency(HubRig.B, "หน่วยงานบี", "Agency B");
        await using var sender = FakePeerAgency.For(hub, HubRig.A);
        await using var slowClerk = FakePeerAgency.For(hub, HubRig.B, new FakePeerOptions
        {
            Behaviour = PeerBehaviour.Cooperative with { AnswerDelay = TimeSpan.FromMilliseconds(300) },
            TimeProvider = clerkClock,
        });
        (await sender.SendLetterAsync(sender.ComposeLetter(HubRig.B, "ทส 6/2567", "ช้า"))).Expect<SendLetterResponse>();

        var processing = slowClerk.ProcessQueueAsync();
        await clerkClock.WaitForTimerAsync(wait);
        var beforeFirstDelay = hub.Journal.Where(e => e.Operation.IsNotifier()).Count;
        clerkClock.Advance(TimeSpan.FromMilliseconds(300));
        var acknowledged = await hub.Journal.WaitForAsync(e => e.Operation == Operation.SendReceiveLetterNotifier, wait, "the acknowledgement");
        await clerkClock.WaitForTimerAsync(wait);
        var beforeSecondDelay = hub.Journal.Where(e => e.Operation == Operation.SendAcceptLetterNotifier).Count;
        clerkClock.Advance(TimeSpan.FromMilliseconds(300));
        await processing;

        // Each answer waited on the clerk's clock: nothing was sent while a delay was pending, both went once it elapsed.
        beforeFirstDelay.ShouldBe(0);
        beforeSecondDelay.ShouldBe(0);
        acknowledged.ShouldNotBeNull();
        hub.Journal.Where(e => e.Operation == Operation.SendAcceptLetterNotifier).Count.ShouldBe(1);
    }

    /// <summary>A fake clock that says when someone starts waiting on it, so a test advances it only once a delay is pending.</summary>
    private sealed class SignallingTimeProvider : Microsoft.Extensions.Time.Testing.FakeTimeProvider, IDisposable
    {
        private readonly SemaphoreSlim _timers = new(0);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
            {
                _timers.Release();
            }

            return timer;
        }

        public void Dispose() => _timers.Dispose();

        public async Task WaitForTimerAsync(TimeSpan timeout)
        {
            if (!await _timers.WaitAsync(timeout))
            {
                throw new TimeoutException($"No delay started on the fake clock within {timeout.TotalSeconds:0} s.");
            }
        }
    }
}
