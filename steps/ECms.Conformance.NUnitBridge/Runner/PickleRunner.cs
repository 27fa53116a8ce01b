using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Reqnroll;
using Reqnroll.Infrastructure;

namespace ECms.Conformance.NUnitBridge.Runner;

/// <summary>
/// Executes pickles through Reqnroll's public runtime in the order Reqnroll's generated test classes use,
/// and reports each outcome instead of throwing, so NUnit and the CLI can share it.
/// </summary>
public sealed class PickleRunner
{
    // Reqnroll keeps one TestRunnerManager (and one DI container) per test assembly, so one runner per assembly.
    private static readonly ConcurrentDictionary<Assembly, PickleRunner> Runners = new();

    private readonly ContainerBuilder _containerBuilder;
    private readonly Lock _lock = new();
    private Task? _testRunStart;

    private PickleRunner(Assembly suite, PickleRunnerOptions options)
    {
        Suite = suite;
        Options = options;
        _containerBuilder = new ContainerBuilder(new BridgeDependencyProvider(new BridgeRuntimePlugin(options), options.TraceListener));
    }

    public Assembly Suite { get; }

    public PickleRunnerOptions Options { get; }

    /// <summary>
    /// The runner for <paramref name="suite"/>. The first caller's options win for the whole process;
    /// passing different options later is a mistake and throws. Null means "whatever is configured, else defaults".
    /// </summary>
    public static PickleRunner For(Assembly suite, PickleRunnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(suite);
        var runner = Runners.GetOrAdd(suite, a => new PickleRunner(a, options ?? new PickleRunnerOptions()));
        if (options is not null && !ReferenceEquals(runner.Options, options))
        {
            throw new InvalidOperationException($"Reqnroll is already configured for {suite.GetName().Name}; configure a PickleRunner once per assembly.");
        }

        return runner;
    }

    /// <summary>Fires [BeforeTestRun] once; later calls return the same task, so a failed start stays failed.</summary>
    public Task StartTestRunAsync()
    {
        lock (_lock)
        {
            // The suite assembly is passed explicitly: Reqnroll's default is the *calling* assembly, i.e. this library.
            return _testRunStart ??= TestRunnerManager.OnTestRunStartAsync(Suite, _containerBuilder);
        }
    }

    /// <summary>Fires [AfterTestRun] and disposes Reqnroll's runtime for the suite.</summary>
    public async Task EndTestRunAsync()
    {
        lock (_lock)
        {
            if (_testRunStart is null)
            {
                return;
            }

            _testRunStart = null;
        }

        await TestRunnerManager.OnTestRunEndAsync(Suite, _containerBuilder).ConfigureAwait(false);
    }

    /// <summary>Fires [AfterFeature] on every runner still inside <paramref name="feature"/>.</summary>
    public async Task EndFeatureAsync(SuiteFeature feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        if (feature.Info is { } info)
        {
            await TestRunnerManager.ReleaseFeatureAsync(info, Suite, _containerBuilder).ConfigureAwait(false);
        }
    }

    /// <summary>Runs one pickle start to end. Never throws for a failing scenario: the result carries the error.</summary>
    public async Task<PickleResult> RunAsync(SuitePickle pickle)
    {
        ArgumentNullException.ThrowIfNull(pickle);
        var started = Stopwatch.GetTimestamp();
        ITestRunner? runner = null;
        ScenarioExecutionStatus? status = null;
        Exception? error = null;
        try
        {
            await StartTestRunAsync().ConfigureAwait(false);
            runner = TestRunnerManager.GetTestRunnerForAssembly(Suite, _containerBuilder, pickle.Feature.Info);
            await EnterFeatureAsync(runner, pickle.Feature.Info!).ConfigureAwait(false);
            runner.OnScenarioInitialize(pickle.CreateScenarioInfo(), pickle.CreateRuleInfo());
            if (pickle.IsIgnored)
            {
                await runner.SkipScenarioAsync().ConfigureAwait(false);
            }
            else
            {
                await runner.OnScenarioStartAsync().ConfigureAwait(false);
                foreach (var step in pickle.Steps)
                {
                    // A failing step does not throw here: Reqnroll records it, skips the rest and reports below.
                    await step.InvokeAsync(runner).ConfigureAwait(false);
                }
            }

            await runner.CollectScenarioErrorsAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Whatever a scenario throws is its result, not a crash of the runner.
            error = ex;
        }
        finally
        {
            // Read before OnScenarioEndAsync, which discards the scenario context.
            status = runner?.ScenarioContext?.ScenarioExecutionStatus;
            if (runner is not null)
            {
                error = await EndScenarioAsync(runner, error).ConfigureAwait(false);
            }
        }

        return new PickleResult(pickle, PickleResult.OutcomeOf(status, error), status, error, Stopwatch.GetElapsedTime(started));
    }

    // As generated test set-up does: a pooled runner may still be inside another feature, so end that one first.
    private static async Task EnterFeatureAsync(ITestRunner runner, FeatureInfo feature)
    {
        try
        {
            if (runner.FeatureContext is { } current && !ReferenceEquals(current.FeatureInfo, feature))
            {
                await runner.OnFeatureEndAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            if (runner.FeatureContext is null)
            {
                await runner.OnFeatureStartAsync(feature).ConfigureAwait(false);
            }
        }

        if (runner.FeatureContext is { BeforeFeatureHookFailed: true } failed)
        {
            throw new ReqnrollException("Scenario skipped because a [BeforeFeature] hook of this feature failed.", failed.BeforeFeatureHookError);
        }
    }

    private static async Task<Exception?> EndScenarioAsync(ITestRunner runner, Exception? error)
    {
        try
        {
            await runner.OnScenarioEndAsync().ConfigureAwait(false);
            return error;
        }
        catch (Exception ex)
        {
            // An [AfterScenario] failure is reported like a step failure, unless one came first.
            return error ?? ex;
        }
        finally
        {
            TestRunnerManager.ReleaseTestRunner(runner);
        }
    }
}
