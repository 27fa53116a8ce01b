namespace ECms.Conformance.NUnitBridge.Runner;

/// <summary>How one pickle ended, in the harness's terms (see STYLE.md, report vocabulary).</summary>
public enum PickleOutcome
{
    Passed,

    /// <summary>A step or a scenario hook threw: the behaviour under test is wrong.</summary>
    Failed,

    /// <summary>Ignored by tag, or a step asked to skip (ignore/inconclusive).</summary>
    Skipped,

    /// <summary>The suite itself is broken: undefined, pending or ambiguous steps, a feature hook or set-up failure.</summary>
    Error,
}
