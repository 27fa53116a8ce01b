using ECms.Conformance.NUnitBridge.Runner;
using Reqnroll;

namespace ECms.Conformance.NUnitBridge.Tests;

// Runs sample pickles through the NUnit-free runner, so failure cases can be asserted without a red test run.
public sealed class PickleRunnerTests
{
    private static PickleRunner CreateSut() => PickleRunner.For(SampleSuite.Assembly);

    private static SuitePickle Pickle(string uri, int index = 0) =>
        (FeatureCatalog.For(SampleSuite.Assembly).Find(uri) ?? throw new AssertionException($"{uri} is not embedded")).Pickles[index];

    [Test]
    public async Task RunAsync_PassingScenario_Passes()
    {
        var sut = CreateSut();

        var result = await sut.RunAsync(Pickle("features/green/Basics.feature"));

        result.Outcome.ShouldBe(PickleOutcome.Passed, result.Message);
        result.Status.ShouldBe(ScenarioExecutionStatus.OK);
        result.Error.ShouldBeNull();
    }

    [Test]
    public async Task RunAsync_EveryGreenPickle_PassesUnlessIgnored()
    {
        var sut = CreateSut();
        var pickles = FeatureCatalog.For(SampleSuite.Assembly).Pickles.Where(p => p.Feature.Uri.StartsWith(SampleSuite.GreenPrefix, StringComparison.Ordinal)).ToList();

        var results = new List<PickleResult>();
        foreach (var pickle in pickles)
        {
            results.Add(await sut.RunAsync(pickle));
        }

        results.Count.ShouldBeGreaterThan(10);
        results.ShouldAllBe(r => r.Outcome == (r.Pickle.IsIgnored ? PickleOutcome.Skipped : PickleOutcome.Passed));
    }

    [Test]
    public async Task RunAsync_FailingStep_FailsWithItsMessageAndSkipsLaterSteps()
    {
        var sut = CreateSut();

        var result = await sut.RunAsync(Pickle("features/red/Failing.feature"));

        result.Outcome.ShouldBe(PickleOutcome.Failed);
        result.Status.ShouldBe(ScenarioExecutionStatus.TestError);
        // Not the InvalidOperationException of the step after it: later steps are skipped.
        var error = result.Error.ShouldBeOfType<ShouldAssertException>();
        error.Message.ShouldContain("should be");
        error.Message.ShouldContain("5");
    }

    [Test]
    public async Task RunAsync_UndefinedStep_IsAnErrorNotAPass()
    {
        var sut = CreateSut();

        var result = await sut.RunAsync(Pickle("features/red/Undefined.feature"));

        result.Outcome.ShouldBe(PickleOutcome.Error);
        result.Status.ShouldBe(ScenarioExecutionStatus.UndefinedStep);
        result.Error.ShouldBeOfType<MissingStepDefinitionException>();
    }

    [Test]
    public async Task RunAsync_PendingStep_IsAnError()
    {
        var sut = CreateSut();

        var result = await sut.RunAsync(Pickle("features/red/Pending.feature"));

        result.Outcome.ShouldBe(PickleOutcome.Error);
        result.Status.ShouldBe(ScenarioExecutionStatus.StepDefinitionPending);
    }

    [Test]
    public async Task RunAsync_IgnoredPickle_IsSkippedWithoutRunningItsSteps()
    {
        var sut = CreateSut();
        var pickle = FeatureCatalog.For(SampleSuite.Assembly).Find("features/green/Basics.feature")!.Pickles.Single(p => p.IsIgnored);

        var result = await sut.RunAsync(pickle);

        // Its only step throws InvalidOperationException; the error must be the runtime provider's ignore instead.
        result.Outcome.ShouldBe(PickleOutcome.Skipped);
        result.Error.ShouldBeOfType<IgnoreException>();
    }

    [Test]
    public async Task RunAsync_StepCallsAssertIgnore_IsSkipped()
    {
        var sut = CreateSut();

        var result = await sut.RunAsync(Pickle("features/red/Skipping.feature"));

        result.Outcome.ShouldBe(PickleOutcome.Skipped);
        result.Message.ShouldBe("Skipped on purpose by the step.");
    }

    [Test]
    public async Task RunAsync_AfterScenarioHookThrows_Fails()
    {
        var sut = CreateSut();

        var result = await sut.RunAsync(Pickle("features/red/AfterHookFails.feature"));

        result.Outcome.ShouldBe(PickleOutcome.Failed);
        result.Message.ShouldBe("AfterScenario hook failed on purpose.");
    }

    [Test]
    public async Task RunAsync_BeforeFeatureHookThrows_EveryScenarioOfTheFeatureIsAnError()
    {
        var sut = CreateSut();

        var first = await sut.RunAsync(Pickle("features/red/BeforeFeatureFails.feature", 0));
        var second = await sut.RunAsync(Pickle("features/red/BeforeFeatureFails.feature", 1));
        var otherFeature = await sut.RunAsync(Pickle("features/green/Basics.feature"));

        first.Outcome.ShouldBe(PickleOutcome.Error);
        first.Message.ShouldBe("BeforeFeature hook failed on purpose.");
        second.Outcome.ShouldBe(PickleOutcome.Error);
        second.Error.ShouldNotBeNull().InnerException.ShouldBeSameAs(first.Error);
        otherFeature.Outcome.ShouldBe(PickleOutcome.Passed, otherFeature.Message);
    }

    [Test]
    public async Task RunAsync_SamePickleTwice_RunsTwiceWithFreshScenarioState()
    {
        var sut = CreateSut();
        var pickle = Pickle("features/green/Basics.feature");

        var first = await sut.RunAsync(pickle);
        var second = await sut.RunAsync(pickle);

        // "Given a fresh journal" fails if the injected Journal survived the first run.
        first.Outcome.ShouldBe(PickleOutcome.Passed, first.Message);
        second.Outcome.ShouldBe(PickleOutcome.Passed, second.Message);
    }

    [Test]
    public void For_OtherOptionsAfterConfiguration_Throws()
    {
        _ = CreateSut();

        Should.Throw<InvalidOperationException>(() => PickleRunner.For(SampleSuite.Assembly, new PickleRunnerOptions()));
    }
}
