using ECms.Conformance.Containers.Tests.Support;

namespace ECms.Conformance.Containers.Tests.Docker;

/// <summary>
/// A test that starts containers: each carries this test's label, and after the test the engine must hold none of
/// them — whatever the test did, passed or failed. (Leftovers are then removed, so one failure does not cascade.)
/// </summary>
[Category(ContainerScenarios.Category)]
public abstract class ContainerTest
{
    protected const string Sut = "9900100000";
    protected const string TestLabel = "org.ecms-conformance.test";

    protected static IReadOnlyDictionary<string, string> Labels => new Dictionary<string, string> { [TestLabel] = TestContext.CurrentContext.Test.ID };

    /// <summary>The reference agency's image, labelled for this test, with a start-up timeout that fails a hung test quickly.</summary>
    protected static SutContainerOptions AgencyOptions() => new()
    {
        Image = AgencyImage.Tag,
        // The agency takes the endpoint and the organisation code together; it calls the endpoint only when an action
        // needs the hub, which these tests do not ask for (the image's own test runs the real fake hub).
        EcmsEndpoint = new Uri($"http://127.0.0.1:9/{Sut}/ecms-ws01/service2"),
        OrganizationId = Sut,
        Labels = Labels,
        StartupTimeout = TimeSpan.FromSeconds(30),
    };

    [TearDown]
    public async Task NoContainerLeftBehind()
    {
        var left = await EngineProbe.ContainersAsync(Labels);
        foreach (var container in left)
        {
            await EngineProbe.RemoveAsync(container.Id);
        }

        left.Select(c => $"{c.Id[..12]} ({c.State})").ShouldBeEmpty("containers this test left on the engine");
    }
}
