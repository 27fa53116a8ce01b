using ECms.Simulators.Client;
using ECms.Simulators.Hub;
using ECms.Simulators.Peer;
using Microsoft.Extensions.Time.Testing;

namespace ECms.Simulators.Tests.Support;

/// <summary>
/// Hubs started one after another on the same SQLite file in a fresh folder, with the rig's agencies and a shared fake
/// clock — for tests that stop a hub and start the next one. Deletes the folder at the end.
/// </summary>
public sealed class PersistentHubs : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];

    public PersistentHubs(Func<FakeHubOptions, FakeHubOptions>? configure = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "ecms-hub-tests", Guid.NewGuid().ToString("N"));
        DataFile = Path.Combine(Folder, "hub.db");
        Clock = new FakeTimeProvider(HubRig.Start);
        Options = new FakeHubOptions { TimeProvider = Clock, DataFile = DataFile };
        Options = configure?.Invoke(Options) ?? Options;
    }

    public string Folder { get; }
    public string DataFile { get; }
    public FakeTimeProvider Clock { get; }
    public FakeHubOptions Options { get; }

    /// <summary>The first hub on a new file: registers A, B and C (later hubs get them from the file).</summary>
    public FakeHub StartFirst()
    {
        var hub = Start();
        hub.RegisterAgency(HubRig.A, "หน่วยงานเอ", "Agency A");
        hub.RegisterAgency(HubRig.B, "หน่วยงานบี", "Agency B");
        hub.RegisterAgency(HubRig.C, "หน่วยงานซี", "Agency C");
        return hub;
    }

    public FakeHub Start()
    {
        var hub = FakeHub.Start(Options);
        _owned.Add(hub);
        return hub;
    }

    public FakePeerAgency Peer(FakeHub hub, string organizationId)
    {
        var peer = FakePeerAgency.For(hub, organizationId, new FakePeerOptions
        {
            TimeProvider = Clock,
            Client = new EcmsHubClientOptions { TimeProvider = TimeProvider.System, Timeout = TimeSpan.FromSeconds(20) },
        });
        _owned.Insert(0, peer);
        return peer;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
