using ECms.Conformance.Steps.Profiles;
using ECms.Conformance.Steps.Run;

namespace ECms.Conformance.Tests;

/// <summary>Runs the engine into a fresh directory under the test's work directory.</summary>
internal static class RunFixture
{
    public static Task<RunOutcome> RunAsync(RunProfile profile, IReadOnlyCollection<string>? only = null, Func<RunControl, RunProgress, ValueTask>? afterScenario = null, Steps.Drivers.Operators.IOperatorConsole? console = null, CancellationToken cancellationToken = default)
    {
        var directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "conformance-reports", $"{profile.Name}-{Guid.NewGuid():N}");
        return ConformanceRunner.RunAsync(new RunRequest
        {
            Profile = profile,
            OutputDirectory = directory,
            Only = only,
            AfterScenario = afterScenario,
            Operator = console,
        }, cancellationToken);
    }
}
