using ECms.Protocol.Lifecycle;
using ECms.Protocol.Messages;
using ECms.Simulators.Hub;
using ECms.Simulators.Tests.Support;

namespace ECms.Simulators.Tests;

/// <summary>The harness's clean-up between scenarios: an agency's queue emptied without pretending a delivery.</summary>
public class ClearQueueTests
{
    [Test]
    public async Task ClearQueue_ItemsLeftUndeleted_QueueEmptyAndLetterStateUnchanged()
    {
        await using var rig = HubRig.Create();
        var letter = rig.LetterFromAToB();
        var sent = (await rig.PeerA.SendLetterAsync(letter)).Expect<SendLetterResponse>();
        var pulled = (await rig.ClientB.PullAsync()).Expect<PullResponse>().Item!;

        var cleared = rig.Hub.ClearQueue(HubRig.B);
        var after = (await rig.ClientB.PullAsync()).Expect<PullResponse>();

        sent.ProcessId.ShouldNotBeNullOrEmpty();
        cleared.ShouldBe([pulled.ProcessId]);
        after.Item.ShouldBeNull();
        rig.Hub.QueueOf(HubRig.B).ShouldBeEmpty();
        rig.Hub.FindLetter(letter.Key)!.State.ShouldBe(LetterState.Sent);
    }

    [Test]
    public async Task ClearQueue_OtherAgency_LeavesItsQueueAlone()
    {
        await using var rig = HubRig.Create();
        (await rig.PeerA.SendLetterAsync(rig.LetterFromAToB())).Expect<SendLetterResponse>();

        var cleared = rig.Hub.ClearQueue(HubRig.A);

        cleared.ShouldBeEmpty();
        rig.Hub.QueueOf(HubRig.B).Count.ShouldBe(1);
    }

    [Test]
    public void ClearQueue_UnknownAgency_Throws()
    {
        using var hub = FakeHub.Start();

        Should.Throw<ArgumentException>(() => hub.ClearQueue("9900999000"));
    }
}
