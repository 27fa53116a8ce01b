using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace ECms.Conformance.Containers.Engine;

/// <summary>
/// The few Docker Engine API calls the harness makes itself, over the engine's local socket: a ping with a short
/// timeout before anything else (Testcontainers probes once per process and caches a failure), the image check that
/// keeps the harness from ever pulling, and the inspect, kill, list and remove calls behind status checks and clean-up.
/// Unversioned paths: the engine answers them in its own API version, whichever that is.
/// </summary>
internal sealed class DockerEngine : IDisposable
{
    private readonly HttpClient _http;

    private DockerEngine(DockerEndpoint endpoint, HttpClient http, string version, string apiVersion)
    {
        Endpoint = endpoint;
        _http = http;
        Version = version;
        ApiVersion = apiVersion;
    }

    public DockerEndpoint Endpoint { get; }

    /// <summary>The engine's version, e.g. 20.10.24+dfsg1.</summary>
    public string Version { get; }

    /// <summary>The newest Engine API version the engine speaks, e.g. 1.41.</summary>
    public string ApiVersion { get; }

    /// <summary>Pings the engine and reads its version, within <paramref name="timeout"/>.</summary>
    /// <exception cref="ContainerConfigurationException">No engine answers in time (<see cref="ContainerProblem.EngineUnreachable"/>).</exception>
    public static async Task<DockerEngine> ConnectAsync(DockerEndpoint endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var http = CreateClient(endpoint);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                using var ping = await http.GetAsync(new Uri("/_ping", UriKind.Relative), deadline.Token).ConfigureAwait(false);
                ping.EnsureSuccessStatusCode();
                using var version = await GetJsonAsync(http, "/version", deadline.Token).ConfigureAwait(false);
                var root = version.RootElement;
                return new DockerEngine(endpoint, http, Text(root, "Version") ?? "?", Text(root, "ApiVersion") ?? "?");
            }
            catch (Exception ex) when (ex is HttpRequestException or SocketException or IOException or JsonException
                || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                var why = ex is OperationCanceledException ? $"no answer within {timeout.TotalSeconds:0.#} s"
                    : endpoint.SocketPath is { } socket && !File.Exists(socket) ? $"there is no socket {socket}"
                    : (ex.InnerException ?? ex).Message;
                throw Unreachable(endpoint, why, ex);
            }
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The Engine API version Testcontainers 4.16's Docker client asks for unless DOCKER_API_VERSION says otherwise.
    /// An older engine (Debian 12's 20.10 speaks 1.41) refuses every such request: "client version 1.44 is too new".
    /// </summary>
    public static readonly System.Version ClientDefaultApiVersion = new(1, 44);

    /// <summary>Why Testcontainers' client would be refused by this engine, or null when it will be understood.</summary>
    public ContainerConfigurationException? ApiVersionProblem(Func<string, string?> environment)
    {
        if (!System.Version.TryParse(ApiVersion, out var engine))
        {
            return null;
        }

        var requested = environment("DOCKER_API_VERSION");
        var client = requested is { Length: > 0 } && System.Version.TryParse(requested, out var asked) ? asked : ClientDefaultApiVersion;
        if (client <= engine)
        {
            return null;
        }

        var what = requested is { Length: > 0 }
            ? $"DOCKER_API_VERSION={requested} is newer than the Docker engine at {Endpoint} speaks (API {ApiVersion}, engine {Version})."
            : $"The Docker engine at {Endpoint} speaks API {ApiVersion} at most (engine {Version}), and without DOCKER_API_VERSION "
              + $"Testcontainers asks for {ClientDefaultApiVersion}, which the engine refuses.";
        return new ContainerConfigurationException(
            ContainerProblem.EngineUnreachable,
            what,
            $"export DOCKER_API_VERSION={ApiVersion} (what `eval \"$(bash eng/docker.sh start)\"` does, with TESTCONTAINERS_RYUK_DISABLED=true).");
    }

    public static ContainerConfigurationException Unreachable(DockerEndpoint endpoint, string why, Exception? innerException = null) => new(
        ContainerProblem.EngineUnreachable,
        $"No Docker engine is reachable at {endpoint} ({why}); the container scenarios need one.",
        "start one with `eval \"$(bash eng/docker.sh start)\"` (installs Debian's docker.io if missing, starts dockerd without a "
        + "bridge network, exports DOCKER_API_VERSION, TESTCONTAINERS_RYUK_DISABLED=true, TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1), "
        + "or by hand: `apt-get install -y docker.io && dockerd --bridge=none --iptables=false --ip-masq=false &`. "
        + $"To run without them, set {ContainerScenarios.ExcludeVariable}=1: they are then skipped, not failed.",
        innerException: innerException);

    public async Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri($"/images/{Uri.EscapeDataString(image)}/json", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        response.EnsureSuccessStatusCode();
        return true;
    }

    /// <summary>The container's state, or null when the engine no longer has it.</summary>
    public async Task<ContainerState?> InspectAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri($"/containers/{Uri.EscapeDataString(id)}/json", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        var state = json.RootElement.GetProperty("State");
        return new ContainerState(
            Text(state, "Status") ?? "unknown",
            state.TryGetProperty("Running", out var running) && running.GetBoolean(),
            state.TryGetProperty("ExitCode", out var exitCode) ? exitCode.GetInt64() : null,
            state.TryGetProperty("OOMKilled", out var oom) && oom.GetBoolean(),
            Text(state, "Error") is { Length: > 0 } error ? error : null);
    }

    /// <summary>Every container (running or not) carrying all these labels.</summary>
    public async Task<IReadOnlyList<ContainerSummary>> ListAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        var filters = JsonSerializer.Serialize(new Dictionary<string, string[]>
        {
            ["label"] = labels.Select(l => $"{l.Key}={l.Value}").ToArray(),
        });
        using var json = await GetJsonAsync(_http, "/containers/json?all=1&filters=" + Uri.EscapeDataString(filters), cancellationToken).ConfigureAwait(false);
        return json.RootElement.EnumerateArray().Select(c => new ContainerSummary(
            c.GetProperty("Id").GetString()!,
            Text(c, "State") ?? "unknown",
            c.TryGetProperty("Labels", out var l) && l.ValueKind == JsonValueKind.Object
                ? l.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "")
                : new Dictionary<string, string>())).ToArray();
    }

    public async Task KillAsync(string id, string signal, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsync(
            new Uri($"/containers/{Uri.EscapeDataString(id)}/kill?signal={Uri.EscapeDataString(signal)}", UriKind.Relative), null, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Completes when the container stops, with its exit code. No timeout: a SUT may rightly run for hours.</summary>
    public async Task<long> WaitAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsync(new Uri($"/containers/{Uri.EscapeDataString(id)}/wait", UriKind.Relative), null, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        return json.RootElement.GetProperty("StatusCode").GetInt64();
    }

    /// <summary>Removes the container, running or not; one that is already gone is fine.</summary>
    public async Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync(new Uri($"/containers/{Uri.EscapeDataString(id)}?force=1&v=1", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            response.EnsureSuccessStatusCode();
        }
    }

    public void Dispose() => _http.Dispose();

    private static HttpClient CreateClient(DockerEndpoint endpoint)
    {
        var handler = new SocketsHttpHandler { UseProxy = false, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) };
        if (endpoint.SocketPath is { } path)
        {
            handler.ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        // The host name is irrelevant over a Unix socket; for tcp:// it is the (loopback) engine itself.
        var baseAddress = endpoint.SocketPath is null
            ? new Uri(string.Create(CultureInfo.InvariantCulture, $"http://{endpoint.Uri.Host}:{endpoint.Uri.Port}/"))
            : new Uri("http://docker-engine/");
        return new HttpClient(handler) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
