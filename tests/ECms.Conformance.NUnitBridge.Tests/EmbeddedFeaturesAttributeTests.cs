using System.Text.RegularExpressions;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace ECms.Conformance.NUnitBridge.Tests;

// Inspects the NUnit test tree the glue builds, including for the red features that are never run by NUnit.
public sealed partial class EmbeddedFeaturesAttributeTests
{
    private static List<TestSuite> CreateSut(string prefix) =>
        new EmbeddedFeaturesAttribute(prefix).BuildFrom(new TypeWrapper(typeof(GreenFeatures))).ToList();

    private static TestSuite Fixture(string prefix, string name) => CreateSut(prefix).Single(f => f.Name == name);

    // NUnit puts the tests a method builds under a ParameterizedMethodSuite; filters and runners see the leaves.
    private static IEnumerable<Test> Tests(ITest suite) =>
        suite.Tests.SelectMany(t => t.IsSuite ? Tests(t) : [(Test)t]);

    [GeneratedRegex(@"^[\p{L}\p{Mn}\p{Mc}\p{Nd}_]+$")]
    private static partial Regex Identifier();

    [Test]
    public void BuildFrom_GreenPrefix_OneFixturePerFeatureOneTestPerPickle()
    {
        var fixtures = CreateSut(SampleSuite.GreenPrefix);

        fixtures.Select(f => f.Name).ShouldBe(["Features_Green_Basics", "Features_Green_Hooks", "Features_Green_Outline", "Features_Green_Thai"]);
        fixtures.Sum(f => f.TestCaseCount).ShouldBe(12);
    }

    [Test]
    public void BuildFrom_ScenarioOutline_TestsAreIdentifiersWithTitleAsDescription()
    {
        var fixture = Fixture(SampleSuite.GreenPrefix, "Features_Green_Outline");

        var tests = Tests(fixture).ToList();

        tests.Select(t => t.FullName).ShouldBe([
            "ECms.Conformance.NUnitBridge.Tests.Features_Green_Outline.AddingAAndBGivesSum_Example1",
            "ECms.Conformance.NUnitBridge.Tests.Features_Green_Outline.AddingAAndBGivesSum_Example2",
            "ECms.Conformance.NUnitBridge.Tests.Features_Green_Outline.AddingAAndBGivesSum_Example3",
        ]);
        tests[0].Properties.Get(PropertyNames.Description).ShouldBe("Adding 1 and 2 gives 3");
        fixture.Properties.Get(PropertyNames.Description).ShouldBe("Scenario outlines");
    }

    [Test]
    public void BuildFrom_AnyFeature_TestNamesHaveNoSpacesOrPunctuation()
    {
        var tests = CreateSut(SampleSuite.GreenPrefix).SelectMany(Tests);

        tests.ShouldAllBe(t => Identifier().IsMatch(t.Name));
    }

    [Test]
    public void BuildFrom_TaggedScenario_TagsAreCategoriesWithoutAt()
    {
        var test = Tests(Fixture(SampleSuite.GreenPrefix, "Features_Green_Basics")).First();

        test.Properties[PropertyNames.Category].Cast<string>().ShouldBe(["sample", "req:S1", "must"], ignoreOrder: true);
    }

    [Test]
    public void BuildFrom_IgnoreTag_TestIsIgnoredWithAReason()
    {
        var test = Tests(Fixture(SampleSuite.GreenPrefix, "Features_Green_Basics")).Single(t => t.Name == "AnIgnoredScenarioIsNotRun");

        test.RunState.ShouldBe(RunState.Ignored);
        test.Properties.Get(PropertyNames.SkipReason).ShouldBe("Tagged @ignore");
    }

    [Test]
    public void BuildFrom_Pickles_RunInFileOrder()
    {
        var tests = Tests(Fixture(SampleSuite.GreenPrefix, "Features_Green_Basics"));

        tests.Select(t => t.Properties.Get(PropertyNames.Order)).ShouldBe([0, 1, 2, 3, 4]);
    }

    [Test]
    public void BuildFrom_UnparsableFeature_FailingTestCarriesTheParseError()
    {
        var fixture = Fixture(SampleSuite.RedPrefix, "Features_Red_Unparsable");

        var test = Tests(fixture).Single();

        test.Name.ShouldBe("FeatureCannotBeLoaded");
        test.RunState.ShouldBe(RunState.NotRunnable);
        var reason = test.Properties.Get(PropertyNames.SkipReason).ShouldBeOfType<string>();
        reason.ShouldStartWith("features/red/Unparsable.feature: ");
        reason.ShouldContain("(1:1): expected");
    }

    [Test]
    public void BuildFrom_PrefixMatchingNoFeature_FailingTestInsteadOfZeroTests()
    {
        var fixtures = CreateSut("features/nowhere/");

        var test = Tests(fixtures.Single()).Single();

        test.RunState.ShouldBe(RunState.NotRunnable);
        test.Properties.Get(PropertyNames.SkipReason).ShouldBeOfType<string>().ShouldContain("features/nowhere/");
    }
}
