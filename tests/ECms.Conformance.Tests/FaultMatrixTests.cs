using ECms.Conformance.NUnitBridge.Runner;
using ECms.Conformance.Steps.Profiles;
using ECms.Conformance.Steps.Run;
using ECms.Conformance.Steps.Verdicts;
using ECms.Reports.Model;
using ECms.ReferenceAgency.Faults;

namespace ECms.Conformance.Tests;

/// <summary>
/// The suite's trustworthiness: against each fault switch of the reference agency, exactly the items its
/// fault-catalogue entry names fail (with the stated verdict), items named as possible consequences may fail,
/// and nothing else does. Runs two faults at a time (LevelOfParallelism 2), each a full run in this process.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public sealed class FaultMatrixTests
{
    [Test]
    public void Catalogue_CoversEveryFaultSwitch()
    {
        var described = FaultCatalogue.All.Select(f => f.Fault).ToHashSet();

        Enum.GetValues<AgencyFault>().Where(f => !described.Contains(f)).Select(FaultCatalogue.NameOf)
            .ShouldBeEmpty("sut/ECms.ReferenceAgency/Faults/fault-catalogue.json must say which items each fault makes fail");
    }

    /// <summary>
    /// An item no fault makes fail is an item nobody has seen the suite fail: every item an automated run decides must
    /// be an expected failure (Failed or Warning) of at least one fault. Manual-only items are decided by an operator.
    /// </summary>
    [Test]
    public void Catalogue_ShowsEveryAutomatedItemFailing()
    {
        var automated = FeatureCatalog.For(typeof(ConformanceRunner).Assembly).Pickles
            .Select(p => ScenarioTags.From(p.Tags))
            .Where(t => t.ItemId is not null && !t.ManualOnly)
            .Select(t => t.ItemId!)
            .ToHashSet();
        var shownFailing = FaultCatalogue.All.SelectMany(f => f.Expected).Select(e => e.Item).ToHashSet();

        automated.Where(id => !shownFailing.Contains(id)).Order(StringComparer.Ordinal)
            .ShouldBeEmpty("add a reference-agency fault that these items must fail (sut/ECms.ReferenceAgency/Faults/fault-catalogue.json)");
    }

    [TestCaseSource(nameof(Faults))]
    public async Task Run_WithFault_FailsExactlyTheCataloguedItems(AgencyFault fault)
    {
        var description = FaultCatalogue.All.FirstOrDefault(f => f.Fault == fault);
        Assume.That(description, Is.Not.Null, $"fault-catalogue.json has no entry for {FaultCatalogue.NameOf(fault)} yet");
        // A short step timeout: the embedded agency answers in milliseconds, and a fault that stops an answer must not cost 10 s per wait.
        var profile = ProfileLoader.Default with { Name = "fault-" + description!.Name, Faults = [description.Name], StepTimeout = TimeSpan.FromSeconds(3) };

        var outcome = await RunFixture.RunAsync(profile);

        var items = outcome.Report.Items.ToDictionary(i => i.Id);
        var expected = description.Expected.ToDictionary(e => e.Item, e => e.Verdict);
        var allowed = description.Consequences.Select(c => c.Item).ToHashSet();
        var mismatches = new List<string>();
        foreach (var (id, verdict) in expected)
        {
            if (!items.TryGetValue(id, out var item) || item.Verdict.ToString() != verdict)
            {
                mismatches.Add($"{id}: expected {verdict}, got {item?.Verdict.ToString() ?? "no item"} ({item?.Message})");
            }
        }

        foreach (var item in outcome.Report.Items.Where(i => !expected.ContainsKey(i.Id) && !allowed.Contains(i.Id)))
        {
            if (item.Verdict is not (Verdict.Passed or Verdict.NotApplicable))
            {
                mismatches.Add($"{item.Id}: expected Passed, got {item.Verdict} ({item.Message})");
            }
        }

        TestContext.Progress.WriteLine($"fault {description.Name}: {expected.Count - mismatches.Count(m => expected.ContainsKey(m.Split(':')[0]))}/{expected.Count} expected items matched, "
            + $"{mismatches.Count} mismatch(es), {outcome.Elapsed.TotalSeconds:0.0} s");
        mismatches.ShouldBeEmpty();
    }

    private static IEnumerable<TestCaseData> Faults() =>
        Enum.GetValues<AgencyFault>().Select(f => new TestCaseData(f).SetName($"Run_WithFault_{f}_FailsExactlyTheCataloguedItems"));
}
