using ECms.Conformance.NUnitBridge.Runner;
using ECms.Reports.Model;

namespace ECms.Conformance.Steps.Verdicts;

/// <summary>
/// The verdict of one executed pickle, from what its checks recorded and how the pickle ended. A check's record wins;
/// an exception no check recorded means the harness broke (Error), never that the SUT failed.
/// </summary>
public static class VerdictResolver
{
    public static (Verdict Verdict, string? Message) Resolve(ScenarioVerdict? checks, PickleOutcome outcome, Exception? error)
    {
        var recorded = checks?.Outcome ?? Verdict.Passed;
        var message = checks?.Checks.Where(c => c.Outcome == recorded && recorded != Verdict.Passed).Select(c => c.Message).FirstOrDefault();
        if (recorded is Verdict.NotApplicable or Verdict.Error or Verdict.Failed)
        {
            return (recorded, message);
        }

        if (outcome == PickleOutcome.Skipped)
        {
            return (Verdict.NotApplicable, error?.Message ?? "Skipped.");
        }

        // Ours stop with a recorded verdict; anything else thrown is the harness's problem.
        var unexplained = error is not null && error is not ScenarioStopException && !IsNUnitOutcome(error);
        if (outcome == PickleOutcome.Error || (outcome == PickleOutcome.Failed && unexplained))
        {
            return (Verdict.Error, $"The harness could not judge this item: {error?.Message ?? "the scenario did not run"}");
        }

        return (recorded, message);
    }

    private static bool IsNUnitOutcome(Exception error) => error is NUnit.Framework.ResultStateException;
}
