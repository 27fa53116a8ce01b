using ECms.Conformance.Steps.Profiles;
using ECms.Reports.Model;

namespace ECms.Conformance.Steps.Verdicts;

/// <summary>
/// How a verdict reaches whoever runs the scenario. The run engine reads verdicts from <see cref="ScenarioVerdict"/>
/// and needs only a stop; NUnit needs its own exceptions (pass with a note, ignore, fail) so that `dotnet test` shows
/// the same verdicts as report.json.
/// </summary>
public interface IVerdictSignals
{
    /// <summary>The exception that stops the scenario with <paramref name="verdict"/>.</summary>
    Exception StopWith(Verdict verdict, string message, ItemNote? expectedDeviation, Exception? cause);

    /// <summary>Called when every step ran; may throw to report what a completed scenario still means (e.g. a fixed deviation).</summary>
    void Completed(ScenarioVerdict verdict, ItemNote? expectedDeviation);
}
