using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ECms.Reports.Json;
using ECms.Reports.Model;
using Shouldly;

namespace ECms.Cli.Tests;

/// <summary>
/// `ecms-conformance run` as a process: what reaches its console and its exit codes (0 pass, 1 fail — see
/// VerdictParityTests —, 2 configuration error). A process, because Reqnroll writes to the real console, which an
/// in-process run with captured writers would never show.
/// </summary>
public sealed class RunCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("ecms-cli-run-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Run_OneItem_PrintsItsProgressAndNoReqnrollTrace()
    {
        var result = await ChildProcess.RunCliAsync(_folder, Timeout, "run", "--only", "B1", "--out", Path.Combine(_folder, "report"));

        result.ExitCode.ShouldBe(0, result.Output + result.Error);
        var lines = result.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        lines.ShouldContain(l => l.StartsWith("[  1/1] B1   Passed", StringComparison.Ordinal), result.Output);
        lines.ShouldContain(l => l.StartsWith("Verdict: Passed", StringComparison.Ordinal), result.Output);
        // Reqnroll's trace lines: "-> Loading plugin …", "-> Using reqnroll.json", "-> done: …".
        lines.Where(l => l.StartsWith("->", StringComparison.Ordinal) || l.Contains("Loading plugin", StringComparison.Ordinal) || l.Contains("reqnroll.json", StringComparison.Ordinal))
            .ShouldBeEmpty();
        result.Error.ShouldBeEmpty();
    }

    [Test]
    public async Task Run_OnlyNamesAnUnknownItem_ExitsTwoNamingItBeforeRunning()
    {
        var report = Path.Combine(_folder, "report");

        var result = await CliRunner.RunAsync("run", "--only", "C1,Z9,c01", "--out", report);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("--only names no checklist item: Z9, c01.");
        result.Error.ShouldContain("A1–A8");
        Directory.Exists(report).ShouldBeFalse("nothing was run");
    }

    [Test]
    public async Task Run_ProfileFileMissing_ExitsTwoWithTheFix()
    {
        var result = await ChildProcess.RunCliAsync(_folder, Timeout, "run", "--profile", Path.Combine(_folder, "nope.json"), "--out", Path.Combine(_folder, "report"));

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("nope.json");
        result.Error.ShouldContain("Fix:");
    }

    [Test]
    public async Task Run_SutDoesNotAnswer_ExitsTwoAsAConfigurationError()
    {
        var profile = Path.Combine(_folder, "vendor.json");
        File.WriteAllText(profile, $$"""
            {
              "name": "nobody-home",
              "sut": { "organizationId": "9900100000", "driver": "control-api", "controlUrl": "http://127.0.0.1:{{UnusedPort()}}/ecms-test/v1/" },
              "timeouts": { "stepSeconds": 2 }
            }
            """);

        var result = await ChildProcess.RunCliAsync(_folder, Timeout, "run", "--profile", profile, "--out", Path.Combine(_folder, "report"));

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        result.Error.ShouldContain("Configuration error (not a conformance result)");
        File.Exists(Path.Combine(_folder, "report", "report.json")).ShouldBeTrue("the run still writes its report");
    }

    [Test]
    public async Task Run_TerminatedAfterTheFirstScenario_ExitsOneWithTheReportsOfWhatRan()
    {
        var report = Path.Combine(_folder, "report");
        var start = new ProcessStartInfo(ChildProcess.Dotnet)
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in new[] { ChildProcess.CliAssembly, "run", "--out", report })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["REQNROLL_TELEMETRY_ENABLED"] = "0";
        using var process = Process.Start(start)!;
        try
        {
            var error = process.StandardError.ReadToEndAsync();
            string? line;
            do
            {
                line = await process.StandardOutput.ReadLineAsync().WaitAsync(Timeout);
            }
            while (line is not null && !line.StartsWith("[  1/", StringComparison.Ordinal));

            line.ShouldNotBeNull("the run never finished a first scenario");
            // As a CI job's cancel or 'docker stop' ends it (Ctrl+C takes the same path).
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])!)
            {
                await kill.WaitForExitAsync().WaitAsync(Timeout);
            }

            var rest = await process.StandardOutput.ReadToEndAsync().WaitAsync(Timeout);
            await process.WaitForExitAsync().WaitAsync(Timeout);

            process.ExitCode.ShouldBe(1, rest + await error);
            rest.ShouldContain("Writing reports: the run was interrupted after");
            var json = ReportJson.Read(Path.Combine(report, "report.json"));
            json.Items.ShouldContain(i => i.Verdict == Verdict.Passed || i.Verdict == Verdict.NotApplicable);
            json.Items.ShouldContain(i => i.Verdict == Verdict.Error && i.Message!.Contains("interrupted", StringComparison.Ordinal));
            File.Exists(Path.Combine(report, "manifest.json")).ShouldBeTrue("the whole evidence bundle is written");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    // Nothing listens on a port just released; the profile's SUT is unreachable.
    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
