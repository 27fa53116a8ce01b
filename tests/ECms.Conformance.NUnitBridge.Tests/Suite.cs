using ECms.Conformance.NUnitBridge;

namespace ECms.Conformance.NUnitBridge.Tests;

// What a suite author writes: Reqnroll's test-run hooks, and fixtures for the features that must pass.
[SetUpFixture]
public sealed class TestRun : SuiteTestRun;

[EmbeddedFeatures(SampleSuite.GreenPrefix)]
public sealed class GreenFeatures : FeatureFixture;

internal static class SampleSuite
{
    public const string GreenPrefix = "features/green/";
    public const string RedPrefix = "features/red/";

    public static System.Reflection.Assembly Assembly => typeof(SampleSuite).Assembly;
}
