using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Simulators.Client;
using ECms.Simulators.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ECms.Simulators.Tests;

/// <summary>EcmsHubClient: every way a call can end becomes a typed result.</summary>
public class ClientTests
{
    [Test]
    public async Task Call_NothingListening_ConnectionFailed()
    {
        using var client = new EcmsHubClient(new Uri("http://127.0.0.1:1/9900100000/ecms-ws01/service2"));

        var result = await client.PullAsync();

        result.Status.ShouldBe(EcmsCallStatus.ConnectionFailed);
        result.Problem.ShouldNotBeNullOrEmpty();
    }

    [Test]
    public async Task Call_Non200WithoutSoapFault_HttpError()
    {
        using var gateway = WireMockServer.Start();
        gateway.Given(Request.Create().UsingPost()).RespondWith(Response.Create().WithStatusCode(502).WithBody("Bad gateway"));
        using var client = new EcmsHubClient(new Uri($"{gateway.Url}/x/ecms-ws01/service2"));

        var result = await client.PullAsync();

        result.Status.ShouldBe(EcmsCallStatus.HttpError);
        result.HttpStatus.ShouldBe(502);
    }

    [Test]
    public async Task Expect_WrongOutcome_ThrowsWithTheStory()
    {
        await using var rig = HubRig.Create();

        var result = await rig.ClientA.DeleteAsync("Q000000000404");
        var thrown = Should.Throw<EcmsCallException>(() => result.Expect<DeleteFromQueueResponse>());

        thrown.Message.ShouldStartWith("Expected a DeleteFromQueueResponse but the call ended with ErrorDetail E400");
        thrown.Result.ShouldBe(result);
    }

    [Test]
    public void NextMessageId_ManualFormatAndUnique()
    {
        var clock = new FakeTimeProvider(HubRig.Start);
        using var client = new EcmsHubClient(new Uri("http://127.0.0.1:1/"), options: new EcmsHubClientOptions { TimeProvider = clock, MessageIdHost = "agency-a" });

        var first = client.NextMessageId();
        var second = client.NextMessageId();

        first.ShouldBe("mid://20240611.093000000.1@agency-a");
        second.ShouldNotBe(first);
    }

    [Test]
    public async Task Call_ContentTypeOfThe20Client_IsAccepted()
    {
        await using var rig = HubRig.Create();
        using var client20 = new EcmsHubClient(rig.EndpointA, options: new EcmsHubClientOptions { ContentType = "text/xml; encoding='utf-8'" });

        var result = await client20.DirectoryAsync(Operation.GetOrganizationList);

        result.IsSuccess.ShouldBeTrue(result.Describe());
        rig.Hub.Journal.Last!.ContentType.ShouldBe("text/xml; encoding='utf-8'");
    }

    [Test]
    public async Task Call_WsaToNotGiven_DefaultsToOwnEndpoint()
    {
        await using var rig = HubRig.Create();

        await rig.ClientA.PullAsync();

        rig.Hub.Journal.Last!.Request!.Header.To.ShouldBe(rig.EndpointA.AbsoluteUri);
    }
}
