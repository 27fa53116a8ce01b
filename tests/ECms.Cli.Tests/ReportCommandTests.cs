using Shouldly;

namespace ECms.Cli.Tests;

public class ReportCommandTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"ecms-cli-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
        File.Copy(CliRunner.Document("reports/report.json"), Path.Combine(_folder, "report.json"));
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Report_ThenVerify_WritesAnIntactBundle()
    {
        var report = await CliRunner.RunAsync("report", Path.Combine(_folder, "report.json"));
        var verify = await CliRunner.RunAsync("verify", _folder);

        report.ExitCode.ShouldBe(0, report.Error);
        foreach (var artifact in new[] { "report.html", "junit.xml", "exchanges.ndjson", "manifest.json" })
        {
            File.Exists(Path.Combine(_folder, artifact)).ShouldBeTrue(artifact);
        }

        File.ReadAllText(Path.Combine(_folder, "report.html")).ShouldContain("การจัดการวันที่ (พ.ศ.)");
        verify.ExitCode.ShouldBe(0, verify.Output);
    }

    [Test]
    public async Task Verify_AfterAByteOfTheReportChanged_ExitsOne()
    {
        await CliRunner.RunAsync("report", Path.Combine(_folder, "report.json"));
        var html = Path.Combine(_folder, "report.html");
        File.WriteAllText(html, File.ReadAllText(html).Replace("Failed", "Passed"));

        var verify = await CliRunner.RunAsync("verify", _folder);

        verify.ExitCode.ShouldBe(1);
        verify.Output.ShouldContain("report.html");
    }

    [Test]
    public async Task Report_NotAReport_ExitsTwoWithTheReason()
    {
        var bogus = Path.Combine(_folder, "bogus.json");
        File.WriteAllText(bogus, "{\"hello\": 1}");

        var result = await CliRunner.RunAsync("report", bogus);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("not a readable report.json");
    }

    [Test]
    public async Task Verify_MissingFolder_ExitsTwo()
    {
        var result = await CliRunner.RunAsync("verify", Path.Combine(_folder, "nope"));

        result.ExitCode.ShouldBe(2);
    }
}
