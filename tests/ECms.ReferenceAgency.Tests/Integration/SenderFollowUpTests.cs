using ECms.Protocol;
using ECms.Protocol.Lifecycle;
using ECms.Protocol.Messages;
using ECms.ReferenceAgency.Tests.Support;

namespace ECms.ReferenceAgency.Tests.Integration;

/// <summary>After sending: rejection, withdrawal, resend and disputed receipt numbers (checklist C13–C22, F3, F6).</summary>
public sealed class SenderFollowUpTests
{
    private const string LetterId = "ทส 9901.3/1187";
    private const string Date = "2024-06-11";

    private AgencyWorld _world = null!;

    [SetUp]
    public async Task SetUp()
    {
        _world = await AgencyWorld.StartAsync();
        (await _world.Control.ActionAsync("send-letter", Letters.Draft())).Outcome.ShouldBe("done");
        await _world.Peer.DrainAsync();
    }

    [TearDown]
    public async Task TearDown() => await _world.DisposeAsync();

    [Test]
    public async Task Resend_AfterRejection_WithdrawsFirstThenSendsCorrectedLetter()
    {
        await PeerNotifiesAsync(NotifierKind.RejectLetter);
        await _world.Control.ActionAsync("poll");
        var corrected = Letters.Draft(subject: "ขอความอนุเคราะห์ข้อมูล (ฉบับแก้ไข)");

        var resend = await _world.Control.ActionAsync("resend", new Dictionary<string, object?>(Letters.Key()) { ["letter"] = corrected });

        resend.Outcome.ShouldBe("done", resend.ToString());
        var operations = _world.SutTraffic().Select(e => e.Operation).Where(o => o is Operation.WithdrawLetter or Operation.SendLetter).ToArray();
        operations.ShouldBe([Operation.SendLetter, Operation.WithdrawLetter, Operation.SendLetter]);
        var withdraw = (WithdrawLetterRequest)_world.SutTraffic(Operation.WithdrawLetter).Single().Request!;
        withdraw.ShouldBe(new WithdrawLetterRequest(LetterId, Date, Letters.Sut, Letters.Peer) { Header = withdraw.Header });
        withdraw.Header.To.ShouldBe(_world.SutAgency.Endpoint.AbsoluteUri);
        _world.Hub.AllLetters().Select(l => l.State).ShouldBe([LetterState.Withdrawn, LetterState.Sent]);
        (await _world.Control.OutboundAsync()).Select(l => $"{l!["status"]} {l["subject"]}")
            .ShouldBe(["withdrawn " + Letters.ThaiSubject, "sent ขอความอนุเคราะห์ข้อมูล (ฉบับแก้ไข)"]);
        _world.SutMustFindings().ShouldBeEmpty();
    }

    [Test]
    public async Task SendLetter_SameNumberAfterRejection_RefusedUntilWithdrawn()
    {
        await PeerNotifiesAsync(NotifierKind.InvalidLetter);
        await _world.Control.ActionAsync("poll");

        var beforeWithdraw = await _world.Control.ActionAsync("send-letter", Letters.Draft());
        var withdraw = await _world.Control.ActionAsync("withdraw", Letters.Key());
        var afterWithdraw = await _world.Control.ActionAsync("send-letter", Letters.Draft());

        beforeWithdraw.Outcome.ShouldBe("refused");
        beforeWithdraw["reason"]!.ShouldContain("Withdraw");
        withdraw.Outcome.ShouldBe("done");
        afterWithdraw.Outcome.ShouldBe("done");
        _world.SutTraffic(Operation.SendLetter).Count.ShouldBe(2);
    }

    [Test]
    public async Task Withdraw_RegisteredLetter_HubRefusalShownAndStateKept()
    {
        await PeerNotifiesAsync(NotifierKind.ReceiveLetter);
        await PeerNotifiesAsync(NotifierKind.AcceptLetter, "รับ 2567/00077");
        await _world.Control.ActionAsync("poll");

        var withdraw = await _world.Control.ActionAsync("withdraw", Letters.Key());

        withdraw.Outcome.ShouldBe("hub-error", withdraw.ToString());
        withdraw.Body["errors"]!.AsArray().ShouldNotBeEmpty();
        (await _world.Control.OutboundAsync()).Single()!["status"]!.GetValue<string>().ShouldBe("accepted");
    }

    [Test]
    public async Task AcceptLetterNotifier_WithoutAcknowledgement_ReceiptNumberRecorded()
    {
        await PeerNotifiesAsync(NotifierKind.AcceptLetter, "รับ 2567/00078");

        await _world.Control.ActionAsync("poll");

        var letter = (await _world.Control.OutboundAsync()).Single()!;
        letter["status"]!.GetValue<string>().ShouldBe("accepted");
        letter["acceptId"]!.GetValue<string>().ShouldBe("รับ 2567/00078");
        letter["acceptDepartment"]!.GetValue<string>().ShouldBe(Letters.Peer);
    }

    [Test]
    public async Task ReceiveLetterNotifier_SubjectDiffersSlightly_StillMatchedOnNumberDateAndCounterpart()
    {
        await _world.Peer.NotifyAsync(new Notifier(NotifierKind.ReceiveLetter, LetterId, Date, Letters.ThaiSubject + " "), _world.SutAgency.Endpoint);

        await _world.Control.ActionAsync("poll");

        (await _world.Control.OutboundAsync()).Single()!["status"]!.GetValue<string>().ShouldBe("received-by-peer");
        _world.Agency.Agency.ListParked().ShouldBeEmpty();
    }

    [Test]
    public async Task DisputeAcceptId_Recorded_PeerGetsNoticeAndCorrectionReplacesNumber()
    {
        await PeerNotifiesAsync(NotifierKind.ReceiveLetter);
        await PeerNotifiesAsync(NotifierKind.AcceptLetter, "รับ 2567/00079");
        await _world.Control.ActionAsync("poll");

        var dispute = await _world.Control.ActionAsync("dispute-accept-id", Letters.Key());
        var notice = (await _world.Peer.DrainAsync()).Single().Notifier!;
        await PeerNotifiesAsync(NotifierKind.AcceptLetter, "รับ 2567/00080");
        await _world.Control.ActionAsync("poll");

        dispute.Outcome.ShouldBe("done", dispute.ToString());
        notice.Kind.ShouldBe(NotifierKind.InvalidAcceptId);
        notice.AcceptId.ShouldBe("รับ 2567/00079");
        notice.Subject.ShouldBe(Letters.ThaiSubject);
        _world.SutTraffic(Operation.SendInvalidAcceptIdNotifier).Single().Request!.Header.To.ShouldBe(_world.PeerAgency.Endpoint.AbsoluteUri);
        var letter = (await _world.Control.OutboundAsync()).Single()!;
        letter["acceptId"]!.GetValue<string>().ShouldBe("รับ 2567/00080");
        letter["status"]!.GetValue<string>().ShouldBe("accepted");
        _world.SutMustFindings().ShouldBeEmpty();
    }

    [Test]
    public async Task DisputeAcceptId_NoReceiptNumberYet_Refused()
    {
        var dispute = await _world.Control.ActionAsync("dispute-accept-id", Letters.Key());

        dispute.Outcome.ShouldBe("refused");
        _world.SutTraffic(Operation.SendInvalidAcceptIdNotifier).ShouldBeEmpty();
    }

    private Task<EcmsResponse?> PeerNotifiesAsync(NotifierKind kind, string? acceptId = null) =>
        _world.Peer.NotifyAsync(new Notifier(kind, LetterId, Date, Letters.ThaiSubject, acceptId), _world.SutAgency.Endpoint);
}
