using ECms.Conformance.Containers.Engine;

namespace ECms.Conformance.Containers;

/// <summary>
/// The one decision made before any container scenario or test starts: run them, skip them, or fail fast. Without a
/// reachable engine they fail with how to start one — unless the run was explicitly asked to exclude them
/// (<c>ECMS_SKIP_CONTAINERS=1</c>, or the profile's flag), in which case they are skipped with that same message.
/// </summary>
public static class ContainerScenarios
{
    /// <summary>Set to 1 (or true, yes) to exclude the container scenarios and tests: they are reported skipped.</summary>
    public const string ExcludeVariable = "ECMS_SKIP_CONTAINERS";

    /// <summary>The NUnit category and Gherkin tag (<c>@container</c>) of everything that needs a Docker engine.</summary>
    public const string Category = "container";

    public static readonly TimeSpan DefaultEngineTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Whether <see cref="ExcludeVariable"/> asks to exclude them.</summary>
    public static bool ExcludedByEnvironment(Func<string, string?>? environment = null) =>
        (environment ?? System.Environment.GetEnvironmentVariable)(ExcludeVariable)?.Trim().ToUpperInvariant() is "1" or "TRUE" or "YES";

    /// <summary>Asks the engine (DOCKER_HOST or the local socket) with <see cref="DefaultEngineTimeout"/>.</summary>
    /// <param name="exclude">The run asked to exclude container scenarios (<see cref="ExcludedByEnvironment"/> or a profile flag).</param>
    /// <exception cref="ContainerConfigurationException">No engine is reachable and they were not excluded; the message says how to start one.</exception>
    public static Task<ContainerAvailability> CheckAsync(bool exclude, CancellationToken cancellationToken = default) =>
        CheckAsync(exclude, System.Environment.GetEnvironmentVariable, DefaultEngineTimeout, cancellationToken);

    /// <inheritdoc cref="CheckAsync(bool, CancellationToken)"/>
    /// <param name="environment">Where DOCKER_HOST is read from.</param>
    /// <param name="timeout">How long the engine may take to answer.</param>
    public static async Task<ContainerAvailability> CheckAsync(
        bool exclude, Func<string, string?> environment, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? engine = null;
        ContainerConfigurationException? problem = null;
        try
        {
            using var found = await DockerEngine.ConnectAsync(DockerEndpoint.FromEnvironment(environment), timeout, cancellationToken).ConfigureAwait(false);
            engine = Describe(found);
            problem = found.ApiVersionProblem(environment);
        }
        catch (ContainerConfigurationException ex) when (ex.Problem == ContainerProblem.EngineUnreachable)
        {
            problem = ex;
        }

        if (!exclude)
        {
            return problem is null ? new ContainerAvailability(true, null, engine) : throw problem;
        }

        var reason = problem is null
            ? $"Container scenarios excluded ({ExcludeVariable}=1 or the profile), although {engine} is usable; unset it to run them."
            : $"Container scenarios excluded ({ExcludeVariable}=1 or the profile). {problem.Message}";
        return new ContainerAvailability(false, reason, engine);
    }

    internal static string Describe(DockerEngine engine) => $"Docker {engine.Version} (API {engine.ApiVersion}) at {engine.Endpoint}";
}
