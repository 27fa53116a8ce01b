using ECms.Reports.Model;

namespace ECms.Conformance.Steps.Verdicts;

/// <summary>
/// Ends a scenario with a verdict already recorded in its <see cref="ScenarioVerdict"/> (a failed MUST check, a
/// not-applicable item, a harness error). The run engine reads the verdict, not this exception.
/// </summary>
public sealed class ScenarioStopException : Exception
{
    public ScenarioStopException()
    {
    }

    public ScenarioStopException(string message)
        : base(message)
    {
    }

    public ScenarioStopException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ScenarioStopException(Verdict verdict, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Verdict = verdict;
    }

    public Verdict Verdict { get; }
}
