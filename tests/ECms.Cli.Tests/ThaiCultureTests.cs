using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ECms.Reports.Json;
using Shouldly;

namespace ECms.Cli.Tests;

/// <summary>
/// The Buddhist-era trap on a Thai machine: with the th-TH culture .NET formats years in the Thai Buddhist calendar
/// (2567 for 2024) unless a call names the invariant culture. The command runs as a process with LANG=th_TH.UTF-8, as
/// on a certifier's laptop in Thailand; what it writes on the wire and in the reports must stay Gregorian, and what
/// it prints must not depend on the culture. Reqnroll runs step code in its binding culture (the features' language),
/// so this guards what runs on the process's culture — the hub, the reference agency, the reports;
/// ECms.Protocol.Tests' WireFormatsThaiCultureTests guards the wire formats themselves.
/// </summary>
public sealed partial class ThaiCultureTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private string _folder = "";

    [SetUp]
    public void CreateFolder()
    {
        // Without ICU (invariant globalization) th-TH would have no Buddhist calendar and these tests would prove nothing.
        CultureInfo.GetCultureInfo("th-TH").Calendar.ShouldBeOfType<ThaiBuddhistCalendar>("ICU must be available for a th-TH process to meet the trap");
        _folder = Directory.CreateTempSubdirectory("ecms-thai-culture-").FullName;
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Validate_ThaiCulture_SameOutputAsInvariantCulture()
    {
        string[] args = ["validate", "--format", "json", CliRunner.Document("valid/send-letter.xml"), CliRunner.Document("valid/accept-notifier.xml"), CliRunner.Document("invalid/buddhist-era-date.xml")];

        var thai = await CliAsync("th_TH.UTF-8", args);
        var invariant = await CliAsync("C.UTF-8", args);

        thai.ExitCode.ShouldBe(EcmsCli.Failure, thai.Output + thai.Error);
        thai.Output.ShouldBe(invariant.Output);
        thai.Output.ShouldContain("R-SEND-3");
        using var json = JsonDocument.Parse(thai.Output);
        json.RootElement.EnumerateArray().Select(f => f.GetProperty("valid").GetBoolean()).ShouldBe([true, true, false]);
    }

    [Test]
    public async Task Run_ThaiCulture_WireAndReportDatesStayGregorian()
    {
        var output = Path.Combine(_folder, "report");

        // Sender (C1, C4 with a date typed in the Buddhist era), receiver (D2) and the full cycle (F1).
        var result = await CliAsync("th_TH.UTF-8", "run", "--only", "C1,C4,D2,F1", "--out", output);

        result.ExitCode.ShouldBe(0, result.Output + result.Error);
        var report = ReportJson.Read(Path.Combine(output, "report.json"));
        var year = report.Started!.Value.Year;
        year.ShouldBeLessThan(2400);
        report.Exchanges.Count.ShouldBeGreaterThan(10);
        var wire = string.Join('\n', report.Exchanges.SelectMany(e => new[] { e.RequestBody, e.ResponseBody }).OfType<string>());
        WireDate().Count(wire).ShouldBeGreaterThan(0, "the exchanges carry dates; otherwise this test checks nothing");
        WireDate().Matches(wire).Select(m => m.Value).Where(d => int.Parse(d.AsSpan(0, 4), CultureInfo.InvariantCulture) >= 2400).Distinct().ShouldBeEmpty();
        MessageIdYear().Matches(wire).Select(m => m.Groups[1].Value).Where(y => int.Parse(y, CultureInfo.InvariantCulture) >= 2400).Distinct().ShouldBeEmpty();
        var timestamps = JUnitTimestamp().Matches(File.ReadAllText(Path.Combine(output, "junit.xml"))).Select(m => m.Groups[1].Value).ToArray();
        timestamps.ShouldNotBeEmpty();
        timestamps.ShouldAllBe(t => t.StartsWith(year.ToString(CultureInfo.InvariantCulture) + "-", StringComparison.Ordinal));
        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        html.ShouldContain(string.Create(CultureInfo.InvariantCulture, $"พ.ศ. {year + 543}"));
        html.ShouldContain(string.Create(CultureInfo.InvariantCulture, $"ค.ศ. {year}"));
        html.ShouldNotContain(string.Create(CultureInfo.InvariantCulture, $"ค.ศ. {year + 543}"));
    }

    private Task<CliResult> CliAsync(string locale, params string[] args) =>
        ChildProcess.RunAsync(ChildProcess.Dotnet, [ChildProcess.CliAssembly, .. args], _folder,
            new Dictionary<string, string?> { ["LANG"] = locale, ["LC_ALL"] = locale, ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "0" }, Timeout);

    /// <summary>A wire date (yyyy-MM-dd, alone or before a time) anywhere in a SOAP body.</summary>
    [GeneratedRegex(@"(?<![0-9])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9])")]
    private static partial Regex WireDate();

    [GeneratedRegex(@"mid://([0-9]{4})[0-9]{4}\.")]
    private static partial Regex MessageIdYear();

    [GeneratedRegex(@" timestamp=""([^""]*)""")]
    private static partial Regex JUnitTimestamp();
}
