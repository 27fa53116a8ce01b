using ECms.Conformance.NUnitBridge.Runner;

namespace ECms.Conformance.NUnitBridge.Tests;

public sealed class TestNamesTests
{
    private static readonly object[] ScenarioTitles =
    [
        new object[] { "A passing scenario", "APassingScenario" },
        new object[] { "Background steps run before the scenario's own steps", "BackgroundStepsRunBeforeTheScenariosOwnSteps" },
        new object[] { "Adding <a> and <b>", "AddingAAndB" },
        new object[] { "HTTP 500 → SOAP fault", "HTTP500SOAPFault" },
        new object[] { "ส่งหนังสือราชการ", "ส่งหนังสือราชการ" },
        new object[] { "3 letters arrive", "Scenario3LettersArrive" },
        new object[] { "!!!", "Scenario" },
    ];

    [TestCaseSource(nameof(ScenarioTitles))]
    public void ForScenario_Title_IsAFilterableIdentifier(string title, string expected)
    {
        var name = TestNames.ForScenario(title, exampleNumber: null);

        name.ShouldBe(expected);
    }

    [Test]
    public void ForScenario_ExampleRow_AppendsTheExampleNumber()
    {
        var name = TestNames.ForScenario("Adding numbers", exampleNumber: 2);

        name.ShouldBe("AddingNumbers_Example2");
    }

    [Test]
    public void ForFeature_Uri_JoinsPathSegmentsWithoutExtension()
    {
        var name = TestNames.ForFeature("features/sender/C01-send letter.feature");

        name.ShouldBe("Features_Sender_C01SendLetter");
    }

    [Test]
    public void MakeUnique_RepeatedNames_SuffixesWithoutNewCollisions()
    {
        var names = TestNames.MakeUnique(["A", "A", "A_2", "B"]);

        names.ShouldBe(["A", "A_2", "A_2_2", "B"]);
    }
}
