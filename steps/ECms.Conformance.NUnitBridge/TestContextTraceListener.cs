using NUnit.Framework;
using Reqnroll.Tracing;

namespace ECms.Conformance.NUnitBridge;

/// <summary>Step and hook output goes to the current test's output, not to the shared console.</summary>
internal sealed class TestContextTraceListener : ITraceListener
{
    public void WriteTestOutput(string message) => TestContext.Out.WriteLine(message);

    public void WriteToolOutput(string message) => TestContext.Out.WriteLine("-> " + message);
}
