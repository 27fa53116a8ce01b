using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Simulators.Client;
using ECms.Simulators.Faults;
using ECms.Simulators.Hub;
using ECms.Simulators.Journal;
using ECms.Simulators.Tests.Support;

namespace ECms.Simulators.Tests;

/// <summary>Injected hub trouble (checklist A6–A8): what the client sees, that no state changes, and the scope rules.</summary>
public class FaultTests
{
    public static IEnumerable<TestCaseData> Kinds()
    {
        yield return new TestCaseData(HubFault.HttpError(503), EcmsCallStatus.SoapFault, 503).SetName("Fault_Http503_ClientSeesSoapFaultWith503");
        yield return new TestCaseData(HubFault.HttpError(502), EcmsCallStatus.SoapFault, 502).SetName("Fault_Http502_ClientSeesSoapFaultWith502");
        yield return new TestCaseData(HubFault.CloseConnection(), EcmsCallStatus.ConnectionFailed, null).SetName("Fault_CloseConnection_ClientSeesConnectionFailure");
        yield return new TestCaseData(HubFault.MalformedBody(), EcmsCallStatus.MalformedResponse, 200).SetName("Fault_MalformedBody_ClientSeesMalformedResponse");
        yield return new TestCaseData(HubFault.BusinessErrors(new ErrorDetail("E120", "รูปแบบไม่ถูกต้อง"), new ErrorDetail("E130", "ไม่มีหนังสือนำ")),
            EcmsCallStatus.BusinessError, 200).SetName("Fault_TwoErrorDetails_ClientSeesBoth");
    }

    [TestCaseSource(nameof(Kinds))]
    public async Task Fault_OnSend_ClientSeesItAndHubStateIsUnchanged(HubFault fault, EcmsCallStatus status, int? httpStatus)
    {
        await using var rig = HubRig.Create();
        await rig.PeerA.RefreshDirectoryAsync();
        var before = rig.Hub.DescribeState();
        var letter = rig.LetterFromAToB();
        using var handle = rig.Hub.InjectFault(fault.ForAgency(HubRig.A).ForOperation(Operation.SendLetter));

        var faulted = await rig.PeerA.SendLetterAsync(letter);
        var state = rig.Hub.DescribeState();
        var retried = await rig.PeerA.SendLetterAsync(letter);

        faulted.Status.ShouldBe(status, faulted.Describe());
        faulted.HttpStatus.ShouldBe(httpStatus);
        state.ShouldBe(before);
        var entry = rig.Hub.Journal.Entries[^2];
        entry.Outcome.ShouldBe(ExchangeOutcome.Faulted);
        entry.Fault.ShouldBe(handle.Fault);
        entry.Operation.ShouldBe(Operation.SendLetter);
        retried.IsSuccess.ShouldBeTrue(retried.Describe());
        handle.Hits.ShouldBe(1);
        rig.Hub.QueueOf(HubRig.B).Count.ShouldBe(1);
    }

    [Test]
    public async Task Fault_TwoErrorDetails_WireHasBothInOrder()
    {
        await using var rig = HubRig.Create();
        rig.Hub.InjectFault(HubFault.BusinessErrors(new ErrorDetail("E120", "one"), new ErrorDetail("E130", "two")).ForOperation(Operation.SendLetter));

        await rig.ClientA.SendLetterAsync(rig.LetterFromAToB(), rig.EndpointB);

        rig.Hub.Journal.Last!.ResponseText.ShouldContain(
            "<CorrespondenceLetterOutboundResponse><ErrorDetail><ErrorCode>E120</ErrorCode><ErrorDescription>one</ErrorDescription></ErrorDetail>" +
            "<ErrorDetail><ErrorCode>E130</ErrorCode><ErrorDescription>two</ErrorDescription></ErrorDetail></CorrespondenceLetterOutboundResponse>");
    }

    [Test]
    public async Task Delay_PastClientTimeout_ClientTimesOutAndHubRecordsTheAbandonedRequest()
    {
        await using var rig = HubRig.Create();
        using var impatient = new EcmsHubClient(rig.EndpointA, options: new EcmsHubClientOptions { Timeout = TimeSpan.FromSeconds(1) });
        // Warm the server's code paths first, so that only the injected delay can outlast the client's timeout.
        (await rig.PeerA.SendLetterAsync(rig.LetterFromAToB("ทส warm-up"))).Expect<SendLetterResponse>();
        var before = rig.Hub.DescribeState();
        rig.Hub.InjectFault(HubFault.Delayed(TimeSpan.FromMinutes(2)).ForAgency(HubRig.A));

        var result = await impatient.SendLetterAsync(rig.LetterFromAToB(), rig.EndpointB);
        var entry = await rig.Hub.Journal.WaitForAsync(e => e.Fault is not null, TimeSpan.FromSeconds(10), "the delayed exchange");

        result.Status.ShouldBe(EcmsCallStatus.Timeout);
        entry.StatusCode.ShouldBe(0);
        entry.Problem.ShouldBe("The client closed the connection during the injected delay.");
        rig.Hub.DescribeState().ShouldBe(before);
    }

    [Test]
    public async Task Delay_ShorterThanClientTimeout_Answers504AfterTheDelay()
    {
        await using var hub = FakeHub.Start();
        var agency = hub.RegisterAgency(HubRig.A, "หน่วยงานเอ", "Agency A");
        using var client = new EcmsHubClient(agency.Endpoint);
        hub.InjectFault(HubFault.Delayed(TimeSpan.FromMilliseconds(200)));

        var result = await client.PullAsync();

        result.Status.ShouldBe(EcmsCallStatus.SoapFault);
        result.HttpStatus.ShouldBe(504);
        var entry = hub.Journal.Last!;
        (entry.RespondedAt - entry.ReceivedAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(200));
    }

    [Test]
    public async Task Fault_ForOneAgency_OtherAgenciesAreServed()
    {
        await using var rig = HubRig.Create();
        rig.Hub.InjectFault(HubFault.HttpError(503).ForAgency(HubRig.A).Times(5));

        var b = await rig.ClientB.PullAsync();
        var a = await rig.ClientA.PullAsync();

        b.IsSuccess.ShouldBeTrue();
        a.HttpStatus.ShouldBe(503);
    }

    [Test]
    public async Task Fault_ForOneOperation_OtherOperationsAreServed()
    {
        await using var rig = HubRig.Create();
        rig.Hub.InjectFault(HubFault.HttpError(503).ForOperation(Operation.Pull).Times(5));

        var time = await rig.ClientA.DirectoryAsync(Operation.TimeCheck);
        var pull = await rig.ClientA.PullAsync();

        time.IsSuccess.ShouldBeTrue();
        pull.HttpStatus.ShouldBe(503);
    }

    [Test]
    public async Task Fault_Times2_ThirdRequestIsServed()
    {
        await using var rig = HubRig.Create();
        var handle = rig.Hub.InjectFault(HubFault.HttpError(503).Times(2));

        var statuses = new List<int?>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await rig.ClientA.PullAsync()).HttpStatus);
        }

        statuses.ShouldBe([503, 503, 200]);
        handle.Remaining.ShouldBe(0);
        rig.Hub.ActiveFaults.ShouldBeEmpty();
    }

    [Test]
    public async Task Fault_Window_EndsWhenHubClockPassesIt()
    {
        await using var rig = HubRig.Create();
        var handle = rig.Hub.InjectFault(HubFault.HttpError(503).For(TimeSpan.FromMinutes(10)));

        var first = await rig.ClientA.PullAsync();
        rig.Clock.Advance(TimeSpan.FromMinutes(9));
        var second = await rig.ClientB.PullAsync();
        rig.Clock.Advance(TimeSpan.FromMinutes(1));
        var third = await rig.ClientA.PullAsync();

        first.HttpStatus.ShouldBe(503);
        second.HttpStatus.ShouldBe(503);
        third.HttpStatus.ShouldBe(200);
        handle.Hits.ShouldBe(2);
    }

    [Test]
    public async Task Fault_StartingLater_AppliesOnlyInsideItsWindow()
    {
        await using var rig = HubRig.Create();
        rig.Hub.InjectFault(HubFault.HttpError(503).From(HubRig.Start.AddMinutes(5)).For(TimeSpan.FromMinutes(5)));

        var before = await rig.ClientA.PullAsync();
        rig.Clock.Advance(TimeSpan.FromMinutes(5));
        var during = await rig.ClientA.PullAsync();
        rig.Clock.Advance(TimeSpan.FromMinutes(5));
        var after = await rig.ClientA.PullAsync();

        new[] { before.HttpStatus, during.HttpStatus, after.HttpStatus }.ShouldBe([200, 503, 200]);
    }

    [Test]
    public async Task FaultHandle_Disposed_StopsApplying()
    {
        await using var rig = HubRig.Create();
        var handle = rig.Hub.InjectFault(HubFault.HttpError(503).For(TimeSpan.FromHours(1)));

        var during = await rig.ClientA.PullAsync();
        handle.Dispose();
        var after = await rig.ClientA.PullAsync();

        during.HttpStatus.ShouldBe(503);
        after.HttpStatus.ShouldBe(200);
        handle.IsRemoved.ShouldBeTrue();
    }

    [Test]
    public void InjectFault_ForUnregisteredAgency_IsRefused()
    {
        using var hub = FakeHub.Start();

        Should.Throw<ArgumentException>(() => hub.InjectFault(HubFault.HttpError().ForAgency("9900999000")));
    }

    [Test]
    public async Task Fault_OnPull_ItemStaysQueuedAndUnpulled()
    {
        await using var rig = HubRig.Create();
        (await rig.PeerA.SendLetterAsync(rig.LetterFromAToB())).Expect<SendLetterResponse>();
        rig.Hub.InjectFault(HubFault.CloseConnection().ForAgency(HubRig.B).ForOperation(Operation.Pull));

        var lost = await rig.ClientB.PullAsync();

        lost.Status.ShouldBe(EcmsCallStatus.ConnectionFailed);
        rig.Hub.QueueOf(HubRig.B).Single().PullCount.ShouldBe(0);
    }
}
