using System.Diagnostics;
using System.Reflection;
using ECms.Conformance.NUnitBridge.Runner;
using ECms.Conformance.Steps.Run;
using ECms.ReferenceAgency.Faults;
using ECms.Reports.Json;
using ECms.Reports.Model;
using Shouldly;

namespace ECms.Cli.Tests;

/// <summary>
/// The checklist runs two ways and both must give the same verdict for every item: `dotnet test` over the suite
/// project (what a vendor's CI runs; the profile from ECMS_PROFILE, results read from its TRX) and
/// `ecms-conformance run` (the CLI as a process; results read from its report.json). Both are started exactly as a
/// user starts them, as separate processes, side by side: the suite with `dotnet test --no-build`, because the
/// test project's build has just built it in the same configuration (and build slot, inherited through the
/// environment) — building again from inside a test would only race other builds of the same checkout.
/// Against the clean reference agency, and with a fault whose failures are deterministic and cover Failed,
/// Warning and NotApplicable verdicts (the catalogue's expected items, plus hub refusals under a strict hub).
/// </summary>
public sealed class VerdictParityTests
{
    private const string Fault = "two-digit-secret-codes";

    // One path takes about 30 s on two shared cores; the margin is for a loaded machine, not for a normal run.
    private static readonly TimeSpan PathTimeout = TimeSpan.FromMinutes(4);

    private string _work = "";

    [SetUp]
    public void CreateWorkDirectory() => _work = Directory.CreateTempSubdirectory("ecms-parity-").FullName;

    [TearDown]
    public void DeleteWorkDirectory()
    {
        // A failed comparison keeps its report.json and TRX for a look.
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Passed)
        {
            Directory.Delete(_work, recursive: true);
        }
        else
        {
            TestContext.Out.WriteLine($"Kept {_work}");
        }
    }

    private static IEnumerable<TestCaseData> Profiles() =>
    [
        new TestCaseData(null).SetName("RunAndDotnetTest_ReferenceAgency_SameVerdictForEveryItem"),
        new TestCaseData(Fault).SetName("RunAndDotnetTest_FaultTwoDigitSecretCodes_SameVerdictForEveryItem"),
    ];

    [TestCaseSource(nameof(Profiles))]
    public async Task RunAndDotnetTest_SameProfile_SameVerdictForEveryItem(string? fault)
    {
        // No fault: neither path is given a profile, both use their default (the embedded reference agency).
        var profile = fault is null ? null : WriteProfile(fault);

        var run = TimedAsync(() => RunCliAsync(profile));
        var dotnetTest = TimedAsync(() => DotnetTestAsync(profile));
        await Task.WhenAll(run, dotnetTest);

        var (cli, cliSeconds) = await run;
        var (suite, suiteSeconds) = await dotnetTest;
        TestContext.Progress.WriteLine($"{fault ?? "clean"}: run {cliSeconds:0.0} s (exit {cli.ExitCode}), dotnet test {suiteSeconds:0.0} s (exit {suite.ExitCode})");
        var expectedExit = fault is null ? 0 : 1;
        cli.ExitCode.ShouldBe(expectedExit, $"ecms-conformance run{Environment.NewLine}{cli.Output}{cli.Error}");
        suite.ExitCode.ShouldBe(expectedExit, $"dotnet test{Environment.NewLine}{suite.Output}{suite.Error}");

        var report = ReportJson.Read(Path.Combine(_work, "report", "report.json"));
        var results = SuiteTrx.Read(Path.Combine(_work, "trx", "suite.trx"));
        var catalog = FeatureCatalog.For(typeof(ConformanceRunner).Assembly);
        results.Count.ShouldBe(catalog.Pickles.Count(), "dotnet test runs one test per scenario of the suite");
        var byRun = report.Items.Where(i => i.Verdict != Verdict.NotTested).ToDictionary(i => i.Id, i => i.Verdict);
        var byDotnetTest = SuiteTrx.ItemVerdicts(results, catalog);

        Differences(byRun, byDotnetTest).ShouldBeEmpty();
        AssertTheComparisonMeantSomething(report, fault);
    }

    private static IEnumerable<string> Differences(IReadOnlyDictionary<string, Verdict> byRun, IReadOnlyDictionary<string, Verdict> byDotnetTest) =>
        byRun.Keys.Union(byDotnetTest.Keys).Order(StringComparer.Ordinal)
            .Where(id => !byRun.TryGetValue(id, out var a) || !byDotnetTest.TryGetValue(id, out var b) || a != b)
            .Select(id => $"{id}: run {Describe(byRun, id)}, dotnet test {Describe(byDotnetTest, id)}");

    private static string Describe(IReadOnlyDictionary<string, Verdict> verdicts, string id) =>
        verdicts.TryGetValue(id, out var verdict) ? verdict.ToString() : "no such item";

    // Two empty or all-Passed sides would agree for the wrong reason: the clean run must pass, the faulty one must
    // show its catalogued failures (so both paths were given the fault, and Failed and Warning were compared).
    private static void AssertTheComparisonMeantSomething(RunReport report, string? fault)
    {
        if (fault is null)
        {
            report.Verdict.ShouldBe(RunVerdict.Passed);
            report.Items.Count(i => i.Verdict == Verdict.Passed).ShouldBeGreaterThan(50);
            return;
        }

        var expected = FaultCatalogue.All.Single(f => f.Name == fault).Expected;
        expected.Select(e => e.Verdict).Distinct().Count().ShouldBeGreaterThan(1, "the fault should fail items as Failed and as Warning");
        var items = report.Items.ToDictionary(i => i.Id);
        expected.Where(e => items[e.Item].Verdict.ToString() != e.Verdict)
            .Select(e => $"{e.Item}: catalogued {e.Verdict}, run {items[e.Item].Verdict}")
            .ShouldBeEmpty();
    }

    // The default step timeout (10 s), not the fault matrix's 3 s: on a loaded machine the peer's 15 MB letter of
    // D12 once took longer than 3 s on one path only, and a harness Error on one side is a difference too.
    private string WriteProfile(string fault)
    {
        var path = Path.Combine(_work, $"fault-{fault}.json");
        File.WriteAllText(path, $$"""
            {
              "name": "fault-{{fault}}",
              "description": "The reference agency with one fault switch.",
              "sut": { "organizationId": "9900100000", "driver": "embedded", "faults": ["{{fault}}"] },
              "hub": { "strictness": "strict" }
            }
            """);
        return path;
    }

    private Task<CliResult> RunCliAsync(string? profile)
    {
        string[] args = profile is null ? ["run", "--out", Path.Combine(_work, "report")] : ["run", "--profile", profile, "--out", Path.Combine(_work, "report")];
        return ChildProcess.RunCliAsync(_work, PathTimeout, args);
    }

    private Task<CliResult> DotnetTestAsync(string? profile)
    {
        string[] args =
        [
            "test", SuiteProject, "--no-build", "--configuration", Configuration,
            "--logger", "trx;LogFileName=suite.trx", "--results-directory", Path.Combine(_work, "trx"),
        ];
        // Null removes a variable the test run itself may have been given.
        var environment = new Dictionary<string, string?> { ["ECMS_PROFILE"] = profile };
        return ChildProcess.RunAsync(ChildProcess.Dotnet, args, _work, environment, PathTimeout);
    }

    private static async Task<(CliResult Result, double Seconds)> TimedAsync(Func<Task<CliResult>> start)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await start();
        return (result, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static string Configuration =>
        typeof(VerdictParityTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private static string SuiteProject
    {
        get
        {
            for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "ECmsConformance.sln")))
                {
                    return Path.Combine(directory.FullName, "steps", "ECms.Conformance.Steps", "ECms.Conformance.Steps.csproj");
                }
            }

            throw new InvalidOperationException($"No ECmsConformance.sln above {TestContext.CurrentContext.TestDirectory}: the suite project cannot be found.");
        }
    }
}
