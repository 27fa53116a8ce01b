using ECms.Conformance.Steps.Profiles;
using ECms.Reports.Model;

namespace ECms.Conformance.Steps.Verdicts;

/// <summary>The run engine's signals: a plain stop; the engine reads every verdict from the collector.</summary>
internal sealed class EngineSignals : IVerdictSignals
{
    public static readonly EngineSignals Instance = new();

    public Exception StopWith(Verdict verdict, string message, ItemNote? expectedDeviation, Exception? cause) =>
        new ScenarioStopException(verdict, message, cause);

    public void Completed(ScenarioVerdict verdict, ItemNote? expectedDeviation)
    {
    }
}
