using ECms.Conformance.Containers;

namespace ECms.Conformance.Steps.Drivers.Sut;

/// <summary>
/// A vendor's SUT shipped as a container image: started with host networking on 127.0.0.1, waited for until healthy,
/// driven through its control API like any other SUT, and always removed afterwards. Its logs are kept for the
/// evidence (<see cref="Logs"/>).
/// </summary>
public sealed class ContainerSutDriver : HostedSutDriver
{
    private readonly SutContainer _container;

    private ContainerSutDriver(SutContainer container, TimeSpan requestTimeout)
        : base(container.ControlUrl, requestTimeout, kind: "container")
    {
        _container = container;
    }

    /// <summary>The container's log lines, collected when it was removed (empty before).</summary>
    public string Logs { get; private set; } = "";

    public string Image => _container.Image;

    /// <summary>
    /// Starts the image. The e-CMS endpoint and organisation go in through the environment as well as through the
    /// control API's configure action, so a SUT that cannot be configured at run time still reaches the hub.
    /// </summary>
    public static async Task<ContainerSutDriver> StartAsync(
        string image, Uri ecmsEndpoint, string organizationId, IReadOnlyDictionary<string, string> environment,
        TimeSpan startupTimeout, TimeSpan requestTimeout, CancellationToken cancellationToken)
    {
        var container = await SutContainer.StartAsync(
            new SutContainerOptions
            {
                Image = image,
                EcmsEndpoint = ecmsEndpoint,
                OrganizationId = organizationId,
                Environment = environment,
                StartupTimeout = startupTimeout,
            },
            cancellationToken).ConfigureAwait(false);
        return new ContainerSutDriver(container, requestTimeout);
    }

    public override Task KillAsync() => _container.KillAsync();

    protected override async ValueTask DisposeHostAsync()
    {
        await _container.DisposeAsync().ConfigureAwait(false);
        Logs = (await _container.GetLogsAsync().ConfigureAwait(false)).Text;
    }
}
