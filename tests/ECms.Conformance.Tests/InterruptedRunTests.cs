using System.Net;
using System.Net.Sockets;
using ECms.Conformance.Steps.Profiles;
using ECms.Conformance.Steps.Run;
using ECms.Reports.Json;
using ECms.Reports.Model;

namespace ECms.Conformance.Tests;

public sealed class InterruptedRunTests
{
    [Test]
    public async Task Run_SutKilledMidRun_CompleteReportWithErrorItems()
    {
        var before = new List<string>();
        var outcome = await RunFixture.RunAsync(ProfileLoader.Default, only: ["A1", "A2", "C1", "C2", "D1", "D2", "F1", "F2"], afterScenario: async (control, progress) =>
        {
            if (progress.Completed <= 3)
            {
                before.Add(progress.ItemId!);
            }

            if (progress.Completed == 3)
            {
                await control.KillSutAsync();
            }
        });

        before.Count.ShouldBe(3);
        var report = ReportJson.Read(outcome.ReportPath);
        report.Items.Count.ShouldBe(8);
        report.Items.Where(i => before.Contains(i.Id)).Select(i => i.Verdict).ShouldAllBe(v => v == Verdict.Passed);
        var after = report.Items.Where(i => !before.Contains(i.Id)).ToArray();
        after.Select(i => i.Verdict).ShouldAllBe(v => v == Verdict.Error);
        after.ShouldAllBe(i => i.Message!.Contains("unreachable", StringComparison.OrdinalIgnoreCase) || i.Message!.Contains("stopped answering", StringComparison.OrdinalIgnoreCase));
        report.Verdict.ShouldBe(RunVerdict.Error);
        outcome.ExitCode.ShouldBe(RunOutcome.ExitFailed);
    }

    [Test]
    public async Task Run_UnreachableControlApi_ConfigurationErrorWithFix()
    {
        var profile = ProfileLoader.Default with { Driver = SutDriverKind.ControlApi, ControlUrl = new Uri("http://127.0.0.1:9/ecms-test/v1/"), Name = "unreachable" };

        var outcome = await RunFixture.RunAsync(profile, only: ["C1"]);

        outcome.ExitCode.ShouldBe(RunOutcome.ExitConfigurationError);
        outcome.ConfigurationError!.Fix.ShouldNotBeNullOrEmpty();
        outcome.Report.Verdict.ShouldBe(RunVerdict.Error);
        outcome.Report.Items.ShouldAllBe(i => i.Verdict == Verdict.Error);
        File.Exists(outcome.ReportPath).ShouldBeTrue();
    }

    [Test]
    public async Task Run_HubPortAlreadyInUse_ConfigurationErrorWithFix()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var profile = ProfileLoader.Default with { HubPort = port, Name = "hub-port-taken" };

        var outcome = await RunFixture.RunAsync(profile, only: ["C1"]);

        outcome.ExitCode.ShouldBe(RunOutcome.ExitConfigurationError);
        outcome.ConfigurationError!.Message.ShouldContain($"127.0.0.1:{port}");
        outcome.ConfigurationError.Fix.ShouldNotBeNull().ShouldContain("hub.port");
        outcome.Report.Items.ShouldAllBe(i => i.Verdict == Verdict.Error);
        File.Exists(outcome.ReportPath).ShouldBeTrue();
    }
}
