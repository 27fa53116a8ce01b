using NUnit.Framework;

namespace ECms.Conformance.NUnitBridge;

/// <summary>
/// Reqnroll's [BeforeTestRun]/[AfterTestRun] for an NUnit suite. In the suite's root namespace:
/// <c>[SetUpFixture] public sealed class TestRun : SuiteTestRun;</c>
/// </summary>
public abstract class SuiteTestRun
{
    [OneTimeSetUp]
    public Task StartTestRunAsync() => NUnitSuite.RunnerFor(GetType().Assembly).StartTestRunAsync();

    [OneTimeTearDown]
    public Task EndTestRunAsync() => NUnitSuite.RunnerFor(GetType().Assembly).EndTestRunAsync();
}
