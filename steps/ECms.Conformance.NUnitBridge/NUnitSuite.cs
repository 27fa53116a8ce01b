using System.Reflection;
using ECms.Conformance.NUnitBridge.Runner;

namespace ECms.Conformance.NUnitBridge;

/// <summary>The runner every NUnit entry point shares: NUnit outcomes for skips, step output to the test's output.</summary>
internal static class NUnitSuite
{
    private static readonly PickleRunnerOptions Options = new()
    {
        RuntimeProvider = new NUnitRuntimeProvider(),
        TraceListener = new TestContextTraceListener(),
    };

    public static PickleRunner RunnerFor(Assembly suite) => PickleRunner.For(suite, Options);
}
