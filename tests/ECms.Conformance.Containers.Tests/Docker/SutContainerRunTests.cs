namespace ECms.Conformance.Containers.Tests.Docker;

/// <summary>During the run: a container that stops is noticed, with how it ended and what it said last.</summary>
public sealed class SutContainerRunTests : ContainerTest
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(20);

    [TestCase("KILL", 137, TestName = "Exited_KilledDuringRun_CompletesWith137")]
    [TestCase("TERM", 0, TestName = "Exited_StoppedDuringRun_CompletesWithItsExitCode")]
    public async Task Exited_ContainerStopsDuringRun_CompletesWithExitCode(string signal, long expected)
    {
        await using var sut = await SutContainer.StartAsync(AgencyOptions());
        sut.Exited.IsCompleted.ShouldBeFalse();

        await sut.KillAsync(signal);

        (await sut.Exited.WaitAsync(ExitTimeout)).ShouldBe(expected);
    }

    [Test]
    public async Task GetStatusAsync_AfterCrash_NotRunningWithExitCodeAndLastLogLines()
    {
        await using var sut = await SutContainer.StartAsync(AgencyOptions());
        (await sut.GetStatusAsync()).IsRunning.ShouldBeTrue();

        await sut.KillAsync();
        await sut.Exited.WaitAsync(ExitTimeout);
        var status = await sut.GetStatusAsync();

        status.IsRunning.ShouldBeFalse();
        status.State.ShouldBe("exited");
        status.ExitCode.ShouldBe(137);
        status.LogTail.ShouldContain(line => line.StartsWith("Reference agency listening", StringComparison.Ordinal));
    }

    [Test]
    public async Task EnsureRunningAsync_AfterCrash_ExitedDuringRunWithExitCodeAndLogs()
    {
        await using var sut = await SutContainer.StartAsync(AgencyOptions());
        await sut.EnsureRunningAsync();

        await sut.KillAsync();
        await sut.Exited.WaitAsync(ExitTimeout);
        var error = await Should.ThrowAsync<ContainerConfigurationException>(() => sut.EnsureRunningAsync());

        error.Problem.ShouldBe(ContainerProblem.ExitedDuringRun);
        error.ExitCode.ShouldBe(137);
        error.Message.ShouldContain($"The container {sut.Name} of {sut.Image} stopped during the run: exited with code 137.");
        error.LogTail.ShouldNotBeEmpty();
    }
}
