using System.Net;
using System.Text.Json;
using ECms.DevHub.Tests.Support;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules;
using ECms.Simulators.Client;
using ECms.Simulators.DevHub;

namespace ECms.DevHub.Tests;

/// <summary>The admin API over HTTP: the token guards everything; each endpoint changes the running hub.</summary>
public class AdminApiTests
{
    public static IEnumerable<TestCaseData> Unauthorised()
    {
        foreach (var token in new[] { null, "", "wrong-token-0123456789abcdef", DevHubRig.Token + "x", DevHubRig.Token[..^1] })
        {
            yield return new TestCaseData("GET", "/admin/status", token);
            yield return new TestCaseData("POST", "/admin/agencies", token);
            yield return new TestCaseData("DELETE", "/admin/faults", token);
            yield return new TestCaseData("GET", "/admin/nothing-here", token);
        }
    }

    [TestCaseSource(nameof(Unauthorised))]
    public async Task AdminCall_WithoutTheRightToken_Is401AndChangesNothing(string method, string path, string? token)
    {
        await using var rig = DevHubRig.Create();
        using var request = DevHubRig.Admin(new HttpMethod(method), path,
            method == "POST" ? """{"organizationId":"9900900000","thaiName":"ผู้บุกรุก","englishName":"Intruder"}""" : null, token);

        using var response = await rig.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer");
        rig.Server.Hub.Agencies.Count.ShouldBe(2);
    }

    [Test]
    public async Task RegisterAgency_WithToken_ConnectsItAndKeepsItAcrossRestart()
    {
        await using var rig = DevHubRig.Create();
        using var request = DevHubRig.Admin(HttpMethod.Post, "/admin/agencies", """{"organizationId":"9900300000","thaiName":"กรมทดสอบซี","englishName":"Test Department C"}""");

        using var response = await rig.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var endpoint = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("endpoint").GetString();
        endpoint.ShouldBe(new Uri(rig.Server.BaseUrl, "/9900300000/ecms-ws01/service2").AbsoluteUri);
        (await rig.PeerA.RefreshDirectoryAsync()).Select(o => o.OrganizationId).ShouldContain("9900300000");
        var dataFile = rig.Server.Hub.StorageLocation;
        await rig.Server.DisposeAsync();
        await using var restarted = DevHubServer.Start(new DevHubOptions { Port = 0, DataFile = dataFile, AdminToken = new AdminToken(DevHubRig.Token) });
        restarted.Hub.Agencies.Select(a => a.ThaiName).ShouldBe(["กรมทดสอบเอ", "กรมทดสอบบี", "กรมทดสอบซี"]);
    }

    [TestCase("""{"organizationId":"../../etc","thaiName":"x","englishName":"y"}""", HttpStatusCode.BadRequest)]
    [TestCase("""{"organizationId":"9900100000","thaiName":"ซ้ำ","englishName":"Again"}""", HttpStatusCode.Conflict)]
    [TestCase("""{"organizationId":"9900400000"}""", HttpStatusCode.BadRequest)]
    [TestCase("""{"organizationId":12,"thaiName":"x","englishName":"y"}""", HttpStatusCode.BadRequest)]
    [TestCase("""[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]""", HttpStatusCode.BadRequest)]
    [TestCase("""not json at all""", HttpStatusCode.BadRequest)]
    [TestCase("""{"organizationId":"9900500000","thaiName":"x","englishName":"y","simulate":"chaotic"}""", HttpStatusCode.BadRequest)]
    public async Task RegisterAgency_BadRequest_AnswersWithAReasonAndConnectsNothing(string body, HttpStatusCode expected)
    {
        await using var rig = DevHubRig.Create();
        using var request = DevHubRig.Admin(HttpMethod.Post, "/admin/agencies", body);

        using var response = await rig.Http.SendAsync(request);

        response.StatusCode.ShouldBe(expected);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString().ShouldNotBeNullOrWhiteSpace();
        rig.Server.Hub.Agencies.Count.ShouldBe(2);
    }

    [Test]
    public async Task Strictness_PutStrict_AppliesFromTheNextRequest()
    {
        await using var rig = DevHubRig.Create();
        using var request = DevHubRig.Admin(HttpMethod.Put, "/admin/strictness", """{"strictness":"strict"}""");

        using var response = await rig.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        rig.Server.Hub.Strictness.ShouldBe(ValidationProfile.Strict);
    }

    [Test]
    public async Task Fault_HttpErrorOnceForPull_AnswersThatPullWith503ThenRecovers()
    {
        await using var rig = DevHubRig.Create();
        using var request = DevHubRig.Admin(HttpMethod.Post, "/admin/faults", $$"""{"kind":"http-error","status":503,"organizationId":"{{DevHubRig.A}}","operation":"Pull","times":1}""");

        using var response = await rig.Http.SendAsync(request);
        var faulted = await rig.PeerA.PullAsync();
        var next = await rig.PeerA.PullAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        faulted.Status.ShouldNotBe(EcmsCallStatus.Success);
        faulted.HttpStatus.ShouldBe(503);
        next.Expect<PullResponse>();
    }

    [Test]
    public async Task Fault_AnswerLostForSendLetter_LetterIsStoredAlthoughTheSenderGotNoAnswer()
    {
        await using var rig = DevHubRig.Create();
        using var request = DevHubRig.Admin(HttpMethod.Post, "/admin/faults", $$"""{"kind":"answer-lost","organizationId":"{{DevHubRig.A}}","operation":"SendLetter"}""");
        var letter = rig.PeerA.ComposeLetter(DevHubRig.B, "ทส 9901.3/55", "คำตอบหายหลังบันทึก");

        using var response = await rig.Http.SendAsync(request);
        var lost = await rig.PeerA.SendLetterAsync(letter);
        var dataFile = rig.Server.Hub.StorageLocation;
        await rig.Server.DisposeAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("kind").GetString().ShouldBe("AnswerLost");
        lost.Status.ShouldBe(EcmsCallStatus.ConnectionFailed, lost.Describe());
        await using var restarted = DevHubServer.Start(new DevHubOptions { Port = 0, DataFile = dataFile, AdminToken = new AdminToken(DevHubRig.Token) });
        restarted.Hub.FindLetter(letter.Key).ShouldNotBeNull();
    }

    [TestCase("""{"kind":"answer-lost","delaySeconds":0}""")]
    [TestCase("""{"kind":"lost-answer"}""")]
    public async Task Fault_BadAnswerLostRequest_Is400AndInjectsNothing(string body)
    {
        await using var rig = DevHubRig.Create();
        using var request = DevHubRig.Admin(HttpMethod.Post, "/admin/faults", body);

        using var response = await rig.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        rig.Server.Hub.ActiveFaults.ShouldBeEmpty();
    }

    [Test]
    public async Task Clock_ShiftSevenMinutes_MovesHubTimeOnly()
    {
        await using var rig = DevHubRig.Create();
        using var request = DevHubRig.Admin(HttpMethod.Post, "/admin/clock", """{"shiftSeconds":420}""");

        using var response = await rig.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        rig.Server.Hub.Clock.GetUtcNow().ShouldBe(DevHubRig.Start.AddMinutes(7));
        rig.Clock.GetUtcNow().ShouldBe(DevHubRig.Start);
    }

    [Test]
    public void Start_OnANonLoopbackAddressWithoutTheFlag_RefusesBeforeListening()
    {
        var problem = Should.Throw<DevHubConfigurationException>(() => DevHubServer.Start(new DevHubOptions { Host = "0.0.0.0", Port = 0, DataFile = "unused.db" }));

        problem.Message.ShouldContain("--allow-remote-bind");
        File.Exists("unused.db").ShouldBeFalse();
    }

    [Test]
    public void AdminToken_Generated_IsLongRandomAndMatchesOnlyItself()
    {
        var one = AdminToken.Generate();
        var two = AdminToken.Generate();

        one.Value.Length.ShouldBeGreaterThanOrEqualTo(43);
        one.Value.ShouldNotBe(two.Value);
        one.Matches(one.Value).ShouldBeTrue();
        one.Matches(two.Value).ShouldBeFalse();
        one.Matches(null).ShouldBeFalse();
        one.ToString().ShouldNotContain(one.Value);
    }
}
