using System.Net;
using System.Net.Sockets;
using Shouldly;

namespace ECms.Cli.Tests;

public sealed class HubCommandTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("ecms-hub-cli-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Hub_PortAlreadyInUse_ConfigurationErrorNamingThePortAndTheFix()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var result = await CliRunner.RunAsync("hub", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", Path.Combine(_folder, "hub.db"));

        result.ExitCode.ShouldBe(EcmsCli.UsageError);
        result.Error.ShouldStartWith($"Configuration error: cannot listen on 127.0.0.1:{port}");
        result.Error.ShouldContain("--port 0");
        result.Error.ShouldNotContain("   at ");
    }
}
