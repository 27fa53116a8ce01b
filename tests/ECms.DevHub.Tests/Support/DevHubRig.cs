using System.Net.Http.Headers;
using ECms.Simulators.Client;
using ECms.Simulators.DevHub;
using ECms.Simulators.Peer;
using Microsoft.Extensions.Time.Testing;

namespace ECms.DevHub.Tests.Support;

/// <summary>
/// A dev hub on 127.0.0.1 and a free port, on a SQLite file in a fresh folder, with agencies A and B from an agencies
/// file, a fake hub clock at 11 June 2024 09:30 Thai time, a known admin token, peers for A and B, and an HTTP client.
/// </summary>
public sealed class DevHubRig : IAsyncDisposable
{
    public const string A = "9900100000";
    public const string B = "9900200000";
    public const string Token = "test-token-0123456789abcdef";
    public static readonly DateTimeOffset Start = new(2024, 6, 11, 2, 30, 0, TimeSpan.Zero);

    private DevHubRig(string folder, DevHubOptions options, DevHubServer server, FakeTimeProvider clock)
    {
        Folder = folder;
        Options = options;
        Server = server;
        Clock = clock;
        PeerA = Peer(A);
        PeerB = Peer(B);
        Http = new HttpClient { BaseAddress = server.BaseUrl };
    }

    public string Folder { get; }

    /// <summary>The options the rig's server was started with (data file, agencies, token, fake clock).</summary>
    public DevHubOptions Options { get; }
    public DevHubServer Server { get; }
    public FakeTimeProvider Clock { get; }
    public FakePeerAgency PeerA { get; }
    public FakePeerAgency PeerB { get; }
    public HttpClient Http { get; }

    public static DevHubRig Create(Func<DevHubOptions, DevHubOptions>? configure = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ecms-devhub-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var agencies = Path.Combine(folder, "agencies.json");
        File.WriteAllText(agencies,
            $$"""
            [
              { "organizationId": "{{A}}", "thaiName": "กรมทดสอบเอ", "englishName": "Test Department A" },
              { "organizationId": "{{B}}", "thaiName": "กรมทดสอบบี", "englishName": "Test Department B" }
            ]
            """);
        var clock = new FakeTimeProvider(Start);
        var options = new DevHubOptions
        {
            Port = 0,
            DataFile = Path.Combine(folder, "hub.db"),
            AgenciesFile = agencies,
            AdminToken = new AdminToken(Token),
            TimeProvider = clock,
        };
        options = configure?.Invoke(options) ?? options;
        return new DevHubRig(folder, options, DevHubServer.Start(options), clock);
    }

    /// <summary>Another dev hub on the rig's data file, as the next start of the same command (stop the rig's server first).</summary>
    public DevHubServer StartAgain(Func<DevHubOptions, DevHubOptions>? configure = null) =>
        DevHubServer.Start(configure?.Invoke(Options) ?? Options);

    public static HttpRequestMessage Admin(HttpMethod method, string path, string? json = null, string? token = Token)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await PeerA.DisposeAsync();
        await PeerB.DisposeAsync();
        await Server.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }

    private FakePeerAgency Peer(string organizationId) => FakePeerAgency.For(Server.Hub, organizationId, new FakePeerOptions
    {
        TimeProvider = Clock,
        Client = new EcmsHubClientOptions { TimeProvider = TimeProvider.System, Timeout = TimeSpan.FromSeconds(20) },
    });
}
