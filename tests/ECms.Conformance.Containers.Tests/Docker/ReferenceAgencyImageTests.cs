using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules;
using ECms.Simulators.Client;
using ECms.Simulators.Hub;

namespace ECms.Conformance.Containers.Tests.Docker;

/// <summary>
/// The image itself, end to end against the real fake hub: Thai text in and out, SHA-256 (OpenSSL, copied into the
/// FROM-scratch image), SQLite (its native library) and the Buddhist-era receipt number — all of which a
/// self-contained, invariant-globalization publish could break without any unit test noticing.
/// </summary>
public sealed class ReferenceAgencyImageTests : ContainerTest
{
    private const string Peer = "9900200000";
    private const string ThaiSubject = "ขอเชิญประชุมคณะทำงาน ครั้งที่ ๒/๒๕๖๗ & สรุปผล";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% container test\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    private FakeHub _hub = null!;
    private RegisteredAgency _sutAgency = null!;
    private RegisteredAgency _peerAgency = null!;

    [SetUp]
    public void StartHub()
    {
        _hub = FakeHub.Start(new FakeHubOptions { Strictness = ValidationProfile.Strict });
        _sutAgency = _hub.RegisterAgency(Sut, "หน่วยงานเอ", "Agency A");
        _peerAgency = _hub.RegisterAgency(Peer, "หน่วยงานบี", "Agency B");
    }

    [TearDown]
    public async Task StopHub() => await _hub.DisposeAsync();

    [Test]
    public async Task Register_ThaiLetterFromPeer_BuddhistEraReceiptAndExactHashes()
    {
        await using var sut = await SutContainer.StartAsync(AgencyOptions() with { EcmsEndpoint = _sutAgency.Endpoint });
        using var control = new HttpClient { BaseAddress = sut.ControlUrl };
        using var peer = new EcmsHubClient(_peerAgency.Endpoint);
        (await peer.SendLetterAsync(PeerLetter(), _sutAgency.Endpoint)).Response.ShouldBeOfType<SendLetterResponse>();
        var year = WireFormats.BuddhistEraYear(WireFormats.ThaiToday(TimeProvider.System));

        var poll = await PostAsync(control, "poll", new { });
        var register = await PostAsync(control, "register", new { counterpartOrganizationId = Peer, letterId = "ทบ 9902/777", correspondenceDate = "2024-06-12" });
        var inbound = (await control.GetFromJsonAsync<JsonArray>("letters/inbound"))!.Single()!;

        Outcome(poll).ShouldBe("done", poll.ToJsonString());
        poll["processed"]!.GetValue<int>().ShouldBe(1);
        Outcome(register).ShouldBe("done", register.ToJsonString());
        register["acceptId"]!.GetValue<string>().ShouldBe($"รับ {year}/00001", register.ToJsonString());
        inbound["subject"]!.GetValue<string>().ShouldBe(ThaiSubject);
        inbound["status"]!.GetValue<string>().ShouldBe("registered");
        inbound["mainLetter"]!["sha256"]!.GetValue<string>().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Pdf)));
    }

    [Test]
    public async Task SendLetter_ConfiguredThroughControlApi_ThaiLetterWithGregorianDatesReachesTheHub()
    {
        // Started pointing nowhere (port 9): only the configure action can make the letter reach the hub.
        await using var sut = await SutContainer.StartAsync(AgencyOptions());
        using var control = new HttpClient { BaseAddress = sut.ControlUrl };

        var configure = await PostAsync(control, "configure", new { ecmsEndpoint = _sutAgency.Endpoint.AbsoluteUri, organizationId = Sut });
        var send = await PostAsync(control, "send-letter", Draft());

        Outcome(configure).ShouldBe("done", configure.ToJsonString());
        Outcome(send).ShouldBe("done", send.ToJsonString());
        var exchange = _hub.Journal.Where(e => e.OrganizationId == Sut && e.Operation == Operation.SendLetter).Single();
        var letter = ((SendLetterRequest)exchange.Request!).Letter;
        letter.Subject.ShouldBe(ThaiSubject);
        letter.CorrespondenceDate.ShouldBe("2024-06-11");
        letter.SendDate.ShouldMatch(@"^20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d$");
        exchange.Findings.Where(f => f.Level == RuleLevel.Must).ShouldBeEmpty();
    }

    private static async Task<JsonObject> PostAsync(HttpClient control, string action, object body)
    {
        using var response = await control.PostAsJsonAsync("actions/" + action, body);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static string? Outcome(JsonObject answer) => answer["outcome"]?.GetValue<string>();

    private static Letter PeerLetter() => new()
    {
        LetterId = "ทบ 9902/777",
        CorrespondenceDate = "2024-06-12",
        Subject = ThaiSubject,
        SecretCode = "001",
        SpeedCode = "003",
        Sender = Party.ForOrganization(Peer, "อธิบดีหน่วยงานบี", "สมชาย", "ใจดี"),
        Receiver = Party.ForOrganization(Sut, "ผู้อำนวยการหน่วยงานเอ"),
        AttachmentText = "-",
        SendDate = "2024-06-12T10:15:00",
        Description = "ทดสอบในคอนเทนเนอร์",
        MainLetter = BinaryDocument.FromBytes("application/pdf", Pdf),
    };

    private static object Draft() => new
    {
        receiverOrganizationId = Peer,
        letterId = "ทส 9901.3/1187",
        correspondenceDate = "2024-06-11",
        subject = ThaiSubject,
        secretCode = "001",
        speedCode = "003",
        description = "ขอให้ส่งข้อมูลภายในวันที่ 30 มิถุนายน 2567",
        attachmentText = "-",
        sender = new { givenName = "วรรณา", familyName = "ทดลองดี", jobTitle = "ผู้อำนวยการกองทดสอบระบบ" },
        receiver = new { givenName = "", familyName = "", jobTitle = "อธิบดีหน่วยงานบี" },
        references = Array.Empty<object>(),
        mainLetter = new { fileName = "cover.pdf", mimeType = "application/pdf", contentBase64 = Convert.ToBase64String(Pdf) },
        attachments = Array.Empty<object>(),
    };
}
