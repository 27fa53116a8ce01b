using System.Globalization;
using System.Text.RegularExpressions;
using ECms.Protocol;
using ECms.Protocol.Lifecycle;
using ECms.Protocol.Messages;
using ECms.ReferenceAgency.Tests.Support;

namespace ECms.ReferenceAgency.Tests.Integration;

/// <summary>The agency as sender, against the real fake hub over HTTP (checklist C1–C22).</summary>
public sealed partial class SenderTests
{
    private AgencyWorld _world = null!;

    [SetUp]
    public async Task SetUp() => _world = await AgencyWorld.StartAsync();

    [TearDown]
    public async Task TearDown() => await _world.DisposeAsync();

    [Test]
    public async Task SendLetter_ValidDraft_HubHoldsOneLetterAddressedToPeer()
    {
        var response = await _world.Control.ActionAsync("send-letter", Letters.Draft());

        response.Outcome.ShouldBe("done", response.ToString());
        var letters = _world.Hub.AllLetters();
        letters.Count.ShouldBe(1);
        letters[0].Key.ShouldBe(new LetterKey(Letters.Sut, Letters.Peer, "ทส 9901.3/1187", "2024-06-11"));
        response["processId"].ShouldBe(letters[0].SubmissionProcessId);
        var send = _world.SutTraffic(Operation.SendLetter).Single();
        send.Request!.Header.To.ShouldBe(_world.PeerAgency.Endpoint.AbsoluteUri);
        send.Path.ShouldBe(_world.SutAgency.Endpoint.AbsolutePath);
        _world.SutMustFindings().ShouldBeEmpty();
    }

    [Test]
    public async Task SendLetter_ValidDraft_WireCarriesGregorianDatesAndThaiText()
    {
        await _world.Control.ActionAsync("send-letter", Letters.Draft());

        var letter = ((SendLetterRequest)_world.SutTraffic(Operation.SendLetter).Single().Request!).Letter;
        letter.CorrespondenceDate.ShouldBe("2024-06-11");
        letter.SendDate.ShouldMatch(@"^20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d$");
        letter.References.Single().CorrespondenceDate.ShouldBe("2024-05-20");
        letter.Subject.ShouldBe(Letters.ThaiSubject);
        letter.Sender.MinistryId.ShouldBe("99");
        _world.SutTraffic(Operation.SendLetter).Single().RequestText.ShouldContain("&amp; 2567");
    }

    [Test]
    public async Task Requests_EveryOperation_MessageIdsUniqueInManualFormat()
    {
        await _world.Control.ActionAsync("refresh-directory");
        await _world.Control.ActionAsync("send-letter", Letters.Draft());
        await _world.Control.ActionAsync("poll");

        var ids = _world.SutTraffic().Select(e => e.Request!.Header.MessageId!).ToArray();
        ids.Length.ShouldBeGreaterThanOrEqualTo(7);
        ids.Distinct().Count().ShouldBe(ids.Length);
        ids.ShouldAllBe(id => MessageIdFormat().IsMatch(id));
    }

    [Test]
    public async Task SendLetter_NoCoverLetter_RefusedAndNothingReachesHub()
    {
        var response = await _world.Control.ActionAsync("send-letter", Letters.Draft(withCover: false));

        response.Status.ShouldBe(System.Net.HttpStatusCode.UnprocessableEntity);
        response.Outcome.ShouldBe("refused");
        response["reason"].ShouldNotBeNullOrWhiteSpace();
        _world.SutTraffic(Operation.SendLetter).ShouldBeEmpty();
    }

    [Test]
    public async Task SendLetter_ReceiverNotInDirectory_RefusedBeforeSending()
    {
        var response = await _world.Control.ActionAsync("send-letter", Letters.Draft(receiver: Letters.Unregistered));

        response.Outcome.ShouldBe("refused");
        response["reason"]!.ShouldContain("directory");
        _world.SutTraffic(Operation.SendLetter).ShouldBeEmpty();
    }

    [Test]
    public async Task SendLetter_SameNumberStillActive_RefusedAndHubKeepsOne()
    {
        await _world.Control.ActionAsync("send-letter", Letters.Draft());

        var second = await _world.Control.ActionAsync("send-letter", Letters.Draft());

        second.Outcome.ShouldBe("refused");
        _world.SutTraffic(Operation.SendLetter).Count.ShouldBe(1);
    }

    [Test]
    public async Task SendLetter_HubAnswersErrorDetails_HubErrorWithBothAndNotListed()
    {
        _world.Hub.InjectFault(ECms.Simulators.Faults.HubFault.BusinessErrors(
            new ErrorDetail("E120", "invalid value"), new ErrorDetail("E110", "schema")).ForAgency(Letters.Sut).ForOperation(Operation.SendLetter));

        var response = await _world.Control.ActionAsync("send-letter", Letters.Draft());

        response.Status.ShouldBe(System.Net.HttpStatusCode.BadGateway);
        response.Outcome.ShouldBe("hub-error");
        response.Body["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()).ShouldBe(["E120", "E110"]);
        (await _world.Control.OutboundAsync()).ShouldBeEmpty();
    }

    [Test]
    public async Task Notifiers_FromPeer_StatusAndReceiptNumberOnTheRightLetter()
    {
        await _world.Control.ActionAsync("send-letter", Letters.Draft());
        await _world.Control.ActionAsync("send-letter", Letters.Draft(letterId: "ทส 9901.3/1188", subject: "อีกฉบับ"));
        await _world.Peer.DrainAsync();
        await _world.Peer.NotifyAsync(new Notifier(NotifierKind.ReceiveLetter, "ทส 9901.3/1187", "2024-06-11", Letters.ThaiSubject), _world.SutAgency.Endpoint);
        await _world.Peer.NotifyAsync(new Notifier(NotifierKind.AcceptLetter, "ทส 9901.3/1187", "2024-06-11", Letters.ThaiSubject, "รับ 2567/04512"), _world.SutAgency.Endpoint);

        var poll = await _world.Control.ActionAsync("poll");

        poll.Body["processed"]!.GetValue<int>().ShouldBe(2);
        var outbound = await _world.Control.OutboundAsync();
        var first = outbound.Single(l => l!["letterId"]!.GetValue<string>() == "ทส 9901.3/1187")!;
        first["status"]!.GetValue<string>().ShouldBe("accepted");
        first["acceptId"]!.GetValue<string>().ShouldBe("รับ 2567/04512");
        first["acceptDate"]!.GetValue<string>().ShouldStartWith("20");
        outbound.Single(l => l!["letterId"]!.GetValue<string>() == "ทส 9901.3/1188")!["status"]!.GetValue<string>().ShouldBe("sent");
        _world.Hub.QueueOf(Letters.Sut).ShouldBeEmpty();
        _world.SutMustFindings().ShouldBeEmpty();
    }

    [GeneratedRegex(@"^mid://\d{8}\.\d{9}@\S+$")]
    private static partial Regex MessageIdFormat();
}
