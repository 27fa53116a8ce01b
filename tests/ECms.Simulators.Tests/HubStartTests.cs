using System.Net;
using System.Net.Sockets;
using ECms.Simulators.Hub;

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
}
