using System.Net;
using System.Net.Sockets;
using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Simulators.Client;
using ECms.Simulators.Hub;
using ECms.Simulators.Tests.Support;

namespace ECms.Simulators.Tests;

/// <summary>A hub that cannot start says why in one exception, and leaves nothing bound or open behind it.</summary>
public class HubStartTests
{
    [Test]
    public void Start_PortTaken_HubBindExceptionNamingTheAddressAndTheFix_AndTheDataFileIsReleased()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var folder = Directory.CreateTempSubdirectory("ecms-hub-start-").FullName;
        var data = Path.Combine(folder, "hub.db");
        try
        {
            var refused = Should.Throw<HubBindException>(() => FakeHub.Start(new FakeHubOptions { Port = port, DataFile = data }));

            refused.Address.ShouldBe("127.0.0.1");
            refused.Port.ShouldBe(port);
            refused.Message.ShouldContain($"127.0.0.1:{port}");
            refused.Message.ShouldContain("Fix:");
            using var again = FakeHub.Start(new FakeHubOptions { DataFile = data });
            again.BaseUrl.Port.ShouldNotBe(port);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task Start_OpenExplicitly_EarlyRequestWaitsAndIsServedByTheAgencyConnectedBeforeOpen()
    {
        await using var hub = FakeHub.Start(new FakeHubOptions { OpenExplicitly = true });
        using var client = new EcmsHubClient(new Uri(hub.BaseUrl, $"/{HubRig.A}/ecms-ws01/service2"));
        var early = client.DirectoryAsync(Operation.GetOrganizationList);
        await hub.FirstRequestWaitingToOpen.WaitAsync(TimeSpan.FromSeconds(10));

        hub.RegisterAgency(HubRig.A, "หน่วยงานเอ", "Agency A");
        hub.Open();
        var result = await early;

        result.Status.ShouldBe(EcmsCallStatus.Success, result.Describe());
        result.Expect<OrganizationListResponse>().Organizations.ShouldHaveSingleItem().OrganizationId.ShouldBe(HubRig.A);
        hub.Journal.Entries.ShouldHaveSingleItem().OrganizationId.ShouldBe(HubRig.A);
    }

    [Test]
    public async Task Start_ByDefault_ServesAsSoonAsStartReturns()
    {
        await using var rig = HubRig.Create();

        var result = await rig.ClientA.DirectoryAsync(Operation.TimeCheck);

        result.Status.ShouldBe(EcmsCallStatus.Success, result.Describe());
        rig.Hub.FirstRequestWaitingToOpen.IsCompleted.ShouldBeFalse();
    }
}
