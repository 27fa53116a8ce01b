using ECms.Conformance.NUnitBridge.Runner;
using Reqnroll.Infrastructure;
using Reqnroll.Tracing;

namespace ECms.Conformance.NUnitBridge.Tests;

// A global container of its own, not the sample suite's shared runtime: Reqnroll traces while building it.
public sealed class BridgeDependencyProviderTests
{
    private static ContainerBuilder CreateSut(ITraceListener? listener) =>
        new(new BridgeDependencyProvider(new BridgeRuntimePlugin(new PickleRunnerOptions { TraceListener = listener }), listener));

    [Test]
    public void CreateGlobalContainer_WithTraceListener_TheListenerGetsReqnrollsStartUpTrace()
    {
        var listener = new RecordingTraceListener();
        var sut = CreateSut(listener);

        using var container = sut.CreateGlobalContainer(SampleSuite.Assembly);

        listener.ToolOutput.ShouldContain(line => line.StartsWith("Loading plugin ", StringComparison.Ordinal));
        listener.ToolOutput.ShouldContain(line => line.Contains("reqnroll.json", StringComparison.Ordinal));
        container.Resolve<ITraceListener>().ShouldBeSameAs(listener);
    }

    [Test]
    public void CreateGlobalContainer_WithoutTraceListener_KeepsReqnrollsDefault()
    {
        var sut = CreateSut(listener: null);

        using var container = sut.CreateGlobalContainer(SampleSuite.Assembly);

        container.Resolve<ITraceListener>().ShouldBeOfType<DefaultListener>();
    }

    private sealed class RecordingTraceListener : ITraceListener
    {
        private readonly Lock _gate = new();
        private readonly List<string> _toolOutput = [];

        public IReadOnlyList<string> ToolOutput
        {
            get
            {
                lock (_gate)
                {
                    return _toolOutput.ToArray();
                }
            }
        }

        public void WriteTestOutput(string message)
        {
        }

        public void WriteToolOutput(string message)
        {
            lock (_gate)
            {
                _toolOutput.Add(message);
            }
        }
    }
}
