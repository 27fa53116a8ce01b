using System.Net;
using ECms.ReferenceAgency.Tests.Support;

namespace ECms.ReferenceAgency.Tests.Integration;

/// <summary>
/// The control API as sut-control-api.md v1 defines it, seen only through <see cref="ControlApiClient"/>: every
/// outcome with its HTTP status, JSON conventions, and Thai text as UTF-8.
/// </summary>
public sealed class ControlApiContractTests
{
    private AgencyWorld _world = null!;

    [SetUp]
    public async Task SetUp() => _world = await AgencyWorld.StartAsync();

    [TearDown]
    public async Task TearDown() => await _world.DisposeAsync();

    private static IEnumerable<TestCaseData> UnknownLetterActions() =>
        new[] { "acknowledge", "register", "reject", "report-invalid", "dispute-accept-id", "withdraw", "resend" }
            .Select(a => new TestCaseData(a).SetName($"LetterAction_UnknownKey_404UnknownLetter({a})"));

    private static IEnumerable<TestCaseData> MalformedBodies() =>
    [
        new TestCaseData("send-letter", "{not json").SetName("Action_MalformedJson_400(send-letter)"),
        new TestCaseData("acknowledge", "[1,2]").SetName("Action_NotAnObject_400(acknowledge)"),
        new TestCaseData("register", """{"letterId":"x","correspondenceDate":"2024-06-11"}""").SetName("Action_KeyWithoutCounterpart_400(register)"),
        new TestCaseData("send-letter", """{"mainLetter": 42}""").SetName("Action_WrongFieldType_400(send-letter)"),
    ];

    [Test]
    public async Task Health_Running_ProductVersionAndOrganization()
    {
        var health = await _world.Control.HealthAsync();

        health.Status.ShouldBe(HttpStatusCode.OK);
        health.ContentType.ShouldBe("application/json; charset=utf-8");
        health["product"].ShouldNotBeNullOrWhiteSpace();
        health["version"].ShouldNotBeNullOrWhiteSpace();
        health["organizationId"].ShouldBe(Letters.Sut);
    }

    [Test]
    public async Task SendLetter_Done_200WithProcessId()
    {
        var response = await _world.Control.ActionAsync("send-letter", Letters.Draft());

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.Outcome.ShouldBe("done");
        response["processId"].ShouldNotBeNullOrWhiteSpace();
    }

    [Test]
    public async Task SendLetter_BuddhistEraDate_422Refused()
    {
        var response = await _world.Control.ActionAsync("send-letter", Letters.Draft(date: "2567-06-11"));

        response.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        response.Outcome.ShouldBe("refused");
        response["reason"]!.ShouldContain("2024-06-11");
    }

    [Test]
    public async Task SendLetter_HubRefuses_502HubErrorWithErrors()
    {
        _world.Hub.InjectFault(ECms.Simulators.Faults.HubFault.BusinessErrors(new ECms.Protocol.Messages.ErrorDetail("E210", "unknown receiver")));

        var response = await _world.Control.ActionAsync("send-letter", Letters.Draft());

        response.Status.ShouldBe(HttpStatusCode.BadGateway);
        response.Outcome.ShouldBe("hub-error");
        response.Body["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("E210");
        response.Body["errors"]![0]!["description"]!.GetValue<string>().ShouldBe("unknown receiver");
    }

    [TestCaseSource(nameof(UnknownLetterActions))]
    public async Task LetterAction_UnknownKey_404UnknownLetter(string action)
    {
        var response = await _world.Control.ActionAsync(action, Letters.Key("ไม่มี 0/0"));

        response.Status.ShouldBe(HttpStatusCode.NotFound);
        response.Outcome.ShouldBe("unknown-letter");
    }

    [TestCaseSource(nameof(MalformedBodies))]
    public async Task Action_MalformedBody_400BadRequest(string action, string body)
    {
        var response = await _world.Control.RawActionAsync(action, body);

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.Outcome.ShouldBe("bad-request");
    }

    [Test]
    public async Task Action_NotInContract_501NotSupported()
    {
        var response = await _world.Control.ActionAsync("print-letter", Letters.Key());

        response.Status.ShouldBe(HttpStatusCode.NotImplemented);
        response.Outcome.ShouldBe("not-supported");
    }

    [Test]
    public async Task Configure_StaticConfiguration_501NotSupported()
    {
        await using var world = await AgencyWorld.StartAsync(o => o with { StaticConfiguration = true });

        var response = await world.Control.ActionAsync("configure", new { ecmsEndpoint = world.SutAgency.Endpoint.AbsoluteUri, organizationId = Letters.Sut });

        response.Status.ShouldBe(HttpStatusCode.NotImplemented);
        response.Outcome.ShouldBe("not-supported");
    }

    [Test]
    public async Task Poll_TimerOnlyPolling_501NotSupported()
    {
        await using var world = await AgencyWorld.StartAsync(o => o with { TimerOnlyPolling = true });

        var response = await world.Control.ActionAsync("poll");

        response.Status.ShouldBe(HttpStatusCode.NotImplemented);
        response.Outcome.ShouldBe("not-supported");
    }

    [Test]
    public async Task Configure_NewEndpoint_DoneAndTrafficGoesThere()
    {
        await using var other = ECms.Simulators.Hub.FakeHub.Start();
        var endpoint = other.RegisterAgency(Letters.Sut, "หน่วยงานเอ", "Agency A").Endpoint;

        var response = await _world.Control.ActionAsync("configure", new { ecmsEndpoint = endpoint.AbsoluteUri, organizationId = Letters.Sut });
        await _world.Control.ActionAsync("poll");

        response.Outcome.ShouldBe("done");
        other.Journal.Count.ShouldBe(1);
        _world.SutTraffic().ShouldBeEmpty();
    }

    [TestCase("not a url", "9900100000")]
    [TestCase("ftp://127.0.0.1/x", "9900100000")]
    [TestCase("http://127.0.0.1:1/9900100000/ecms-ws01/service2", "123")]
    [TestCase("http://127.0.0.1:1/9900100000/ecms-ws01/service2", "ABCDEFGHIJ")]
    public async Task Configure_InvalidValues_422Refused(string endpoint, string organizationId)
    {
        var response = await _world.Control.ActionAsync("configure", new { ecmsEndpoint = endpoint, organizationId });

        response.Outcome.ShouldBe("refused");
        (await _world.Control.HealthAsync())["organizationId"].ShouldBe(Letters.Sut);
    }

    [Test]
    public async Task RefreshDirectory_Done_RequestsEveryDirectoryList()
    {
        var response = await _world.Control.ActionAsync("refresh-directory");

        response.Outcome.ShouldBe("done");
        _world.SutTraffic().Select(e => e.Operation).ShouldBe(
        [
            ECms.Protocol.Operation.GetOrganizationList, ECms.Protocol.Operation.GetMinistryOrganizationList,
            ECms.Protocol.Operation.GetSecretCodes, ECms.Protocol.Operation.GetSpeedCodes, ECms.Protocol.Operation.GetMimeCodes,
        ]);
    }

    [Test]
    public async Task Listing_ThaiText_WrittenAsUtf8NotEscaped()
    {
        await _world.Control.ActionAsync("send-letter", Letters.Draft());

        using var http = new HttpClient();
        var raw = await http.GetStringAsync(new Uri(_world.Agency.ControlUrl, "letters/outbound"));

        raw.ShouldContain("ขอความอนุเคราะห์");
        raw.ShouldNotContain("\\u0E");
        raw.ShouldContain("\"counterpartOrganizationId\":\"9900200000\"");
    }

    [Test]
    public async Task Listing_SentLetter_ContractFieldsAndFileHashes()
    {
        await _world.Control.ActionAsync("send-letter", Letters.Draft());

        var letter = (await _world.Control.OutboundAsync()).Single()!.AsObject();

        foreach (var field in new[] { "counterpartOrganizationId", "letterId", "correspondenceDate", "subject", "secretCode", "speedCode", "status", "processId", "acceptId", "acceptDate", "mainLetter", "attachments", "references" })
        {
            letter.ContainsKey(field).ShouldBeTrue(field);
        }

        letter["status"]!.GetValue<string>().ShouldBe("sent");
        letter["mainLetter"]!["mimeType"]!.GetValue<string>().ShouldBe("application/pdf");
        letter["mainLetter"]!["size"]!.GetValue<long>().ShouldBe(Letters.Pdf.Length);
        letter["mainLetter"]!["sha256"]!.GetValue<string>().ShouldBe(Letters.Sha256(Letters.Pdf));
        letter["attachments"]![0]!["sha256"]!.GetValue<string>().ShouldBe(Letters.Sha256(Letters.Spreadsheet));
        letter["references"]![0]!["letterId"]!.GetValue<string>().ShouldBe("ทบ 9902/455");
        letter["acceptId"].ShouldBeNull();
    }
}
