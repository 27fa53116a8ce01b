using ECms.Conformance.NUnitBridge.Runner;
using Reqnroll;

namespace ECms.Conformance.NUnitBridge.Tests;

public sealed class NUnitRuntimeProviderTests
{
    [Test]
    public void TestPending_Always_IsInconclusive()
    {
        var sut = new NUnitRuntimeProvider();

        Assert.Throws<InconclusiveException>(() => sut.TestPending("later"));
    }

    [Test]
    public void TestIgnore_Always_IsIgnored()
    {
        var sut = new NUnitRuntimeProvider();

        Assert.Throws<IgnoreException>(() => sut.TestIgnore("not now"));
    }

    [Test]
    public void DetectExecutionStatus_NUnitSkipExceptions_AreSkippedOthersAreNot()
    {
        var sut = new NUnitRuntimeProvider();

        sut.DetectExecutionStatus(new IgnoreException("x")).ShouldBe(ScenarioExecutionStatus.Skipped);
        sut.DetectExecutionStatus(new InconclusiveException("x")).ShouldBe(ScenarioExecutionStatus.Skipped);
        sut.DetectExecutionStatus(new InvalidOperationException("x")).ShouldBeNull();
    }

    [Test]
    public void PlainProvider_IgnoreAndDetect_RoundTripAsSkipped()
    {
        var sut = new PlainRuntimeProvider();

        var thrown = Should.Throw<PickleSkippedException>(() => sut.TestIgnore("not now"));

        thrown.Message.ShouldBe("not now");
        sut.DetectExecutionStatus(thrown).ShouldBe(ScenarioExecutionStatus.Skipped);
    }
}
