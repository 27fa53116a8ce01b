using System.Diagnostics;
using System.Globalization;
using ECms.Conformance.NUnitBridge.Runner;
using ECms.Conformance.Steps.Session;
using ECms.Conformance.Steps.Verdicts;
using ECms.Reports.Bundle;
using ECms.Reports.Json;
using ECms.Reports.Model;
using Reqnroll.Tracing;

namespace ECms.Conformance.Steps.Run;

/// <summary>
/// The run engine behind `ecms-conformance run` and the suite's self-tests: pre-flight, then every scenario through
/// the bridge's <see cref="PickleRunner"/>, then report.json. Runs may overlap in one process (each has its own session).
/// </summary>
public static class ConformanceRunner
{
    // Reqnroll keeps one runtime per assembly: every engine run in a process shares these options.
    private static readonly PickleRunnerOptions EngineOptions = new() { TraceListener = new SilentTraceListener() };

    public static async Task<RunOutcome> RunAsync(RunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var startedAt = request.Clock.GetUtcNow();
        var directory = request.OutputDirectory
            ?? Path.Combine("conformance-reports", startedAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);

        var pickles = Select(request.Only);
        request.Progress?.Report(new RunProgress(RunPhase.PreFlight, 0, pickles.Count));
        ConformanceSession session;
        try
        {
            session = await ConformanceSession.StartAsync(request.Profile, new SessionOptions
            {
                Operator = request.Operator,
                Clock = request.Clock,
                WorkDirectory = Path.Combine(directory, "work"),
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConfigurationErrorException error)
        {
            var failed = ReportBuilder.ConfigurationError(request, error, startedAt, request.Clock.GetUtcNow());
            return Finish(request, failed, directory, RunOutcome.ExitConfigurationError, error, started);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var interrupted = ReportBuilder.Interrupted(request, "Not run: the run was interrupted during the pre-flight check.", startedAt, request.Clock.GetUtcNow());
            return Finish(request, interrupted, directory, RunOutcome.ExitFailed, null, started);
        }

        await using (session.ConfigureAwait(false))
        {
            var outcomes = new List<ScenarioOutcome>();
            var runner = PickleRunner.For(typeof(ConformanceRunner).Assembly, EngineOptions);
            await runner.StartTestRunAsync().ConfigureAwait(false);
            var control = new RunControl(session);
            foreach (var pickle in pickles)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                var item = ItemOf(pickle);
                request.Progress?.Report(new RunProgress(RunPhase.ScenarioStarted, outcomes.Count, pickles.Count, item, pickle.Title));
                ScenarioOutcome outcome;
                try
                {
                    // An interruption does not wait for the scenario: it may be waiting for an operator or a long timeout.
                    outcome = await RunPickleAsync(runner, session, pickle, item).WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                outcomes.Add(outcome);
                var progress = new RunProgress(RunPhase.ScenarioFinished, outcomes.Count, pickles.Count, item, pickle.Title, outcome.Verdict, outcome.Message);
                request.Progress?.Report(progress);
                if (request.AfterScenario is { } after)
                {
                    await after(control, progress).ConfigureAwait(false);
                }
            }

            var finished = outcomes.Count;
            string? interruption = null;
            if (finished < pickles.Count)
            {
                // Nothing lost: what ran is reported; a scenario that did not finish is an Error, never "no scenario".
                interruption = $"the run was interrupted after {finished} of {pickles.Count} scenarios; the unfinished ones are reported as Error";
                var message = $"Not judged: the run was interrupted after {finished} of {pickles.Count} scenarios.";
                outcomes.AddRange(pickles.Skip(finished).Select(p => new ScenarioOutcome(p, ItemOf(p), Verdict.Error, message, null, TimeSpan.Zero)));
            }

            request.Progress?.Report(new RunProgress(RunPhase.Writing, outcomes.Count, pickles.Count, Message: interruption));
            var report = ReportBuilder.Build(request, session, outcomes, startedAt, request.Clock.GetUtcNow());
            var exit = report.Verdict == RunVerdict.Passed ? RunOutcome.ExitPassed : RunOutcome.ExitFailed;
            return Finish(request, report, directory, exit, null, started);
        }
    }

    private static async Task<ScenarioOutcome> RunPickleAsync(PickleRunner runner, ConformanceSession session, SuitePickle pickle, string item)
    {
        using (SessionScope.Enter(session))
        {
            session.LastVerdict = null;
            var result = await runner.RunAsync(pickle).ConfigureAwait(false);
            var checks = session.LastVerdict;
            var (verdict, message) = VerdictResolver.Resolve(checks, result.Outcome, result.Error);
            return new ScenarioOutcome(pickle, item, verdict, message, checks, result.Duration);
        }
    }

    private static RunOutcome Finish(RunRequest request, RunReport report, string directory, int exitCode, ConfigurationErrorException? error, long started)
    {
        // The whole evidence bundle, whoever runs the suite (the CLI, a test, a vendor's harness): report.json first,
        // so even a run whose rendering fails leaves its results.
        EvidenceBundle.Write(report, directory);
        var path = Path.Combine(directory, BundleArtifacts.ReportJson);
        request.Progress?.Report(new RunProgress(RunPhase.Finished, report.Items.Count, report.Items.Count, Message: path));
        return new RunOutcome(report, directory, path, exitCode, error, Stopwatch.GetElapsedTime(started));
    }

    private static List<SuitePickle> Select(IReadOnlyCollection<string>? only)
    {
        var all = FeatureCatalog.For(typeof(ConformanceRunner).Assembly).Pickles.Where(p => !p.IsIgnored);
        if (only is null || only.Count == 0)
        {
            return all.ToList();
        }

        var wanted = new HashSet<string>(only, StringComparer.OrdinalIgnoreCase);
        return all.Where(p => wanted.Contains(ItemOf(p))).ToList();
    }

    internal static string ItemOf(SuitePickle pickle) => ScenarioTags.From(pickle.Tags).ItemId ?? pickle.TestName;

    /// <summary>
    /// Keeps Reqnroll's output off the console of the CLI, whose stdout is the run's progress. Step output is what the
    /// checks record in the report; Reqnroll's start-up trace (plugins loaded, reqnroll.json used) says nothing about
    /// the SUT and is dropped: the evidence bundle is a closed, hashed set of artifacts (verify flags any other file)
    /// and report.json has no place for harness diagnostics.
    /// </summary>
    private sealed class SilentTraceListener : ITraceListener
    {
        public void WriteTestOutput(string message)
        {
        }

        public void WriteToolOutput(string message)
        {
        }
    }
}
