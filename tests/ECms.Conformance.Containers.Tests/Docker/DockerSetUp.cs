using ECms.Conformance.Containers.Tests.Support;

namespace ECms.Conformance.Containers.Tests.Docker;

/// <summary>
/// Once per run, before any test that needs the engine: decide (fail fast with how to start an engine, or skip when
/// ECMS_SKIP_CONTAINERS=1), clear what killed runs left behind, and build the reference agency's image if missing.
/// </summary>
[SetUpFixture]
public sealed class DockerSetUp
{
    [OneTimeSetUp]
    public async Task EngineAndImage()
    {
        var availability = await ContainerScenarios.CheckAsync(ContainerScenarios.ExcludedByEnvironment());
        if (!availability.CanRun)
        {
            Assert.Ignore(availability.SkipReason!);
        }

        TestContext.Progress.WriteLine(availability.Engine);
        await SutContainer.RemoveOrphansAsync();
        await AgencyImage.EnsureBuiltAsync(CancellationToken.None);
    }
}
