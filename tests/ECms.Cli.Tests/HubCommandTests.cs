using Shouldly;

namespace ECms.Cli.Tests;

/// <summary>The hub command's options as an operator meets them: documented in --help, refused with a reason when wrong.</summary>
public class HubCommandTests
{
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
        var data = Path.Combine(Path.GetTempPath(), "ecms-cli-tests", Guid.NewGuid().ToString("N"), "hub.db");

        var result = await CliRunner.RunAsync("hub", "--port", "0", "--data", data, option, value);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain(option);
        File.Exists(data).ShouldBeFalse();
    }
}
