using ECms.Conformance.NUnitBridge;
using NUnit.Framework;

namespace ECms.Conformance.Steps;

/// <summary>`dotnet test` of the suite: Reqnroll's test-run hooks, and one fixture per feature of features/.</summary>
[SetUpFixture]
public sealed class TestRun : SuiteTestRun;

public sealed class Features : FeatureFixture;
