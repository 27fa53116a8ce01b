using System.Net;
using System.Net.Sockets;
using Shouldly;

namespace ECms.Cli.Tests;

/// <summary>The hub command's options as an operator meets them: documented in --help, refused with a reason when wrong.</summary>
public sealed class HubCommandTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("ecms-hub-cli-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Hub_Help_DocumentsJournalRetentionAndSettingsReset()
    {
        var result = await CliRunner.RunAsync("hub", "--help");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("--journal-keep-days");
        result.Output.ShouldContain("--journal-keep-exchanges");
        result.Output.ShouldContain("--reset-settings");
    }

    [TestCase("--journal-keep-days", "-1")]
    [TestCase("--journal-keep-days", "36501")]
    [TestCase("--journal-keep-exchanges", "-5")]
    public async Task Hub_RetentionOutOfRange_IsAConfigurationErrorAndStartsNothing(string option, string value)
    {
        var data = Path.Combine(_folder, "hub.db");

        var result = await CliRunner.RunAsync("hub", "--port", "0", "--data", data, option, value);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain(option);
        File.Exists(data).ShouldBeFalse();
    }

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
