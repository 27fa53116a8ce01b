using ECms.Conformance.NUnitBridge.Runner;
using ECms.Conformance.Steps.Checklist;
using ECms.Conformance.Steps.Run;
using ECms.Conformance.Steps.Verdicts;
using ECms.Reports.Model;

namespace ECms.Conformance.Tests;

/// <summary>features/checklist.csv and the Gherkin agree: every scenario decides a known item, every item is covered or excused.</summary>
public sealed class ChecklistConsistencyTests
{
    private static readonly IReadOnlyList<SuitePickle> Pickles = FeatureCatalog.For(typeof(ConformanceRunner).Assembly).Pickles.ToArray();

    [Test]
    public void Features_AllParse_NoLoadErrors()
    {
        var features = FeatureCatalog.For(typeof(ConformanceRunner).Assembly).Features;

        features.Where(f => f.ParseError is not null).Select(f => $"{f.Uri}: {f.ParseError}").ShouldBeEmpty();
        features.Count.ShouldBeGreaterThanOrEqualTo(6);
    }

    [Test]
    public void Scenarios_EachHasExactlyOneRequirementTag()
    {
        var wrong = Pickles.Where(p => ScenarioTags.From(p.Tags).RequirementTagCount != 1).Select(p => p.ToString()).ToArray();

        wrong.ShouldBeEmpty();
    }

    [Test]
    public void Scenarios_RequirementTagsNameChecklistItems()
    {
        var unknown = Pickles.Select(p => ScenarioTags.From(p.Tags).ItemId).Where(id => id is not null && ChecklistCatalog.Standard.Find(id) is null).Distinct().ToArray();

        unknown.ShouldBeEmpty("every @req:<ID> must be a row of features/checklist.csv");
    }

    [Test]
    public void ChecklistItems_EachHasAScenarioOrANotTestedReason()
    {
        var covered = Pickles.Select(p => ScenarioTags.From(p.Tags).ItemId).ToHashSet();

        var orphans = ChecklistCatalog.Standard.Items.Where(i => !covered.Contains(i.Id) && string.IsNullOrWhiteSpace(i.NotTestedReason)).Select(i => i.Id).ToArray();

        orphans.ShouldBeEmpty("an item needs a scenario or a not-tested reason in checklist.csv");
    }

    [Test]
    public void ChecklistItems_WithAScenario_HaveNoNotTestedReason()
    {
        var covered = Pickles.Select(p => ScenarioTags.From(p.Tags).ItemId).ToHashSet();

        ChecklistCatalog.Standard.Items.Where(i => covered.Contains(i.Id) && i.NotTestedReason is not null).Select(i => i.Id).ShouldBeEmpty();
    }

    [Test]
    public void Scenarios_LevelTagMatchesChecklistLevel()
    {
        var mismatched = Pickles
            .Select(p => (Pickle: p, Tags: ScenarioTags.From(p.Tags)))
            .Where(x => x.Tags.ItemId is { } id && ChecklistCatalog.Standard.Find(id) is { } item
                && (item.Level != x.Tags.Level || !(x.Pickle.Tags.Contains("must") ^ x.Pickle.Tags.Contains("should"))))
            .Select(x => x.Pickle.ToString())
            .ToArray();

        mismatched.ShouldBeEmpty("each scenario carries exactly one of @must/@should, as checklist.csv says");
    }

    [Test]
    public void Scenarios_RoleTagsMatchChecklistRole()
    {
        var mismatched = Pickles
            .Select(p => ScenarioTags.From(p.Tags))
            .Where(t => t.ItemId is { } id && ChecklistCatalog.Standard.Find(id) is { } item
                && !RoleCategory.Of(item.Role).Order().SequenceEqual(t.Roles.Order()))
            .Select(t => t.ItemId)
            .Distinct()
            .ToArray();

        mismatched.ShouldBeEmpty("@role tags must be the checklist's role (S → sender, R → receiver, D → directory)");
    }

    [Test]
    public void ChecklistCsv_Embedded_IsTheRepositoryFile()
    {
        var onDisk = File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "features", "checklist.csv"));

        ChecklistCatalog.Parse(onDisk).Items.Select(i => i.Id).ShouldBe(ChecklistCatalog.Standard.Items.Select(i => i.Id));
    }

    [TestCaseSource(nameof(BrokenCsv))]
    public void Parse_BrokenCsv_ThrowsNamingTheProblem(string csv, string expected)
    {
        var error = Should.Throw<FormatException>(() => ChecklistCatalog.Parse(csv));

        error.Message.ShouldContain(expected);
    }

    private static IEnumerable<TestCaseData> BrokenCsv()
    {
        const string header = "id,title_th,title_en,level,role,rules,manual_sections,not_tested_reason\n";
        yield return new TestCaseData("id,title\nA1,x\n", "must start with the header").SetName("Parse_WrongHeader_Throws");
        yield return new TestCaseData(header + "A1,ก,A,MAY,S,,,\n", "neither MUST nor SHOULD").SetName("Parse_UnknownLevel_Throws");
        yield return new TestCaseData(header + "A1,ก,A,MUST,S\n", "has 5 fields").SetName("Parse_ShortRow_Throws");
        yield return new TestCaseData(header + "A1,ก,A,MUST,S,,,\nA1,ข,B,MUST,S,,,\n", "more than once").SetName("Parse_DuplicateId_Throws");
    }
}
