using ECms.Conformance.Steps.Drivers.Sut;
using ECms.Conformance.Steps.Profiles;
using ECms.Conformance.Steps.Run;
using ECms.Reports.Model;
using ECms.ReferenceAgency;

namespace ECms.Conformance.Tests;

/// <summary>The same scenarios through the other two SUT drivers: a SUT at a control-API URL, and an operator (manual mode).</summary>
public sealed class DriverModeTests
{
    private static readonly string[] SixStepsAndCoverLetter = ["F1", "F2", "C5", "C6"];

    [Test]
    public async Task Run_ManualModeWithScriptedOperator_SixStepsAndCoverLetterPass()
    {
        await using var agency = await ReferenceAgencyHost.StartAsync(new ReferenceAgencyOptions());
        await using var screen = new ControlApiSutDriver(agency.ControlUrl, TimeSpan.FromSeconds(30));
        var console = new ScriptedOperator(screen);
        var profile = ProfileLoader.Default with { Name = "manual-scripted", Driver = SutDriverKind.Manual, ManualStepTimeout = TimeSpan.FromSeconds(10) };

        var outcome = await RunFixture.RunAsync(profile, only: SixStepsAndCoverLetter, console: console);

        outcome.Report.Items.Select(i => $"{i.Id} {i.Verdict} {i.Message}").Where(s => !s.Contains(" Passed ", StringComparison.Ordinal)).ShouldBeEmpty();
        outcome.Report.Sut!.Driver.ShouldBe("manual");
        console.Instructions.ShouldContain(i => i.Thai.Contains("สร้างหนังสือภายนอก", StringComparison.Ordinal) && i.English.Contains("new external letter", StringComparison.Ordinal));
        console.Instructions.SelectMany(i => i.Data).ShouldContain(d => d.Value.EndsWith(".pdf", StringComparison.Ordinal), "the operator is given the cover letter file to attach");
        outcome.Report.Items.First(i => i.Id == "F1").Message!.ShouldContain("Operator answered");
    }

    [Test]
    public async Task Run_ManualModeWithoutOperator_ConfigurationError()
    {
        var profile = ProfileLoader.Default with { Name = "manual-nobody", Driver = SutDriverKind.Manual };

        var outcome = await RunFixture.RunAsync(profile, only: ["C1"]);

        outcome.ExitCode.ShouldBe(RunOutcome.ExitConfigurationError);
        outcome.ConfigurationError!.Message.ShouldContain("manual mode");
    }

    [Test]
    public async Task Run_ControlApiSut_SameVerdictsAsEmbedded()
    {
        await using var agency = await ReferenceAgencyHost.StartAsync(new ReferenceAgencyOptions());
        var profile = ProfileLoader.Default with { Name = "control-api", Driver = SutDriverKind.ControlApi, ControlUrl = agency.ControlUrl };

        var outcome = await RunFixture.RunAsync(profile, only: ["A1", "C1", "C5", "D2", "F1", "F2"]);

        outcome.Report.Items.Where(i => i.Verdict != Verdict.Passed).Select(i => $"{i.Id} {i.Verdict} {i.Message}").ShouldBeEmpty();
        outcome.Report.Sut!.Driver.ShouldBe("control-api");
    }

    [Test]
    public async Task Run_TimerOnlyPollingSut_WaitsForItsOwnPulls()
    {
        await using var agency = await ReferenceAgencyHost.StartAsync(new ReferenceAgencyOptions { TimerOnlyPolling = true, PollInterval = TimeSpan.FromMilliseconds(200) });
        var profile = ProfileLoader.Default with { Name = "timer-only", Driver = SutDriverKind.ControlApi, ControlUrl = agency.ControlUrl };

        var outcome = await RunFixture.RunAsync(profile, only: ["D1", "F2"]);

        outcome.Report.Items.Where(i => i.Verdict != Verdict.Passed).Select(i => $"{i.Id} {i.Verdict} {i.Message}").ShouldBeEmpty();
    }
}
