using NUnit.Framework;
using Reqnroll;
using Reqnroll.UnitTestProvider;

namespace ECms.Conformance.NUnitBridge;

/// <summary>Pending and inconclusive become NUnit Inconclusive, ignore becomes NUnit Ignored.</summary>
internal sealed class NUnitRuntimeProvider : IUnitTestRuntimeProvider
{
    public void TestPending(string message) => Assert.Inconclusive(message);

    public void TestInconclusive(string message) => Assert.Inconclusive(message);

    public void TestIgnore(string message) => Assert.Ignore(message);

    // Lets Assert.Ignore/Inconclusive inside a step skip the scenario instead of failing it.
    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) =>
        exception is InconclusiveException or IgnoreException ? ScenarioExecutionStatus.Skipped : null;
}
