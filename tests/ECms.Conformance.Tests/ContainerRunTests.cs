using System.Diagnostics;
using ECms.Conformance.Containers;
using ECms.Conformance.Steps.Profiles;
using ECms.Conformance.Steps.Run;
using ECms.Reports.Model;

namespace ECms.Conformance.Tests;

/// <summary>
/// The whole checklist against the reference agency shipped as a container image (profile
/// reference-agency-container.json): every applicable item passes, and the container is gone afterwards.
/// Needs the Docker engine and the image that eng/test.sh prepares; ECMS_SKIP_CONTAINERS=1 skips with the reason.
/// </summary>
[Category(ContainerScenarios.Category)]
public sealed class ContainerRunTests
{
    private static RunOutcome? _outcome;

    [OneTimeSetUp]
    public async Task RunOnceAsync()
    {
        var availability = await ContainerScenarios.CheckAsync(ContainerScenarios.ExcludedByEnvironment());
        if (!availability.CanRun)
        {
            Assert.Ignore(availability.SkipReason ?? "Container scenarios excluded.");
        }

        var profile = ProfileLoader.Load(Path.Combine(RepositoryRoot(), "profiles", "reference-agency-container.json"));
        var started = Stopwatch.GetTimestamp();
        _outcome = await RunFixture.RunAsync(profile);
        TestContext.Progress.WriteLine($"Full run against the reference agency in a container: {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s wall time.");
    }

    [Test]
    public void Run_ReferenceAgencyContainer_EveryApplicableItemPassed()
    {
        _outcome!.ConfigurationError.ShouldBeNull();
        var notPassed = _outcome.Report.Items.Where(i => i.Verdict is not (Verdict.Passed or Verdict.NotApplicable)).Select(i => $"{i.Id} {i.Verdict}: {i.Message}").ToArray();

        notPassed.ShouldBeEmpty();
        _outcome.Report.Sut?.Driver.ShouldBe("container");
        _outcome.ExitCode.ShouldBe(RunOutcome.ExitPassed);
    }

    [Test]
    public async Task Run_ReferenceAgencyContainer_LeavesNoContainerBehind()
    {
        using var docker = Process.Start(new ProcessStartInfo("docker", "ps -aq --filter label=org.ecms-conformance.sut=true") { RedirectStandardOutput = true })!;
        var left = await docker.StandardOutput.ReadToEndAsync();
        await docker.WaitForExitAsync();

        docker.ExitCode.ShouldBe(0);
        left.Trim().ShouldBeEmpty();
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ECmsConformance.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with ECmsConformance.sln) is not above the test folder.");
    }
}
