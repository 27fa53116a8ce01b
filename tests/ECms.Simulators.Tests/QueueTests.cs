using ECms.Protocol;
using ECms.Protocol.Lifecycle;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules;
using ECms.Simulators.Client;
using ECms.Simulators.Tests.Support;

namespace ECms.Simulators.Tests;

/// <summary>Queue semantics of spec §5.3–§5.4: non-destructive pulls, FIFO, one queue per agency, delete by exact ProcessID.</summary>
public class QueueTests
{
    [Test]
    public async Task Pull_WithoutDelete_RedeliversTheSameItem()
    {
        await using var rig = HubRig.Create();
        (await rig.PeerA.SendLetterAsync(rig.LetterFromAToB())).Expect<SendLetterResponse>();

        var first = (await rig.ClientB.PullAsync()).Expect<PullResponse>().Item!;
        var second = (await rig.ClientB.PullAsync()).Expect<PullResponse>().Item!;
        (await rig.ClientB.DeleteAsync(second.ProcessId)).Expect<DeleteFromQueueResponse>();
        var third = (await rig.ClientB.PullAsync()).Expect<PullResponse>();

        second.ProcessId.ShouldBe(first.ProcessId);
        second.Letter!.LetterId.ShouldBe(first.Letter!.LetterId);
        third.Item.ShouldBeNull();
    }

    [Test]
    public async Task Pull_MixedQueue_DeliversLettersAndNotifiersInArrivalOrder()
    {
        await using var rig = HubRig.Create();
        var earlier = rig.LetterFromBToA("ทบ 1/2567");
        (await rig.PeerB.SendLetterAsync(earlier)).Expect<SendLetterResponse>();
        var pulled = (await rig.ClientA.PullAsync()).Expect<PullResponse>().Item!;
        (await rig.ClientA.DeleteAsync(pulled.ProcessId)).Expect<DeleteFromQueueResponse>();
        (await rig.PeerB.SendLetterAsync(rig.LetterFromBToA("ทบ 2/2567"))).Expect<SendLetterResponse>();
        (await rig.PeerA.AcknowledgeAsync(earlier)).Expect<SendNotifierResponse>();
        (await rig.PeerB.SendLetterAsync(rig.LetterFromBToA("ทบ 3/2567"))).Expect<SendLetterResponse>();
        (await rig.PeerA.RejectAsync(earlier)).Expect<SendNotifierResponse>();
        (await rig.PeerB.SendLetterAsync(rig.LetterFromBToA("ทบ 4/2567"))).Expect<SendLetterResponse>();

        var forA = new List<string>();
        var forB = new List<string>();
        await DrainAsync(rig.ClientA, forA);
        await DrainAsync(rig.ClientB, forB);

        forA.ShouldBe(["ทบ 2/2567", "ทบ 3/2567", "ทบ 4/2567"]);
        forB.ShouldBe(["ReceiveLetter:ทบ 1/2567", "RejectLetter:ทบ 1/2567"]);
    }

    [Test]
    public async Task Delete_ForeignProcessId_RefusedAndItemStaysQueued()
    {
        await using var rig = HubRig.Create();
        (await rig.PeerA.SendLetterAsync(rig.LetterFromAToB())).Expect<SendLetterResponse>();
        var item = (await rig.ClientB.PullAsync()).Expect<PullResponse>().Item!;

        var foreign = await rig.ClientA.DeleteAsync(item.ProcessId);

        foreign.Status.ShouldBe(EcmsCallStatus.BusinessError);
        foreign.Errors.Single().Code.ShouldBe("E400");
        foreign.Errors.Single().Description.ShouldContain("another organisation");
        rig.Hub.QueueOf(HubRig.B).Single().ProcessId.ShouldBe(item.ProcessId);
    }

    [TestCase("Q000000009999")]
    [TestCase("")]
    public async Task Delete_UnknownProcessId_Refused(string processId)
    {
        await using var rig = HubRig.Create();

        var result = await rig.ClientA.DeleteAsync(processId);

        result.Status.ShouldBe(EcmsCallStatus.BusinessError);
        result.Errors.Select(e => e.Code).ShouldContain("E400");
    }

    [TestCase(ValidationProfile.Lenient, EcmsCallStatus.Success)]
    [TestCase(ValidationProfile.Strict, EcmsCallStatus.BusinessError)]
    public async Task Delete_Twice_IdempotentOnlyWhenLenient(ValidationProfile profile, EcmsCallStatus expected)
    {
        await using var rig = HubRig.Create(profile);
        await rig.DeliverFromAToBAsync();
        var processId = rig.Hub.Journal.Where(e => e.Operation == Operation.DeleteFromQueue).Single().Request is DeleteFromQueueRequest d ? d.ProcessId : "";

        var again = await rig.ClientB.DeleteAsync(processId);

        again.Status.ShouldBe(expected);
        rig.Hub.Journal.Last!.Findings.ShouldContain(f => f.RuleId == "R-DEL-1");
    }

    [Test]
    public async Task Delete_LetterItem_MovesLetterToDelivered()
    {
        await using var rig = HubRig.Create();
        var letter = rig.LetterFromAToB();
        (await rig.PeerA.SendLetterAsync(letter)).Expect<SendLetterResponse>();
        var item = (await rig.ClientB.PullAsync()).Expect<PullResponse>().Item!;
        var stateAfterPull = rig.Hub.FindLetter(letter.Key)!.State;

        (await rig.ClientB.DeleteAsync(item.ProcessId)).Expect<DeleteFromQueueResponse>();

        stateAfterPull.ShouldBe(LetterState.Sent);
        rig.Hub.FindLetter(letter.Key)!.State.ShouldBe(LetterState.Delivered);
    }

    [Test]
    public async Task ProcessIds_SubmissionAndQueueItem_AreDistinctByDefaultAndSameWhenConfigured()
    {
        await using var distinct = HubRig.Create();
        await using var same = HubRig.Create(configure: o => o with { QueueItemReusesSubmissionProcessId = true });

        var distinctSent = (await distinct.PeerA.SendLetterAsync(distinct.LetterFromAToB())).Expect<SendLetterResponse>();
        var sameSent = (await same.PeerA.SendLetterAsync(same.LetterFromAToB())).Expect<SendLetterResponse>();

        distinct.Hub.QueueOf(HubRig.B).Single().ProcessId.ShouldNotBe(distinctSent.ProcessId);
        same.Hub.QueueOf(HubRig.B).Single().ProcessId.ShouldBe(sameSent.ProcessId);
    }

    [Test]
    public async Task InjectQueueItem_NotifierForUnknownLetter_IsPulledLikeAnyOther()
    {
        await using var rig = HubRig.Create();
        var stray = new Notifier(NotifierKind.AcceptLetter, "ไม่มี 1/2567", "2024-06-01", "ไม่มีหนังสือนี้", "รับ 1");

        var processId = rig.Hub.InjectQueueItem(HubRig.A, stray);
        var pulled = (await rig.ClientA.PullAsync()).Expect<PullResponse>().Item!;
        var deleted = await rig.ClientA.DeleteAsync(processId);

        pulled.ProcessId.ShouldBe(processId);
        pulled.Notifier!.LetterId.ShouldBe("ไม่มี 1/2567");
        pulled.Notifier.AcceptDate.ShouldBe("2024-06-11T09:30:00.000");
        deleted.IsSuccess.ShouldBeTrue();
    }

    private static async Task DrainAsync(EcmsHubClient client, List<string> seen)
    {
        while ((await client.PullAsync()).Expect<PullResponse>().Item is { } item)
        {
            seen.Add(item.Letter is { } letter ? letter.LetterId : $"{item.Notifier!.Kind}:{item.Notifier.LetterId}");
            (await client.DeleteAsync(item.ProcessId)).Expect<DeleteFromQueueResponse>();
        }
    }
}
