using ECms.Reports.Model;

namespace ECms.Conformance.Steps.Run;

/// <summary>Where a run is, for a live display.</summary>
public enum RunPhase
{
    PreFlight,
    ScenarioStarted,
    ScenarioFinished,
    Writing,
    Finished,
}

/// <param name="Completed">Scenarios finished so far.</param>
/// <param name="Total">Scenarios to run.</param>
public sealed record RunProgress(RunPhase Phase, int Completed, int Total, string? ItemId = null, string? Title = null, Verdict? Verdict = null, string? Message = null);
