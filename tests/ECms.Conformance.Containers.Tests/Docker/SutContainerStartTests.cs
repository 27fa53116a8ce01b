using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ECms.Conformance.Containers.Tests.Support;

namespace ECms.Conformance.Containers.Tests.Docker;

/// <summary>Start-up: healthy and reachable, or a configuration error that says why — and nothing left behind either way.</summary>
public sealed class SutContainerStartTests : ContainerTest
{
    [Test]
    public async Task StartAsync_ReferenceAgencyImage_HealthyOnLoopbackWithOrganizationIdFromEnvironment()
    {
        await using var sut = await SutContainer.StartAsync(AgencyOptions());
        using var http = new HttpClient();

        var health = await http.GetFromJsonAsync<JsonObject>(sut.HealthUrl);

        health!["organizationId"]!.GetValue<string>().ShouldBe(Sut);
        health["product"]!.GetValue<string>().ShouldBe("ECms.ReferenceAgency");
        sut.ControlUrl.ShouldBe(new Uri($"http://127.0.0.1:{sut.Port}/ecms-test/v1/"));
        sut.StartupDuration.ShouldBeGreaterThan(TimeSpan.Zero);
        (await sut.GetStatusAsync()).IsRunning.ShouldBeTrue();
        TestContext.Progress.WriteLine($"start to healthy: {sut.StartupDuration.TotalMilliseconds:0} ms");
    }

    [Test]
    public async Task DisposeAsync_RunningContainer_RemovedFromEngineAndLogsKept()
    {
        var sut = await SutContainer.StartAsync(AgencyOptions());
        var id = sut.Id;

        await sut.DisposeAsync();

        (await EngineProbe.InspectAsync(id)).ShouldBeNull();
        var logs = await sut.GetLogsAsync();
        logs.UnavailableReason.ShouldBeNull();
        logs.Tail(20).ShouldContain(line => line.Contains($"control API http://127.0.0.1:{sut.Port}/ecms-test/v1/", StringComparison.Ordinal));
        logs.Text.ShouldContain(" stdout Reference agency listening");
        (await sut.GetStatusAsync()).State.ShouldBe("removed");
        await sut.DisposeAsync();
    }

    [Test]
    public async Task StartAsync_HealthPathThatAnswers404_NeverHealthyWithinTimeoutWithLastLogLines()
    {
        var options = AgencyOptions() with { HealthPath = "/ecms-test/v1/no-such-health", StartupTimeout = TimeSpan.FromSeconds(3) };
        var clock = Stopwatch.StartNew();

        var error = await Should.ThrowAsync<ContainerConfigurationException>(() => SutContainer.StartAsync(options));

        // Ended by the profile's 3 s, not by the 60 s default; the wide margin is for a slow CI machine.
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(45));
        error.Problem.ShouldBe(ContainerProblem.NeverHealthy);
        error.Message.ShouldContain("did not answer 200 within 3 s (last answer: HTTP 404 Not Found)");
        error.Message.ShouldContain("Fix: check the profile's health path");
        error.LogTail.ShouldContain(line => line.StartsWith("Reference agency listening", StringComparison.Ordinal));
    }

    [Test]
    public async Task StartAsync_ConfigurationTheAgencyRejects_ExitedDuringStartupWithExitCodeAndReason()
    {
        var options = AgencyOptions() with
        {
            Environment = new Dictionary<string, string> { ["ECMS_AGENCY_FAULTS"] = "no-such-fault" },
            StartupTimeout = TimeSpan.FromMinutes(3),
        };
        var clock = Stopwatch.StartNew();

        var error = await Should.ThrowAsync<ContainerConfigurationException>(() => SutContainer.StartAsync(options));

        // Well inside the 3 min start-up timeout: the exit is noticed, not waited out.
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(90));
        error.Problem.ShouldBe(ContainerProblem.ExitedDuringStartup);
        error.ExitCode.ShouldBe(2);
        error.LogTail.ShouldContain(line => line.Contains("Unknown fault \"no-such-fault\"", StringComparison.Ordinal));
        error.Message.ShouldContain("exited with code 2");
    }

    [Test]
    public async Task StartAsync_ImageNotOnEngine_ImageMissingSaysHowToBuildWithoutPulling()
    {
        var options = AgencyOptions() with { Image = "ecms-no-such-image:never" };
        var clock = Stopwatch.StartNew();

        var error = await Should.ThrowAsync<ContainerConfigurationException>(() => SutContainer.StartAsync(options));

        // Refused at once, never a pull that waits for a registry this machine cannot reach.
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(45));
        error.Problem.ShouldBe(ContainerProblem.ImageMissing);
        error.Message.ShouldContain("ecms-no-such-image:never is not on the Docker engine");
        error.Message.ShouldContain("bash eng/build-agency-image.sh");
        (await EngineProbe.ImageExistsAsync("ecms-no-such-image:never")).ShouldBeFalse();
    }

    [Test]
    public async Task StartAsync_CancelledWhileWaitingForHealth_ContainerRemovedAndCancellationSurfaces()
    {
        var options = AgencyOptions() with { HealthPath = "/ecms-test/v1/no-such-health", StartupTimeout = TimeSpan.FromMinutes(3) };
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var clock = Stopwatch.StartNew();

        await Should.ThrowAsync<OperationCanceledException>(() => SutContainer.StartAsync(options, cancel.Token));

        // Ended by the cancellation, well inside the 3 min start-up timeout.
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(90));
        (await EngineProbe.ContainersAsync(Labels)).ShouldBeEmpty();
    }
}
