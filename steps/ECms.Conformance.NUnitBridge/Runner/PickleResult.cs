using Reqnroll;

namespace ECms.Conformance.NUnitBridge.Runner;

/// <summary>The outcome of running one pickle, with Reqnroll's own status and the exception it surfaced.</summary>
/// <param name="Status">Null when the scenario never started (e.g. a before-feature hook or the runtime failed).</param>
/// <param name="Error">What Reqnroll threw at the end of the scenario; rethrow it to let a test framework report it.</param>
public sealed record PickleResult(SuitePickle Pickle, PickleOutcome Outcome, ScenarioExecutionStatus? Status, Exception? Error, TimeSpan Duration)
{
    public string? Message => Error?.Message;

    internal static PickleOutcome OutcomeOf(ScenarioExecutionStatus? status, Exception? error) => status switch
    {
        null => PickleOutcome.Error,
        // OK with an error: the steps passed but an after-scenario hook threw.
        ScenarioExecutionStatus.OK => error is null ? PickleOutcome.Passed : PickleOutcome.Failed,
        ScenarioExecutionStatus.TestError => PickleOutcome.Failed,
        ScenarioExecutionStatus.Skipped => PickleOutcome.Skipped,
        // UndefinedStep, StepDefinitionPending, BindingError: the suite is incomplete, which says nothing about the SUT.
        _ => PickleOutcome.Error,
    };
}
