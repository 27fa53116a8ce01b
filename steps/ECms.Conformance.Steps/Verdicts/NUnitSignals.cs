using ECms.Conformance.Steps.Profiles;
using ECms.Reports.Model;
using NUnit.Framework;

namespace ECms.Conformance.Steps.Verdicts;

/// <summary>
/// Verdicts as NUnit outcomes, so `dotnet test` agrees with report.json: Failed fails the test; Warning passes it with
/// the warning as its message; NotApplicable ignores it; Error fails it as an error; an expected deviation that still
/// fails passes with a note, and one that no longer fails fails the test.
/// </summary>
internal sealed class NUnitSignals : IVerdictSignals
{
    public static readonly NUnitSignals Instance = new();

    public Exception StopWith(Verdict verdict, string message, ItemNote? expectedDeviation, Exception? cause) => verdict switch
    {
        Verdict.Failed or Verdict.Warning when expectedDeviation is { } deviation =>
            new SuccessException($"Expected deviation {deviation.Id} ({deviation.Reason}); it still shows: {message}"),
        Verdict.Failed => new AssertionException($"Failed (a MUST is broken): {message}"),
        Verdict.Warning => new SuccessException($"Warning (a SHOULD is broken): {message}"),
        Verdict.NotApplicable => new IgnoreException($"Not applicable: {message}"),
        _ => new InvalidOperationException($"Error (the harness could not judge): {message}", cause),
    };

    public void Completed(ScenarioVerdict verdict, ItemNote? expectedDeviation)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var warnings = verdict.Checks.Where(c => c.Outcome == Verdict.Warning).Select(c => c.Message).ToArray();
        if (expectedDeviation is { } deviation)
        {
            if (warnings.Length == 0)
            {
                throw new AssertionException(
                    $"{deviation.Id} is listed as an expected deviation ({deviation.Reason}) but it now passes. Remove it from expectedDeviations in the profile.");
            }

            Assert.Pass($"Expected deviation {deviation.Id} ({deviation.Reason}); it still shows: {string.Join(" ", warnings)}");
        }

        if (warnings.Length > 0)
        {
            Assert.Warn($"Warning (a SHOULD is broken): {string.Join(" ", warnings)}");
        }
    }
}
