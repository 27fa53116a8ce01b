using ECms.Conformance.Steps.Drivers.Operators;
using ECms.Conformance.Steps.Verdicts;

namespace ECms.Conformance.Steps.Session;

/// <summary>How a session is run: who the operator is, how verdicts are signalled, which clock, where files go.</summary>
public sealed record SessionOptions
{
    /// <summary>The operator for manual mode and for control-API steps the SUT does not support (501); null = nobody.</summary>
    public IOperatorConsole? Operator { get; init; }

    public IVerdictSignals Signals { get; init; } = EngineSignals.Instance;

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Where manual mode writes the files the operator attaches.</summary>
    public string WorkDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "ecms-conformance");
}
