using Reqnroll;
using Reqnroll.UnitTestProvider;

namespace ECms.Conformance.NUnitBridge.Runner;

/// <summary>The test-framework-free provider: "not run" becomes an exception the runner can recognise.</summary>
internal sealed class PlainRuntimeProvider : IUnitTestRuntimeProvider
{
    public void TestPending(string message) => throw new PickleSkippedException(message);

    public void TestInconclusive(string message) => throw new PickleSkippedException(message);

    public void TestIgnore(string message) => throw new PickleSkippedException(message);

    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) =>
        exception is PickleSkippedException ? ScenarioExecutionStatus.Skipped : null;
}
