using ECms.Conformance.Containers.Engine;

namespace ECms.Conformance.Containers.Tests.Support;

/// <summary>The tests' own line to the Docker engine, to check what is (not) left on it.</summary>
internal static class EngineProbe
{
    public static async Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken = default)
    {
        using var engine = await ConnectAsync(cancellationToken);
        return await engine.ImageExistsAsync(image, cancellationToken);
    }

    /// <summary>Every container carrying these labels, running or not.</summary>
    public static async Task<IReadOnlyList<ContainerSummary>> ContainersAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken = default)
    {
        using var engine = await ConnectAsync(cancellationToken);
        return await engine.ListAsync(labels, cancellationToken);
    }

    public static async Task<ContainerState?> InspectAsync(string id, CancellationToken cancellationToken = default)
    {
        using var engine = await ConnectAsync(cancellationToken);
        return await engine.InspectAsync(id, cancellationToken);
    }

    public static async Task RemoveAsync(string id, CancellationToken cancellationToken = default)
    {
        using var engine = await ConnectAsync(cancellationToken);
        await engine.RemoveAsync(id, cancellationToken);
    }

    public static Task<DockerEngine> ConnectAsync(CancellationToken cancellationToken = default) =>
        DockerEngine.ConnectAsync(DockerEndpoint.FromEnvironment(Environment.GetEnvironmentVariable), TimeSpan.FromSeconds(3), cancellationToken);
}
