using Reqnroll;
using Reqnroll.Analytics;

namespace ECms.Conformance.NUnitBridge.Tests.Steps;

[Binding]
public sealed class HookSteps(Journal journal, ScenarioContext scenario, FeatureContext feature)
{
    private const string BeforeFeatureKey = "before-feature";

    // Static: set by [BeforeTestRun], which only the bridge's SuiteTestRun/PickleRunner fires.
    private static bool _testRunStarted;

    [BeforeTestRun]
    public static void MarkTestRunStarted() => _testRunStarted = true;

    [BeforeFeature("hooks")]
    public static void MarkFeatureStarted(FeatureContext featureContext) => featureContext[BeforeFeatureKey] = featureContext.FeatureInfo.Title;

    [BeforeFeature("before-feature-fails")]
    public static void FailBeforeFeature() => throw new InvalidOperationException("BeforeFeature hook failed on purpose.");

    [BeforeScenario("hooks")]
    public void PrepareJournal() => journal.PreparedFor = scenario.ScenarioInfo.Title;

    [AfterScenario("after-hook-fails")]
    public static void FailAfterScenario() => throw new InvalidOperationException("AfterScenario hook failed on purpose.");

    [Then("the hook has prepared the context for {string}")]
    public void ThenTheHookHasPrepared(string title) => journal.PreparedFor.ShouldBe(title);

    [Then("the BeforeTestRun hook has run")]
    public static void ThenTheBeforeTestRunHookHasRun() => _testRunStarted.ShouldBeTrue();

    [Then("the BeforeFeature hook has run for {string}")]
    public void ThenTheBeforeFeatureHookHasRun(string title) => feature.ShouldContainKeyAndValue(BeforeFeatureKey, title);

    [Then("Reqnroll telemetry is disabled")]
    public void ThenTelemetryIsDisabled() =>
        scenario.ScenarioContainer.Resolve<IEnvironmentReqnrollTelemetryChecker>().IsReqnrollTelemetryEnabled().ShouldBeFalse();

    [Given("a step that is still pending")]
    public static void GivenAPendingStep() => throw new PendingStepException();

    [Given("a step that skips its scenario")]
    public static void GivenAStepThatSkips() => Assert.Ignore("Skipped on purpose by the step.");
}
