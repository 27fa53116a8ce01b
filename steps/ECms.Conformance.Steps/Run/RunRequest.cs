using ECms.Conformance.Steps.Drivers.Operators;
using ECms.Conformance.Steps.Profiles;

namespace ECms.Conformance.Steps.Run;

/// <summary>What `ecms-conformance run` asks of the engine.</summary>
public sealed record RunRequest
{
    /// <summary>The profile; the embedded reference agency when not given.</summary>
    public RunProfile Profile { get; init; } = ProfileLoader.Default;

    /// <summary>Where report.json goes; default ./conformance-reports/&lt;timestamp&gt;/.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Only these checklist items (e.g. C1, F2); null or empty = the whole checklist.</summary>
    public IReadOnlyCollection<string>? Only { get; init; }

    /// <summary>The operator for manual mode (and for control-API steps a SUT answers with 501).</summary>
    public IOperatorConsole? Operator { get; init; }

    public IProgress<RunProgress>? Progress { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Called after each scenario with a handle on the run; tests use it to kill the SUT mid-run.</summary>
    public Func<RunControl, RunProgress, ValueTask>? AfterScenario { get; init; }
}
