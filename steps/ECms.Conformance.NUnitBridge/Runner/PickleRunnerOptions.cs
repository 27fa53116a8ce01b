using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;

namespace ECms.Conformance.NUnitBridge.Runner;

/// <summary>How Reqnroll talks back to whoever drives the pickles (NUnit, or the CLI).</summary>
public sealed class PickleRunnerOptions
{
    /// <summary>
    /// Called by Reqnroll for pending/inconclusive/ignored scenarios. The default throws
    /// <see cref="PickleSkippedException"/>, which <see cref="PickleRunner"/> records as Skipped.
    /// </summary>
    public IUnitTestRuntimeProvider RuntimeProvider { get; init; } = new PlainRuntimeProvider();

    /// <summary>
    /// Receives step and hook output and Reqnroll's own start-up trace (plugins loaded, configuration source);
    /// null keeps Reqnroll's default (the console).
    /// </summary>
    public ITraceListener? TraceListener { get; init; }
}
