namespace ECms.Conformance.Containers.Engine;

/// <summary>
/// Where the Docker engine listens: <c>DOCKER_HOST</c> if set, else the default socket. Only local engines qualify:
/// the containers run with host networking and are reached on 127.0.0.1, which is the engine's machine.
/// </summary>
internal sealed record DockerEndpoint
{
    public const string DefaultSocket = "/var/run/docker.sock";

    private DockerEndpoint(Uri uri, string? socketPath)
    {
        Uri = uri;
        SocketPath = socketPath;
    }

    public Uri Uri { get; }

    /// <summary>The Unix socket's path, or null for a tcp:// engine.</summary>
    public string? SocketPath { get; }

    public static DockerEndpoint FromEnvironment(Func<string, string?> environment) =>
        Parse(environment("DOCKER_HOST") is { Length: > 0 } host ? host : "unix://" + DefaultSocket);

    /// <exception cref="ContainerConfigurationException">The address is not a local engine this harness can use.</exception>
    public static DockerEndpoint Parse(string address)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
        {
            throw Unusable(address, "it is not an address");
        }

        if (uri.Scheme == "unix")
        {
            return new DockerEndpoint(uri, uri.AbsolutePath);
        }

        if (uri.Scheme == "tcp" && uri.IsLoopback)
        {
            return new DockerEndpoint(uri, null);
        }

        throw Unusable(address, uri.Scheme == "tcp"
            ? "the engine is on another machine, and containers with host networking are reached on this machine's 127.0.0.1"
            : $"the scheme {uri.Scheme}:// is not supported (unix:// or tcp://127.0.0.1 are)");
    }

    public override string ToString() => Uri.OriginalString;

    private static ContainerConfigurationException Unusable(string address, string why) => new(
        ContainerProblem.EngineUnreachable,
        $"DOCKER_HOST=\"{address}\" cannot be used: {why}.",
        "unset DOCKER_HOST to use the local engine's socket, or point it at a local one (unix:///var/run/docker.sock).");
}
