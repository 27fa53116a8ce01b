using System.Globalization;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using ECms.Conformance.Containers.Engine;
using Microsoft.Extensions.Logging.Abstractions;

namespace ECms.Conformance.Containers;

/// <summary>
/// A system under test running in a container on the local Docker engine, with host networking, reached on
/// 127.0.0.1 only:
/// <code>
/// await using var sut = await SutContainer.StartAsync(new SutContainerOptions { Image = "vendor/saraban:1.4", EcmsEndpoint = endpoint, OrganizationId = "9900100000" }, ct);
/// // drive sut.ControlUrl; ask sut.GetStatusAsync() when it stops answering; sut.Exited completes if it stops
/// </code>
/// Start-up fails fast and clearly (<see cref="ContainerConfigurationException"/>); dispose collects the logs
/// (<see cref="GetLogsAsync"/> keeps answering afterwards) and removes the container, whatever happened before.
/// </summary>
public sealed partial class SutContainer : IAsyncDisposable
{
    private static readonly TimeSpan HealthRequestTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan HealthInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LogCollectionTimeout = TimeSpan.FromSeconds(10);

    // Loopback only, never through a proxy a CI machine may have configured.
    private static readonly HttpClient HealthClient = new(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) });

    private readonly IContainer _container;
    private readonly DockerEngine _engine;
    private readonly SutContainerOptions _options;
    private readonly CancellationTokenSource _watch = new();
    private SutContainerLogs? _finalLogs;
    private int _disposed;

    private SutContainer(IContainer container, DockerEngine engine, SutContainerOptions options, string name, int port, TimeSpan startupDuration)
    {
        _container = container;
        _engine = engine;
        _options = options;
        Name = name;
        Port = port;
        BaseUrl = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        ControlUrl = new Uri(BaseUrl, options.ControlPath);
        HealthUrl = new Uri(BaseUrl, options.HealthPath);
        StartupDuration = startupDuration;
        Id = container.Id;
        Engine = ContainerScenarios.Describe(engine);
        Exited = engine.WaitAsync(Id, _watch.Token);
    }

    public string Id { get; }

    /// <summary>ecms-sut-… — the name <c>docker ps</c> shows.</summary>
    public string Name { get; }

    public string Image => _options.Image;

    /// <summary>The engine it runs on, e.g. "Docker 20.10.24 (API 1.41) at unix:///var/run/docker.sock", for the report.</summary>
    public string Engine { get; }

    /// <summary>The port the container was told to bind on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri BaseUrl { get; }

    /// <summary>The control API base, e.g. http://127.0.0.1:{port}/ecms-test/v1/ (sut-control-api.md's {controlUrl}).</summary>
    public Uri ControlUrl { get; }

    public Uri HealthUrl { get; }

    /// <summary>From the start request to the first healthy answer.</summary>
    public TimeSpan StartupDuration { get; }

    /// <summary>
    /// Completes when the container stops, with its exit code — race it against a step's wait to stop waiting on a SUT
    /// that is gone. Cancelled when this is disposed.
    /// </summary>
    public Task<long> Exited { get; }

    /// <summary>Starts the image, waits until its health URL answers 200, and hands back the running container.</summary>
    /// <exception cref="ContainerConfigurationException">
    /// The options are wrong, no engine answers, the image is not local, or the container exited or stayed unhealthy
    /// during start-up (then with its exit code and last log lines). Nothing is left behind on the engine.
    /// </exception>
    /// <exception cref="OperationCanceledException">Cancelled; the container was removed before this was thrown.</exception>
    public static async Task<SutContainer> StartAsync(SutContainerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var endpoint = options.DockerEndpoint is { } address
            ? DockerEndpoint.Parse(address.OriginalString)
            : DockerEndpoint.FromEnvironment(Environment.GetEnvironmentVariable);
        var engine = await DockerEngine.ConnectAsync(endpoint, options.EngineTimeout, cancellationToken).ConfigureAwait(false);
        try
        {
            if (engine.ApiVersionProblem(Environment.GetEnvironmentVariable) is { } apiVersionProblem)
            {
                throw apiVersionProblem;
            }

            if (!await engine.ImageExistsAsync(options.Image, cancellationToken).ConfigureAwait(false))
            {
                throw ImageMissing(options.Image, engine);
            }

            var port = options.ControlPort == 0 ? FreePort.Pick() : options.ControlPort;
            var name = "ecms-sut-" + Guid.NewGuid().ToString("N")[..12];
            var health = new HealthEndpointWait(
                new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}{options.HealthPath}")), HealthClient, HealthRequestTimeout);
            var container = Build(options, endpoint, name, port, health);
            var started = options.TimeProvider.GetTimestamp();
            try
            {
                await container.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Cancelled: Testcontainers reports that as a TimeoutException of its wait; it is neither a timeout nor a
                // configuration error, so only the clean-up happens, then the cancellation surfaces.
                var failure = cancellationToken.IsCancellationRequested
                    ? null
                    : await DescribeStartFailureAsync(ex, container, engine, options, name, health).ConfigureAwait(false);
                await RemoveAsync(container, engine).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                if (failure is null)
                {
                    throw;
                }

                throw failure;
            }

            return new SutContainer(container, engine, options, name, port, options.TimeProvider.GetElapsedTime(started));
        }
        catch
        {
            engine.Dispose();
            throw;
        }
    }

    /// <summary>Collects the logs (kept for <see cref="GetLogsAsync"/>) and removes the container. Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            _finalLogs = await CollectLogsAsync(_container).ConfigureAwait(false);
            await _watch.CancelAsync().ConfigureAwait(false);
            await RemoveAsync(_container, _engine).ConfigureAwait(false);
        }
        finally
        {
            _engine.Dispose();
            _watch.Dispose();
        }
    }

    private static IContainer Build(SutContainerOptions options, DockerEndpoint endpoint, string name, int port, HealthEndpointWait health)
    {
        // Ryuk (Testcontainers' reaper) is itself an image to pull, and it needs a bridge network: neither exists here.
        // This class removes what it starts; RemoveOrphansAsync covers a harness that was killed before it could.
        TestcontainersSettings.ResourceReaperEnabled = false;
        var labels = new Dictionary<string, string>(options.Labels)
        {
            [SutContainerLabels.Sut] = "true",
            [SutContainerLabels.Owner] = SutContainerLabels.CurrentOwner,
        };
        return new ContainerBuilder(options.Image)
            .WithDockerEndpoint(endpoint.Uri)
            .WithName(name)
            .WithLabel(labels)
            .WithEnvironment(options.ContainerEnvironment(port))
            // The harness never pulls: the image was checked to be local, and no registry is reachable anyway.
            .WithImagePullPolicy(_ => false)
            // Host networking: the container shares the host's loopback, so all traffic stays on 127.0.0.1.
            .WithCreateParameterModifier(parameters => (parameters.HostConfig ??= new()).NetworkMode = "host")
            .WithLogger(options.Logger ?? NullLogger.Instance)
            .WithWaitStrategy(Wait.ForUnixContainer().AddCustomWaitStrategy(
                health, wait => wait.WithTimeout(options.StartupTimeout).WithInterval(HealthInterval)))
            .Build();
    }

    /// <summary>The configuration error a failed start means, or null when it is not one (an engine fault).</summary>
    private static async Task<ContainerConfigurationException?> DescribeStartFailureAsync(
        Exception exception, IContainer container, DockerEngine engine, SutContainerOptions options, string name, HealthEndpointWait health)
    {
        var id = SafeId(container);
        var state = id is null ? null : await TryAsync(() => engine.InspectAsync(id, CancellationToken.None)).ConfigureAwait(false);
        var logs = await CollectLogsAsync(container).ConfigureAwait(false);
        var tail = logs.Tail(options.LogTailLines);
        if (exception is ContainerNotRunningException || state is { Running: false, ExitCode: not null })
        {
            var exitCode = state?.ExitCode;
            return new ContainerConfigurationException(
                ContainerProblem.ExitedDuringStartup,
                $"The container {name} of {options.Image} exited{(exitCode is null ? "" : $" with code {exitCode}")} before {health.Url} answered.",
                "read its last log lines below: the system under test says there why it stopped (the reference agency exits with 2 and "
                + "names the setting to change). Check the environment the profile gives it (sut.environment) and the image's entry point.",
                exitCode, tail, exception);
        }

        if (exception is TimeoutException)
        {
            return new ContainerConfigurationException(
                ContainerProblem.NeverHealthy,
                $"The container {name} of {options.Image} kept running, but {health.Url} did not answer 200 within "
                + $"{options.StartupTimeout.TotalSeconds:0.#} s (last answer: {health.LastAnswer}).",
                $"check the profile's health path (\"{options.HealthPath}\") and that the image listens on 127.0.0.1 at the port given in "
                + $"{options.PortVariable}; if it is only slow, give it a longer start-up timeout.",
                null, tail, exception);
        }

        return null;
    }

    private static ContainerConfigurationException ImageMissing(string image, DockerEngine engine) => new(
        ContainerProblem.ImageMissing,
        $"The image {image} is not on the Docker engine ({ContainerScenarios.Describe(engine)}); the harness never pulls images.",
        image == SutContainerOptions.ReferenceAgencyImage
            ? "build it: `bash eng/build-agency-image.sh`."
            : $"build or load it on this engine first (`docker build -t {image} …` or `docker load -i image.tar`), "
              + $"or, for the reference agency, `bash eng/build-agency-image.sh` and use {SutContainerOptions.ReferenceAgencyImage}.");

    private static async Task<SutContainerLogs> CollectLogsAsync(IContainer container)
    {
        if (SafeId(container) is null)
        {
            return SutContainerLogs.Unavailable("the container was never created");
        }

        using var deadline = new CancellationTokenSource(LogCollectionTimeout);
        try
        {
            var (stdout, stderr) = await container.GetLogsAsync(timestampsEnabled: true, ct: deadline.Token).ConfigureAwait(false);
            return SutContainerLogs.FromTimestamped(stdout, stderr);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return SutContainerLogs.Unavailable(ex.Message);
        }
    }

    /// <summary>Removes the container through Testcontainers, and directly should that fail, so nothing stays behind.</summary>
    private static async Task RemoveAsync(IContainer container, DockerEngine engine)
    {
        var id = SafeId(container);
        try
        {
            await container.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception) when (id is not null)
        {
            await engine.RemoveAsync(id, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static string? SafeId(IContainer container)
    {
        try
        {
            return string.IsNullOrEmpty(container.Id) ? null : container.Id;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static async Task<T?> TryAsync<T>(Func<Task<T?>> action)
        where T : class
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            return null;
        }
    }
}
