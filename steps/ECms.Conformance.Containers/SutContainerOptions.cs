using Microsoft.Extensions.Logging;

namespace ECms.Conformance.Containers;

/// <summary>
/// How to run a system under test shipped as a container image (the profile's <c>container</c> driver). Immutable;
/// vary it with <c>with</c>. The defaults are the container contract of docs/containers.md, which the reference
/// agency's image follows: listen on 127.0.0.1:$ECMS_AGENCY_PORT, take the e-CMS endpoint from $ECMS_ENDPOINT and the
/// organisation code from $ECMS_ORGANIZATION_ID, answer the control API's health at /ecms-test/v1/health.
/// </summary>
public sealed record SutContainerOptions
{
    /// <summary>The tag eng/build-agency-image.sh gives the reference agency's image.</summary>
    public const string ReferenceAgencyImage = "ecms-reference-agency:dev";

    public const string DefaultPortVariable = "ECMS_AGENCY_PORT";
    public const string DefaultEndpointVariable = "ECMS_ENDPOINT";
    public const string DefaultOrganizationIdVariable = "ECMS_ORGANIZATION_ID";

    /// <summary>A local image, e.g. <c>vendor/saraban:1.4</c>. The harness never pulls: build or <c>docker load</c> it first.</summary>
    public required string Image { get; init; }

    /// <summary>
    /// The control API's port on 127.0.0.1. 0 (the default) = a free port the harness picks; either way it is passed in
    /// <see cref="PortVariable"/>, since with host networking nothing is mapped and the container must bind it itself.
    /// </summary>
    public int ControlPort { get; init; }

    /// <summary>The environment variable that tells the container which port to bind.</summary>
    public string PortVariable { get; init; } = DefaultPortVariable;

    /// <summary>The control API's base path; <see cref="SutContainer.ControlUrl"/> is http://127.0.0.1:{port}{ControlPath}.</summary>
    public string ControlPath { get; init; } = "/ecms-test/v1/";

    /// <summary>Answers 200 once the system is ready; the start-up waits on it (a FROM-scratch image has no shell to probe with).</summary>
    public string HealthPath { get; init; } = "/ecms-test/v1/health";

    /// <summary>The SUT's own endpoint on the fake hub, passed in <see cref="EndpointVariable"/> (and later by the control API's configure).</summary>
    public Uri? EcmsEndpoint { get; init; }

    public string EndpointVariable { get; init; } = DefaultEndpointVariable;

    /// <summary>The SUT's organisation code, passed in <see cref="OrganizationIdVariable"/>.</summary>
    public string? OrganizationId { get; init; }

    public string OrganizationIdVariable { get; init; } = DefaultOrganizationIdVariable;

    /// <summary>More environment variables for the container (the profile's <c>sut.environment</c>). The port, endpoint and organisation variables above win over these.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>More labels for the container, e.g. a run id to find it by; the harness's own labels (<see cref="SutContainer.Labels"/>) always apply.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>How long the container may take from start to a healthy answer. Testcontainers has no default; this one has.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the Docker engine may take to answer the first ping, before anything else is done.</summary>
    public TimeSpan EngineTimeout { get; init; } = ContainerScenarios.DefaultEngineTimeout;

    /// <summary>How many of the container's last log lines a configuration error and a status carry.</summary>
    public int LogTailLines { get; init; } = 30;

    /// <summary>The engine; null = <c>DOCKER_HOST</c>, else the local socket. Only local engines work (host networking).</summary>
    public Uri? DockerEndpoint { get; init; }

    /// <summary>For start-up durations.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Testcontainers' own log (engine calls); null = none.</summary>
    public ILogger? Logger { get; init; }

    /// <summary>The environment the container gets: <see cref="Environment"/>, then the port, endpoint and organisation code.</summary>
    internal IReadOnlyDictionary<string, string> ContainerEnvironment(int port)
    {
        var environment = new Dictionary<string, string>(Environment, StringComparer.Ordinal)
        {
            [PortVariable] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (EcmsEndpoint is not null)
        {
            environment[EndpointVariable] = EcmsEndpoint.AbsoluteUri;
        }

        if (OrganizationId is not null)
        {
            environment[OrganizationIdVariable] = OrganizationId;
        }

        return environment;
    }

    /// <exception cref="ContainerConfigurationException">The first problem found (<see cref="ContainerProblem.InvalidOptions"/>).</exception>
    internal void Validate()
    {
        string? problem = null;
        string? fix = null;
        if (string.IsNullOrWhiteSpace(Image) || Image.Any(char.IsWhiteSpace))
        {
            (problem, fix) = ($"The image name \"{Image}\" is empty or has spaces.", $"give a local image, e.g. \"sut.image\": \"{ReferenceAgencyImage}\".");
        }
        else if (ControlPort is < 0 or > 65535)
        {
            (problem, fix) = ($"The control port {ControlPort} is not a TCP port.", "give 1–65535, or 0 to let the harness pick a free one.");
        }
        else if (!ControlPath.StartsWith('/') || !HealthPath.StartsWith('/'))
        {
            (problem, fix) = ($"The paths \"{ControlPath}\" and \"{HealthPath}\" must start with \"/\".", "write them as absolute paths, e.g. /ecms-test/v1/health.");
        }
        else if (StartupTimeout <= TimeSpan.Zero || EngineTimeout <= TimeSpan.Zero)
        {
            (problem, fix) = ("The start-up and engine timeouts must be positive.", "give e.g. 60 s for start-up and 3 s for the engine.");
        }
        else if (new[] { PortVariable, EndpointVariable, OrganizationIdVariable }.Concat(Environment.Keys).FirstOrDefault(n => string.IsNullOrEmpty(n) || n.Contains('=', StringComparison.Ordinal)) is { } bad)
        {
            (problem, fix) = ($"\"{bad}\" is not an environment variable name.", "use names without \"=\", e.g. ECMS_AGENCY_FAULTS.");
        }
        else if (EcmsEndpoint is { IsAbsoluteUri: false })
        {
            (problem, fix) = ($"The e-CMS endpoint \"{EcmsEndpoint}\" is not an absolute URL.", "pass the fake hub's endpoint of the SUT, e.g. http://127.0.0.1:41234/9900100000/ecms-ws01/service2.");
        }

        if (problem is not null)
        {
            throw new ContainerConfigurationException(ContainerProblem.InvalidOptions, problem, fix!);
        }
    }
}
