using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.ReferenceAgency.Tests.Support;
using ECms.Simulators.Faults;

namespace ECms.ReferenceAgency.Tests.Integration;

/// <summary>The agency as receiver, against the real fake hub over HTTP (checklist D1–D15).</summary>
public sealed class ReceiverTests
{
    private static readonly byte[] Enclosure = [1, 2, 3, 4, 5, 250, 0, 7];

    private AgencyWorld _world = null!;

    [SetUp]
    public async Task SetUp() => _world = await AgencyWorld.StartAsync();

    [TearDown]
    public async Task TearDown() => await _world.DisposeAsync();

    [Test]
    public async Task Poll_EmptyQueue_NoDeleteAndNothingStored()
    {
        var poll = await _world.Control.ActionAsync("poll");

        poll.Outcome.ShouldBe("done");
        poll.Body["processed"]!.GetValue<int>().ShouldBe(0);
        _world.SutTraffic(Operation.DeleteFromQueue).ShouldBeEmpty();
        (await _world.Control.InboundAsync()).ShouldBeEmpty();
    }

    [Test]
    public async Task Poll_LetterFromPeer_StoredByteExactThenDeletedWithItsProcessId()
    {
        await PeerSendsAsync("ทบ 9902/500");
        var queued = _world.Hub.QueueOf(Letters.Sut).Single();

        await _world.Control.ActionAsync("poll");

        var letter = (await _world.Control.InboundAsync()).Single()!;
        letter["counterpartOrganizationId"]!.GetValue<string>().ShouldBe(Letters.Peer);
        letter["status"]!.GetValue<string>().ShouldBe("received");
        letter["subject"]!.GetValue<string>().ShouldBe("หนังสือทดสอบ & ภาษาไทย");
        letter["secretCode"]!.GetValue<string>().ShouldBe("003");
        letter["processId"]!.GetValue<string>().ShouldBe(queued.ProcessId);
        letter["mainLetter"]!["sha256"]!.GetValue<string>().ShouldBe(Letters.Sha256(Letters.Pdf));
        letter["attachments"]!.AsArray().Single()!["sha256"]!.GetValue<string>().ShouldBe(Letters.Sha256(Enclosure));
        letter["attachments"]!.AsArray().Single()!["size"]!.GetValue<long>().ShouldBe(Enclosure.Length);
        letter["references"]!.AsArray().Count.ShouldBe(2);
        var delete = (DeleteFromQueueRequest)_world.SutTraffic(Operation.DeleteFromQueue).Single().Request!;
        delete.ProcessId.ShouldBe(queued.ProcessId);
        _world.Hub.QueueOf(Letters.Sut).ShouldBeEmpty();
    }

    [Test]
    public async Task Poll_DeleteFailsOnce_RedeliveredItemNotStoredTwice()
    {
        await PeerSendsAsync("ทบ 9902/501");
        _world.Hub.InjectFault(HubFault.HttpError(503).ForAgency(Letters.Sut).ForOperation(Operation.DeleteFromQueue));

        var first = await _world.Control.ActionAsync("poll");
        var second = await _world.Control.ActionAsync("poll");

        first.Outcome.ShouldBe("hub-error");
        second.Outcome.ShouldBe("done");
        (await _world.Control.InboundAsync()).Count.ShouldBe(1);
        _world.SutTraffic(Operation.Pull).Count(e => e.Response is PullResponse { Item: not null }).ShouldBe(2);
        _world.Hub.QueueOf(Letters.Sut).ShouldBeEmpty();
    }

    [Test]
    public async Task Poll_MalformedHubAnswer_NoRecordAndNoDelete()
    {
        await PeerSendsAsync("ทบ 9902/502");
        _world.Hub.InjectFault(HubFault.MalformedBody().ForAgency(Letters.Sut).ForOperation(Operation.Pull));

        var poll = await _world.Control.ActionAsync("poll");

        poll.Outcome.ShouldBe("hub-error");
        (await _world.Control.InboundAsync()).ShouldBeEmpty();
        _world.SutTraffic(Operation.DeleteFromQueue).ShouldBeEmpty();
    }

    [Test]
    public async Task Poll_MixedQueue_DrainsAllInOneCycle()
    {
        await _world.Control.ActionAsync("send-letter", Letters.Draft());
        await _world.Peer.DrainAsync();
        await PeerSendsAsync("ทบ 9902/510");
        await _world.Peer.NotifyAsync(new Notifier(NotifierKind.ReceiveLetter, "ทส 9901.3/1187", "2024-06-11", Letters.ThaiSubject), _world.SutAgency.Endpoint);
        await PeerSendsAsync("ทบ 9902/511");
        await _world.Peer.NotifyAsync(new Notifier(NotifierKind.RejectLetter, "ทส 9901.3/1187", "2024-06-11", Letters.ThaiSubject), _world.SutAgency.Endpoint);

        var poll = await _world.Control.ActionAsync("poll");

        poll.Body["processed"]!.GetValue<int>().ShouldBe(4);
        (await _world.Control.InboundAsync()).Count.ShouldBe(2);
        (await _world.Control.OutboundAsync()).Single()!["status"]!.GetValue<string>().ShouldBe("rejected");
        _world.Hub.QueueOf(Letters.Sut).ShouldBeEmpty();
    }

    [Test]
    public async Task Poll_BatchLimitReached_StopsAndNextCycleContinues()
    {
        await using var world = await AgencyWorld.StartAsync(o => o with { BatchLimit = 2 });
        foreach (var n in new[] { "1", "2", "3" })
        {
            await world.Peer.SendLetterAsync(world.Peer.Letter(Letters.Sut, "ทบ 9902/52" + n, "ฉบับที่ " + n), world.SutAgency.Endpoint);
        }

        var first = await world.Control.ActionAsync("poll");
        var second = await world.Control.ActionAsync("poll");

        first.Body["processed"]!.GetValue<int>().ShouldBe(2);
        second.Body["processed"]!.GetValue<int>().ShouldBe(1);
        (await world.Control.InboundAsync()).Count.ShouldBe(3);
    }

    [Test]
    public async Task Acknowledge_ReceivedLetter_PeerGetsNotifierEchoingTheLetter()
    {
        await PeerSendsAndSutPollsAsync("ทบ 9902/530");

        var ack = await _world.Control.ActionAsync("acknowledge", Letters.Key("ทบ 9902/530", date: "2024-06-12"));

        ack.Outcome.ShouldBe("done", ack.ToString());
        var notifier = (await _world.Peer.DrainAsync()).Single().Notifier!;
        notifier.Kind.ShouldBe(NotifierKind.ReceiveLetter);
        notifier.LetterId.ShouldBe("ทบ 9902/530");
        notifier.CorrespondenceDate.ShouldBe("2024-06-12");
        notifier.Subject.ShouldBe("หนังสือทดสอบ & ภาษาไทย");
        _world.SutTraffic(Operation.SendReceiveLetterNotifier).Single().Request!.Header.To.ShouldBe(_world.PeerAgency.Endpoint.AbsoluteUri);
        (await _world.Control.InboundAsync()).Single()!["status"]!.GetValue<string>().ShouldBe("acknowledged");
        _world.SutMustFindings().ShouldBeEmpty();
    }

    [Test]
    public async Task Register_TwoLetters_ConsecutiveThaiReceiptNumbersReachPeer()
    {
        await PeerSendsAndSutPollsAsync("ทบ 9902/540");
        await PeerSendsAndSutPollsAsync("ทบ 9902/541");
        var year = WireFormats.BuddhistEraYear(WireFormats.ThaiToday(TimeProvider.System));

        var first = await _world.Control.ActionAsync("register", Letters.Key("ทบ 9902/540", date: "2024-06-12"));
        var second = await _world.Control.ActionAsync("register", Letters.Key("ทบ 9902/541", date: "2024-06-12"));

        first["acceptId"].ShouldBe($"รับ {year}/00001");
        second["acceptId"].ShouldBe($"รับ {year}/00002");
        var accepts = (await _world.Peer.DrainAsync()).Select(i => i.Notifier!).ToArray();
        accepts.Select(n => n.AcceptId).ShouldBe([$"รับ {year}/00001", $"รับ {year}/00002"]);
        accepts.ShouldAllBe(n => n.Kind == NotifierKind.AcceptLetter);
        (await _world.Control.InboundAsync()).Select(l => l!["acceptId"]!.GetValue<string>()).ShouldBe([$"รับ {year}/00001", $"รับ {year}/00002"]);
    }

    [Test]
    public async Task Register_RequestedNumberAlreadyUsed_RefusedAndNothingSent()
    {
        await PeerSendsAndSutPollsAsync("ทบ 9902/550");
        await PeerSendsAndSutPollsAsync("ทบ 9902/551");
        await _world.Control.ActionAsync("register", new Dictionary<string, object?>(Letters.Key("ทบ 9902/550", date: "2024-06-12")) { ["acceptId"] = "รับ 2567/04512" });

        var duplicate = await _world.Control.ActionAsync("register", new Dictionary<string, object?>(Letters.Key("ทบ 9902/551", date: "2024-06-12")) { ["acceptId"] = "รับ 2567/04512" });

        duplicate.Outcome.ShouldBe("refused");
        _world.SutTraffic(Operation.SendAcceptLetterNotifier).Count.ShouldBe(1);
    }

    [TestCase("reject", NotifierKind.RejectLetter, "rejected")]
    [TestCase("report-invalid", NotifierKind.InvalidLetter, "reported-invalid")]
    public async Task RefuseLetter_Received_PeerGetsNotifierAndLetterClosed(string action, NotifierKind kind, string status)
    {
        await PeerSendsAndSutPollsAsync("ทบ 9902/560");

        var response = await _world.Control.ActionAsync(action, Letters.Key("ทบ 9902/560", date: "2024-06-12"));
        var registerAfter = await _world.Control.ActionAsync("register", Letters.Key("ทบ 9902/560", date: "2024-06-12"));

        response.Outcome.ShouldBe("done");
        (await _world.Peer.DrainAsync()).Single().Notifier!.Kind.ShouldBe(kind);
        (await _world.Control.InboundAsync()).Single()!["status"]!.GetValue<string>().ShouldBe(status);
        registerAfter.Outcome.ShouldBe("refused");
        _world.SutTraffic(Operation.SendAcceptLetterNotifier).ShouldBeEmpty();
    }

    [Test]
    public async Task DisputedReceiptNumber_FlaggedThenCorrectedNumberDiffers()
    {
        await PeerSendsAndSutPollsAsync("ทบ 9902/570");
        var given = (await _world.Control.ActionAsync("register", Letters.Key("ทบ 9902/570", date: "2024-06-12")))["acceptId"]!;
        await _world.Peer.DrainAsync();
        await _world.Peer.NotifyAsync(new Notifier(NotifierKind.InvalidAcceptId, "ทบ 9902/570", "2024-06-12", "หนังสือทดสอบ & ภาษาไทย", given), _world.SutAgency.Endpoint);

        await _world.Control.ActionAsync("poll");
        var flagged = (await _world.Control.InboundAsync()).Single()!["status"]!.GetValue<string>();
        var corrected = await _world.Control.ActionAsync("register", Letters.Key("ทบ 9902/570", date: "2024-06-12"));

        flagged.ShouldBe("accept-id-disputed");
        corrected.Outcome.ShouldBe("done");
        corrected["acceptId"].ShouldNotBe(given);
        (await _world.Peer.DrainAsync()).Single().Notifier!.AcceptId.ShouldBe(corrected["acceptId"]);
        (await _world.Control.InboundAsync()).Single()!["status"]!.GetValue<string>().ShouldBe("registered");
    }

    [Test]
    public async Task Poll_BadEnclosure_StoredFlaggedAndDeleted()
    {
        var letter = _world.Peer.Letter(Letters.Sut, "ทบ 9902/580", "เอกสารแนบเสีย",
            new BinaryDocument("application/pdf", "@@not base64@@"), new BinaryDocument("application/x-unknown", Convert.ToBase64String(Enclosure)));
        _world.Hub.InjectQueueItem(Letters.Sut, letter);

        var poll = await _world.Control.ActionAsync("poll");

        poll.Body["processed"]!.GetValue<int>().ShouldBe(1);
        var stored = (await _world.Control.InboundAsync()).Single()!;
        stored["problems"]!.AsArray().Count.ShouldBe(2);
        var attachments = stored["attachments"]!.AsArray();
        attachments[0]!["sha256"].ShouldBeNull();
        attachments[1]!["sha256"]!.GetValue<string>().ShouldBe(Letters.Sha256(Enclosure));
        _world.Hub.QueueOf(Letters.Sut).ShouldBeEmpty();
    }

    [Test]
    public async Task Poll_LetterOverSizeLimit_RefusedAndLeftInQueue()
    {
        await using var world = await AgencyWorld.StartAsync(o => o with { MaxInboundLetterBytes = 64 });
        await world.Peer.SendLetterAsync(world.Peer.Letter(Letters.Sut, "ทบ 9902/590", "ใหญ่เกิน", BinaryDocument.FromBytes("application/pdf", new byte[4096])), world.SutAgency.Endpoint);

        var poll = await world.Control.ActionAsync("poll");

        poll.Outcome.ShouldBe("refused");
        (await world.Control.InboundAsync()).ShouldBeEmpty();
        world.SutTraffic(Operation.DeleteFromQueue).ShouldBeEmpty();
        world.Hub.QueueOf(Letters.Sut).Count.ShouldBe(1);
    }

    [Test]
    public async Task Poll_LetterResentAfterRejection_StoredAsNewEntry()
    {
        await PeerSendsAndSutPollsAsync("ทบ 9902/600");
        await _world.Control.ActionAsync("reject", Letters.Key("ทบ 9902/600", date: "2024-06-12"));
        await _world.Peer.DrainAsync();
        await _world.Peer.WithdrawAsync("ทบ 9902/600", "2024-06-12", Letters.Sut);
        await PeerSendsAsync("ทบ 9902/600");

        await _world.Control.ActionAsync("poll");
        var ack = await _world.Control.ActionAsync("acknowledge", Letters.Key("ทบ 9902/600", date: "2024-06-12"));

        (await _world.Control.InboundAsync()).Select(l => l!["status"]!.GetValue<string>()).ShouldBe(["rejected", "acknowledged"]);
        ack.Outcome.ShouldBe("done");
    }

    [Test]
    public async Task Poll_NotifierForUnknownLetter_ParkedDeletedAndNextItemHandled()
    {
        _world.Hub.InjectQueueItem(Letters.Sut, new Notifier(NotifierKind.AcceptLetter, "ไม่มี 1/1", "2024-01-01", "ไม่มีหนังสือนี้", "รับ 2567/1", null, Letters.Peer));
        await PeerSendsAsync("ทบ 9902/610");

        var poll = await _world.Control.ActionAsync("poll");

        poll.Body["processed"]!.GetValue<int>().ShouldBe(2);
        _world.Agency.Agency.ListParked().Single().LetterId.ShouldBe("ไม่มี 1/1");
        (await _world.Control.InboundAsync()).Count.ShouldBe(1);
        _world.Hub.QueueOf(Letters.Sut).ShouldBeEmpty();
    }

    private async Task PeerSendsAsync(string letterId)
    {
        var answer = await _world.Peer.SendLetterAsync(
            _world.Peer.Letter(Letters.Sut, letterId, "หนังสือทดสอบ & ภาษาไทย", BinaryDocument.FromBytes("application/octet-stream", Enclosure) with { MimeCode = "application/zip" }),
            _world.SutAgency.Endpoint);
        answer.ShouldBeOfType<SendLetterResponse>();
    }

    private async Task PeerSendsAndSutPollsAsync(string letterId)
    {
        await PeerSendsAsync(letterId);
        (await _world.Control.ActionAsync("poll")).Outcome.ShouldBe("done");
    }
}
