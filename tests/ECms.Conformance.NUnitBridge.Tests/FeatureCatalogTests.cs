using ECms.Conformance.NUnitBridge.Runner;

namespace ECms.Conformance.NUnitBridge.Tests;

public sealed class FeatureCatalogTests
{
    private static FeatureCatalog CreateSut() => FeatureCatalog.For(SampleSuite.Assembly);

    private static SuiteFeature Feature(string uri) => CreateSut().Find(uri) ?? throw new AssertionException($"{uri} is not embedded");

    [Test]
    public void For_SameAssemblyTwice_ReturnsTheSameFeatureInfoInstances()
    {
        var first = CreateSut();

        var second = FeatureCatalog.For(SampleSuite.Assembly);

        second.ShouldBeSameAs(first);
        second.Features[0].Info.ShouldBeSameAs(first.Features[0].Info);
    }

    [Test]
    public void Features_SampleSuite_AreKeyedByLogicalResourceName()
    {
        var catalog = CreateSut();

        var uris = catalog.Features.Select(f => f.Uri);

        uris.ShouldContain("features/green/Basics.feature");
        uris.ShouldContain("features/red/Unparsable.feature");
        uris.ShouldAllBe(uri => uri.StartsWith("features/", StringComparison.Ordinal) && !uri.Contains('\\', StringComparison.Ordinal));
    }

    [Test]
    public void Pickles_ScenarioOutline_OnePicklePerExampleRowWithSubstitutedTitle()
    {
        var feature = Feature("features/green/Outline.feature");

        var pickles = feature.Pickles;

        pickles.Select(p => p.TestName).ShouldBe(["AddingAAndBGivesSum_Example1", "AddingAAndBGivesSum_Example2", "AddingAAndBGivesSum_Example3"]);
        pickles.Select(p => p.Title).ShouldBe(["Adding 1 and 2 gives 3", "Adding 2 and 2 gives 4", "Adding 500 and 500 gives 1000"]);
        pickles.Select(p => p.Index).ShouldBe([0, 1, 2]);
    }

    [Test]
    public void Pickles_FeatureWithBackground_BackgroundStepsComeFirstInEveryPickle()
    {
        var feature = Feature("features/green/Basics.feature");

        var stepTexts = feature.Pickles[0].Pickle.Steps.Select(s => s.Text);

        stepTexts.ShouldBe(["a fresh journal", "the journal records \"background\"", "the journal records \"scenario\"", "the journal reads \"background, scenario\""]);
    }

    [Test]
    public void Pickles_ScenarioInRuleWithBackground_RuleBackgroundFollowsFeatureBackground()
    {
        var feature = Feature("features/green/Basics.feature");

        var pickle = feature.Pickles.Single(p => p.TestName == "TheRuleBackgroundRunsAfterTheFeatureBackground");

        pickle.Pickle.Steps.Select(s => s.Text).Take(3).ShouldBe(["a fresh journal", "the journal records \"background\"", "the journal records \"rule\""]);
    }

    [Test]
    public void Tags_ExampleRowOfTaggedExamples_InheritFeatureTagsWithoutAt()
    {
        var feature = Feature("features/green/Outline.feature");

        var tags = feature.Pickles[2].Tags;

        tags.ShouldBe(["sample", "req:S2", "big"]);
        feature.Pickles[0].Tags.ShouldNotContain("big");
    }

    [Test]
    public void IsIgnored_IgnoreTag_OnlyThatPickle()
    {
        var feature = Feature("features/green/Basics.feature");

        var ignored = feature.Pickles.Where(p => p.IsIgnored).Select(p => p.TestName);

        ignored.ShouldBe(["AnIgnoredScenarioIsNotRun"]);
    }

    [Test]
    public void Parse_UnparsableFeature_KeepsTheFeatureWithItsParseErrorAndNoPickles()
    {
        var feature = Feature("features/red/Unparsable.feature");

        feature.ParseError.ShouldNotBeNull();
        feature.ParseError.ShouldContain("features/red/Unparsable.feature");
        feature.ParseError.ShouldContain("(1:1)");
        feature.Pickles.ShouldBeEmpty();
        feature.Info.ShouldBeNull();
    }

    [Test]
    public void Parse_ThaiFeature_UsesThaiCultureAndKeepsThaiLettersInTheTestName()
    {
        var feature = Feature("features/green/Thai.feature");

        feature.Info!.Language.Name.ShouldBe("th");
        feature.Title.ShouldBe("ภาษาไทย");
        feature.Pickles.Single().TestName.ShouldBe("ส่งหนังสือราชการ");
    }

    [Test]
    public void Info_ParsedFeature_CarriesTitleTagsAndFolder()
    {
        var feature = Feature("features/green/Outline.feature");

        var info = feature.Info!;

        info.Title.ShouldBe("Scenario outlines");
        info.Tags.ShouldBe(["sample", "req:S2"]);
        info.FolderPath.ShouldBe("features/green");
    }
}
