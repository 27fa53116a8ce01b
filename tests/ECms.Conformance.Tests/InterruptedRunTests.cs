using System.Net;
using System.Net.Sockets;
using ECms.Conformance.Steps.Drivers.Sut;
using ECms.Conformance.Steps.Profiles;
using ECms.Conformance.Steps.Run;
using ECms.Reports.Bundle;
using ECms.Reports.Json;
using ECms.Reports.Model;
using ECms.ReferenceAgency;

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
    public async Task Run_CancelledBetweenScenarios_ReportOfWhatRanAndTheRestError()
    {
        using var cancel = new CancellationTokenSource();

        var outcome = await RunFixture.RunAsync(ProfileLoader.Default, only: ["A1", "C1", "D1"], afterScenario: (_, progress) =>
        {
            cancel.Cancel();
            return ValueTask.CompletedTask;
        }, cancellationToken: cancel.Token);

        var report = ReportJson.Read(outcome.ReportPath);
        report.Items.Select(i => i.Verdict).Order().ShouldBe([Verdict.Passed, Verdict.Error, Verdict.Error]);
        report.Items.Where(i => i.Verdict == Verdict.Error).ShouldAllBe(i => i.Message!.Contains("interrupted after 1 of 3 scenarios", StringComparison.Ordinal));
        report.Exchanges.ShouldNotBeEmpty();
        report.Verdict.ShouldBe(RunVerdict.Error);
        outcome.ExitCode.ShouldBe(RunOutcome.ExitFailed);
        var bundle = EvidenceBundle.Verify(outcome.OutputDirectory);
        bundle.IsIntact.ShouldBeTrue(bundle.ToString());
    }

    [Test]
    public async Task Run_CancelledWhileTheOperatorIsAsked_ReportWrittenWithoutWaitingForTheAnswer()
    {
        await using var agency = await ReferenceAgencyHost.StartAsync(new ReferenceAgencyOptions());
        await using var screen = new ControlApiSutDriver(agency.ControlUrl, TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource();
        var console = new OperatorWhoLeaves(new ScriptedOperator(screen), cancel);
        var profile = ProfileLoader.Default with { Name = "manual-interrupted", Driver = SutDriverKind.Manual, ManualStepTimeout = TimeSpan.FromMinutes(10) };

        try
        {
            var outcome = await RunFixture.RunAsync(profile, only: ["F1", "F2", "C5"], afterScenario: (_, _) =>
            {
                console.LeaveAtNextQuestion();
                return ValueTask.CompletedTask;
            }, console: console, cancellationToken: cancel.Token).WaitAsync(TimeSpan.FromMinutes(2));

            console.Left.ShouldBeTrue("the operator was asked a question after the first scenario");
            var report = ReportJson.Read(outcome.ReportPath);
            report.Items.Select(i => i.Verdict).Order().ShouldBe([Verdict.Passed, Verdict.Error, Verdict.Error]);
            report.Items.Where(i => i.Verdict == Verdict.Error).ShouldAllBe(i => i.Message!.Contains("interrupted after 1 of 3 scenarios", StringComparison.Ordinal));
            outcome.ExitCode.ShouldBe(RunOutcome.ExitFailed);
        }
        finally
        {
            // Let the abandoned scenario end: "no answer can come".
            console.Release();
        }
    }

    [Test]
    public async Task Run_CancelledWhileTheSutTalksToAVariantHub_ReportKeepsThatHubsExchanges()
    {
        await using var agency = await ReferenceAgencyHost.StartAsync(new ReferenceAgencyOptions());
        await using var screen = new ControlApiSutDriver(agency.ControlUrl, TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource();
        var console = new OperatorWhoLeaves(new ScriptedOperator(screen), cancel);
        var profile = ProfileLoader.Default with { Name = "manual-interrupted-variant", Driver = SutDriverKind.Manual, ManualStepTimeout = TimeSpan.FromMinutes(10) };
        // A5 runs on a hub of its own; by the operator's send the peer has delivered a letter there and the SUT has read
        // that hub's directory.
        console.LeaveAtQuestionAfter("Create a new external letter");

        try
        {
            var outcome = await RunFixture.RunAsync(profile, only: ["A5"], console: console, cancellationToken: cancel.Token).WaitAsync(TimeSpan.FromMinutes(2));

            console.Left.ShouldBeTrue("the operator was asked to confirm the send on A5's hub");
            var report = ReportJson.Read(outcome.ReportPath);
            report.Items.ShouldHaveSingleItem().Verdict.ShouldBe(Verdict.Error);
            var onVariant = report.Exchanges.Where(e => e.Id.StartsWith("A5-", StringComparison.Ordinal)).ToArray();
            onVariant.ShouldNotBeEmpty();
            onVariant.ShouldContain(e => e.Operation == "SendLetter", "the peer's letter to the SUT, sent on A5's hub");
        }
        finally
        {
            console.Release();
        }
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
