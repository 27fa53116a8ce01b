using System.Diagnostics;
using ECms.Conformance.Steps.Checklist;
using ECms.Conformance.Steps.Profiles;
using ECms.Conformance.Steps.Run;
using ECms.Reports.Json;
using ECms.Reports.Model;

namespace ECms.Conformance.Tests;

/// <summary>The whole checklist against the correct reference agency: every applicable item passes.</summary>
public sealed class ReferenceAgencyRunTests
{
    private static RunOutcome? _outcome;

    [OneTimeSetUp]
    public async Task RunOnceAsync()
    {
        var started = Stopwatch.GetTimestamp();
        _outcome = await RunFixture.RunAsync(ProfileLoader.Default);
        // A figure for the log, not a test: speed targets belong in the benchmark programs (STYLE.md).
        TestContext.Progress.WriteLine($"Full run against the embedded reference agency: {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s wall time.");
    }

    [Test]
    public void Run_ReferenceAgency_EveryApplicableItemPassed()
    {
        var notPassed = _outcome!.Report.Items.Where(i => i.Verdict is not (Verdict.Passed or Verdict.NotApplicable)).Select(i => $"{i.Id} {i.Verdict}: {i.Message}").ToArray();

        notPassed.ShouldBeEmpty();
        _outcome.Report.Verdict.ShouldBe(RunVerdict.Passed);
        _outcome.ExitCode.ShouldBe(RunOutcome.ExitPassed);
    }

    [Test]
    public void Run_ReferenceAgency_OnlyManualOnlyItemsAreNotApplicable()
    {
        _outcome!.Report.Items.Where(i => i.Verdict == Verdict.NotApplicable).Select(i => i.Id).ShouldBe(["B5", "B6"], ignoreOrder: true);
    }

    [Test]
    public void Run_ReferenceAgency_ReportJsonHasEveryChecklistItemWithEvidence()
    {
        var report = ReportJson.Read(_outcome!.ReportPath);

        report.Items.Select(i => i.Id).ShouldBe(ChecklistCatalog.Standard.Items.Select(i => i.Id));
        // C5–C7 pass because nothing reached the hub: their evidence is an absence.
        report.Items.Where(i => i.Verdict == Verdict.Passed && i.Evidence.Count == 0).Select(i => i.Id).ShouldBeSubsetOf(["C3", "C5", "C6", "C7"]);
        var ids = report.Exchanges.Select(e => e.Id).ToHashSet();
        report.Items.SelectMany(i => i.Evidence).Where(e => !ids.Contains(e)).ShouldBeEmpty("every evidence id names an exchange of the report");
        report.Sut!.Driver.ShouldBe("embedded");
        report.Items.First(i => i.Id == "C1").Title!.Th.ShouldBe("ส่งหนังสือที่ถูกต้องขั้นต่ำ");
    }
}
