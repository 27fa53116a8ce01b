using ECms.Conformance.Containers.Engine;

namespace ECms.Conformance.Containers;

public sealed partial class SutContainer
{
    /// <summary>
    /// Removes system-under-test containers whose owner process on this machine no longer runs — what a harness that
    /// was killed (not cancelled) left behind. Containers of live processes, and of other machines, are left alone.
    /// Call it once before a run; eng/… and .ci/run need not know about leftovers then.
    /// </summary>
    /// <returns>The ids removed.</returns>
    /// <exception cref="ContainerConfigurationException">No engine answers (<see cref="ContainerProblem.EngineUnreachable"/>).</exception>
    public static async Task<IReadOnlyList<string>> RemoveOrphansAsync(CancellationToken cancellationToken = default)
    {
        using var engine = await DockerEngine.ConnectAsync(
            DockerEndpoint.FromEnvironment(Environment.GetEnvironmentVariable), ContainerScenarios.DefaultEngineTimeout, cancellationToken).ConfigureAwait(false);
        return await RemoveOrphansAsync(engine, cancellationToken).ConfigureAwait(false);
    }

    internal static async Task<IReadOnlyList<string>> RemoveOrphansAsync(DockerEngine engine, CancellationToken cancellationToken)
    {
        var ours = await engine.ListAsync(new Dictionary<string, string> { [SutContainerLabels.Sut] = "true" }, cancellationToken).ConfigureAwait(false);
        var removed = new List<string>();
        foreach (var container in ours)
        {
            if (container.Labels.TryGetValue(SutContainerLabels.Owner, out var owner) && ProcessIdentity.IsDeadHere(owner))
            {
                await engine.RemoveAsync(container.Id, cancellationToken).ConfigureAwait(false);
                removed.Add(container.Id);
            }
        }

        return removed;
    }
}
