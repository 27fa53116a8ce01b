using ECms.Conformance.Steps.Drivers.Sut;
using ECms.Conformance.Steps.Profiles;
using ECms.Protocol;
using ECms.Simulators.Hub;

namespace ECms.Conformance.Steps.Session;

/// <summary>Pre-flight: the hub is up, the SUT answers, knows its endpoint and organisation, and talks to the hub.</summary>
public sealed partial class ConformanceSession
{
    private async Task PreFlightAsync(CancellationToken cancellationToken)
    {
        RegisterAgencies(Hub);
        var (peer, secondPeer) = CreatePeers(Hub);
        UsePeers(peer, secondPeer);
        Sut = await CreateSutDriverAsync(cancellationToken).ConfigureAwait(false);

        try
        {
            Health = await Sut.HealthAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SutUnreachableException ex)
        {
            throw new ConfigurationErrorException($"The system under test does not answer: {ex.Message}",
                Profile.Driver == SutDriverKind.ControlApi
                    ? $"start the SUT with its control API at {Profile.ControlUrl}, or correct sut.controlUrl in the profile"
                    : "check that the SUT can start (see the inner error)", ex);
        }

        await ConnectAsync(Hub, cancellationToken).ConfigureAwait(false);
        if (Health?.OrganizationId is { } reported && reported != Profile.OrganizationId)
        {
            var after = await Sut.HealthAsync(cancellationToken).ConfigureAwait(false);
            if (after.OrganizationId is { } now && now != Profile.OrganizationId)
            {
                throw new ConfigurationErrorException($"The SUT says it is organisation {now}, but the profile certifies {Profile.OrganizationId}.",
                    "set sut.organizationId to the SUT's code, or configure the SUT with the profile's code");
            }
        }
    }

    /// <summary>Points the SUT at <paramref name="hub"/>, has it read the directory, and empties its queue.</summary>
    internal async Task ConnectAsync(FakeHub hub, CancellationToken cancellationToken)
    {
        var endpoint = hub.EndpointOf(Profile.OrganizationId);
        var configured = await Call(() => Sut.ConfigureAsync(endpoint, Profile.OrganizationId, cancellationToken)).ConfigureAwait(false);
        if (configured.Outcome is not (SutOutcome.Done or SutOutcome.NotSupported))
        {
            throw new ConfigurationErrorException($"The SUT refused to be configured for {endpoint}: {configured}.",
                "make the SUT accept actions/configure (sut-control-api.md), or configure it statically with this endpoint and organisation");
        }

        var mark = hub.Journal.LastSequence;
        var refreshed = await Call(() => Sut.RefreshDirectoryAsync(cancellationToken)).ConfigureAwait(false);
        if (refreshed.Outcome is not (SutOutcome.Done or SutOutcome.NotSupported or SutOutcome.HubError))
        {
            throw new ConfigurationErrorException($"The SUT could not refresh its directory from {endpoint}: {refreshed}.",
                "check that the SUT's e-CMS URL is the endpoint above and that it can reach 127.0.0.1");
        }

        // Any request at its endpoint proves the connection; whether the hub accepted it is for the checklist to judge.
        var first = await WaitForSutRequestAsync(_ => true, mark, Profile.SutTimeout, cancellationToken).ConfigureAwait(false);
        if (first is null)
        {
            var elsewhere = hub.Journal.Where(e => e.Sequence > mark).Select(e => e.Path).Distinct().ToArray();
            throw new ConfigurationErrorException(
                $"The SUT did not request the organisation list at its endpoint {endpoint} within {Profile.SutTimeout.TotalSeconds:0} s"
                + (elsewhere.Length > 0 ? $"; the hub saw requests at {string.Join(", ", elsewhere)}." : "; the hub saw no request at all."),
                $"configure the SUT's e-CMS URL as {endpoint} and its organisation code as {Profile.OrganizationId}");
        }

        var drained = await Call(() => Sut.PollAsync(cancellationToken)).ConfigureAwait(false);
        if (drained.Outcome is not (SutOutcome.Done or SutOutcome.NotSupported or SutOutcome.HubError))
        {
            throw new ConfigurationErrorException($"The SUT's first polling cycle failed: {drained}.", "check the SUT's connection to the hub");
        }
    }

    private async Task<ISutDriver> CreateSutDriverAsync(CancellationToken cancellationToken)
    {
        var requestTimeout = Profile.StepTimeout * 3;
        switch (Profile.Driver)
        {
            case SutDriverKind.Embedded:
                try
                {
                    return await EmbeddedSutDriver.StartAsync(Profile.Faults, Clock, hubTimeout: TimeSpan.FromSeconds(5), requestTimeout, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is ECms.ReferenceAgency.ReferenceAgencyConfigurationException or IOException)
                {
                    throw new ConfigurationErrorException($"The embedded reference agency cannot start: {ex.Message}", "see the message; the embedded agency needs only a free loopback port", ex);
                }

            case SutDriverKind.Container:
                try
                {
                    return await ContainerSutDriver.StartAsync(
                        Profile.Image!, Hub.EndpointOf(Profile.OrganizationId), Profile.OrganizationId, Profile.Environment,
                        Profile.StartupTimeout, requestTimeout, cancellationToken).ConfigureAwait(false);
                }
                catch (ECms.Conformance.Containers.ContainerConfigurationException ex)
                {
                    throw new ConfigurationErrorException($"The SUT's container cannot be used: {ex.Message}", "see the message; it names what to fix", ex);
                }

            case SutDriverKind.ControlApi:
                return new ControlApiSutDriver(Profile.ControlUrl!, requestTimeout)
                {
                    ManualFallback = Options.Operator is { } console ? Manual(console) : null,
                };

            default:
                return Manual(Options.Operator ?? throw new ConfigurationErrorException("The profile asks for manual mode, but no operator console is attached.",
                    "run the CLI in a terminal, or give RunRequest.Operator"));
        }
    }

    private ManualSutDriver Manual(Drivers.Operators.IOperatorConsole console) =>
        new(console, this, Profile.ManualStepTimeout, Path.Combine(Options.WorkDirectory, "operator-files"));

    private static async Task<SutActionResult> Call(Func<Task<SutActionResult>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (SutUnreachableException ex)
        {
            throw new ConfigurationErrorException($"The system under test stopped answering during pre-flight: {ex.Message}", "check that the SUT is running and its control API reachable", ex);
        }
    }
}
