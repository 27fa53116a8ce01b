using System.Net;
using System.Net.Sockets;
using ECms.ReferenceAgency.Tests.Support;
using Microsoft.Extensions.Logging;

namespace ECms.ReferenceAgency.Tests.Integration;

/// <summary>How the standalone agency starts when its configuration is wrong: one clear message, nothing else.</summary>
public class StartupTests
{
    [Test]
    public async Task Start_PortTaken_ConfigurationErrorNamingTheFixAndNoLoggedStackTrace()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var log = new RecordingLoggerProvider();
        var options = new ReferenceAgencyOptions { Port = port, Logging = logging => logging.AddProvider(log) };

        var error = await Should.ThrowAsync<ReferenceAgencyConfigurationException>(
            () => ReferenceAgencyHost.StartAsync(options, standalone: true, CancellationToken.None));

        error.Message.ShouldContain($"127.0.0.1:{port}");
        error.Message.ShouldContain("Fix: choose a free port");
        log.Lines.Where(l => l.Level >= LogLevel.Error || l.Exception is not null).ShouldBeEmpty();
    }

    [Test]
    public async Task Start_PortFreedAfterAFailedStart_StartsOnIt()
    {
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        await Should.ThrowAsync<ReferenceAgencyConfigurationException>(() => ReferenceAgencyHost.StartAsync(new ReferenceAgencyOptions { Port = port }));
        taken.Dispose();

        await using var agency = await ReferenceAgencyHost.StartAsync(new ReferenceAgencyOptions { Port = port });

        agency.ControlUrl.Port.ShouldBe(port);
    }
}
