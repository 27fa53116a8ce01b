using System.Diagnostics;
using System.Globalization;
using ECms.Conformance.Containers.Tests.Support;

namespace ECms.Conformance.Containers.Tests.Docker;

/// <summary>What a killed harness left behind is removed by the next run; what live runs and other machines own is not.</summary>
public sealed class OrphanTests : ContainerTest
{
    [Test]
    public async Task RemoveOrphansAsync_ContainersOfDeadLiveAndForeignOwners_OnlyTheDeadOnesRemoved()
    {
        var dead = await CreateAsync(string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/1"));
        var live = await CreateAsync(SutContainerLabels.CurrentOwner);
        var foreign = await CreateAsync("another-machine/1/1");

        var removed = await SutContainer.RemoveOrphansAsync();

        removed.ShouldContain(dead);
        removed.ShouldNotContain(live);
        removed.ShouldNotContain(foreign);
        (await EngineProbe.InspectAsync(dead)).ShouldBeNull();
        (await EngineProbe.InspectAsync(live)).ShouldNotBeNull();
        (await EngineProbe.InspectAsync(foreign)).ShouldNotBeNull();
        await EngineProbe.RemoveAsync(live);
        await EngineProbe.RemoveAsync(foreign);
    }

    /// <summary>A created, never started container as the harness labels them, but with the given owner.</summary>
    private static async Task<string> CreateAsync(string owner)
    {
        var create = new ProcessStartInfo("docker",
        [
            "create", "--network", "host",
            "--label", $"{SutContainerLabels.Sut}=true",
            "--label", $"{SutContainerLabels.Owner}={owner}",
            "--label", $"{TestLabel}={TestContext.CurrentContext.Test.ID}",
            AgencyImage.Tag,
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var docker = Process.Start(create)!;
        var id = await docker.StandardOutput.ReadToEndAsync();
        var errors = await docker.StandardError.ReadToEndAsync();
        await docker.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        docker.ExitCode.ShouldBe(0, errors);
        return id.Trim();
    }
}
