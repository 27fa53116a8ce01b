using System.Net;
using System.Net.Sockets;
using ECms.ReferenceAgency.Saraban;
using ECms.ReferenceAgency.ControlApi;
using ECms.ReferenceAgency.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ECms.ReferenceAgency;

/// <summary>
/// The reference agency running on 127.0.0.1: its control API, its registers and (optionally) its polling timer.
/// <c>await using var agency = await ReferenceAgencyHost.StartAsync(options);</c> — the conformance suite's embedded
/// SUT — then drive it through <see cref="ControlUrl"/>. The standalone process (Program.cs) uses the same host.
/// </summary>
public sealed class ReferenceAgencyHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly AgencyStore _store;
    private int _stopped;

    private ReferenceAgencyHost(WebApplication app, AgencyStore store, Uri baseUrl)
    {
        _app = app;
        _store = store;
        BaseUrl = baseUrl;
    }

    /// <summary>http://127.0.0.1:{port}/ — the port is the real one when the options asked for port 0.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The control API base, e.g. http://127.0.0.1:5080/ecms-test/v1/ (sut-control-api.md's {controlUrl}).</summary>
    public Uri ControlUrl => new(BaseUrl, ControlApiEndpoints.BasePath.TrimStart('/') + "/");

    /// <summary>Where the registers live: the data file's full path, or the temporary file.</summary>
    public string DataLocation => _store.Description;

    internal Agency Agency => _app.Services.GetRequiredService<Agency>();

    internal PollingTimer PollingTimer => _app.Services.GetRequiredService<PollingTimer>();

    /// <exception cref="ReferenceAgencyConfigurationException">The options cannot work; the message names the fix.</exception>
    public static Task<ReferenceAgencyHost> StartAsync(ReferenceAgencyOptions options, CancellationToken cancellationToken = default) =>
        StartAsync(options, standalone: false, cancellationToken);

    /// <summary>Waits until the process is asked to stop (Ctrl+C, SIGTERM) — for the standalone process.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _store.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    internal static async Task<ReferenceAgencyHost> StartAsync(ReferenceAgencyOptions options, bool standalone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        RequireFreePort(options.Port);
        var store = OpenStore(options);
        try
        {
            var app = Build(options, store, standalone);
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                // Taken between the check and the bind.
                await app.DisposeAsync().ConfigureAwait(false);
                throw PortTaken(options.Port, ex);
            }

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var port = new Uri(address).Port;
            return new ReferenceAgencyHost(app, store, new Uri($"http://127.0.0.1:{port}/"));
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A taken port is a configuration mistake: found before the host starts, it is reported as one clear message, not
    /// after the host has logged the bind failure with its stack trace.
    /// </summary>
    private static void RequireFreePort(int port)
    {
        if (port == 0)
        {
            return;
        }

        try
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
        }
        catch (SocketException ex)
        {
            throw PortTaken(port, ex);
        }
    }

    private static ReferenceAgencyConfigurationException PortTaken(int port, Exception ex) => new(
        $"Cannot listen on 127.0.0.1:{port}: {ex.Message} Fix: choose a free port (--port / ECMS_AGENCY_PORT), or 0 for any.", ex);

    private static AgencyStore OpenStore(ReferenceAgencyOptions options)
    {
        try
        {
            return AgencyStore.Open(options.DataPath, options.TimeProvider);
        }
        catch (SqliteException ex)
        {
            throw new ReferenceAgencyConfigurationException(
                $"The data file \"{options.DataPath}\" cannot be used as the agency's database: {ex.Message} "
                + "Fix: give a new file name, or the file an earlier reference agency created (--data / ECMS_AGENCY_DATA).", ex);
        }
    }

    private static WebApplication Build(ReferenceAgencyOptions options, AgencyStore store, bool standalone)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(ReferenceAgencyHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        builder.Logging.ClearProviders();
        options.Logging?.Invoke(builder.Logging);
        if (!standalone)
        {
            // Embedded in a test run: Ctrl+C belongs to the test runner, not to this agency.
            builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(options.TimeProvider);
        builder.Services.AddSingleton(_ => new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            UseProxy = false,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        });
        builder.Services.AddSingleton<Agency>();
        builder.Services.AddSingleton<PollingTimer>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PollingTimer>());

        var app = builder.Build();
        ControlApiEndpoints.Map(app, app.Services.GetRequiredService<Agency>());
        return app;
    }

    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
