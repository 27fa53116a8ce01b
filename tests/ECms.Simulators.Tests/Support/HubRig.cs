using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules;
using ECms.Simulators.Client;
using ECms.Simulators.Hub;
using ECms.Simulators.Peer;
using Microsoft.Extensions.Time.Testing;

namespace ECms.Simulators.Tests.Support;

/// <summary>
/// A hub on a free loopback port with agencies A, B and C registered, a fake hub clock at 11 June 2024 09:30 Thai
/// time, and HTTP clients and peers for A and B. Everything a test does goes over real HTTP.
/// </summary>
public sealed class HubRig : IAsyncDisposable
{
    public const string A = "9900100000";
    public const string B = "9900200000";
    public const string C = "9900300000";

    /// <summary>02:30 UTC = 09:30 in Thailand.</summary>
    public static readonly DateTimeOffset Start = new(2024, 6, 11, 2, 30, 0, TimeSpan.Zero);

    private HubRig(FakeHub hub, FakeTimeProvider clock)
    {
        Hub = hub;
        Clock = clock;
        PeerA = FakePeerAgency.For(hub, A, PeerOptions);
        PeerB = FakePeerAgency.For(hub, B, PeerOptions);
    }

    public FakeHub Hub { get; }
    public FakeTimeProvider Clock { get; }
    public FakePeerAgency PeerA { get; }
    public FakePeerAgency PeerB { get; }
    public EcmsHubClient ClientA => PeerA.Client;
    public EcmsHubClient ClientB => PeerB.Client;
    public Uri EndpointA => Hub.EndpointOf(A);
    public Uri EndpointB => Hub.EndpointOf(B);

    private FakePeerOptions PeerOptions => new()
    {
        TimeProvider = Clock,
        Client = new EcmsHubClientOptions { TimeProvider = TimeProvider.System, Timeout = TimeSpan.FromSeconds(20) },
    };

    public static HubRig Create(ValidationProfile strictness = ValidationProfile.Lenient, Func<FakeHubOptions, FakeHubOptions>? configure = null)
    {
        var clock = new FakeTimeProvider(Start);
        var options = new FakeHubOptions { Strictness = strictness, TimeProvider = clock };
        var hub = FakeHub.Start(configure?.Invoke(options) ?? options);
        hub.RegisterAgency(A, "หน่วยงานเอ", "Agency A");
        hub.RegisterAgency(B, "หน่วยงานบี", "Agency B");
        hub.RegisterAgency(C, "หน่วยงานซี", "Agency C");
        return new HubRig(hub, clock);
    }

    /// <summary>A valid letter from A to B with Thai text and an ampersand (checklist A2).</summary>
    public Letter LetterFromAToB(string letterId = "ทส 9901.3/1187", string subject = "ขอความอนุเคราะห์ข้อมูลสถิติ ปี 2566 & 2567") =>
        PeerA.ComposeLetter(B, letterId, subject);

    public Letter LetterFromBToA(string letterId = "ทบ 9902/455", string subject = "ขอเชิญประชุมคณะทำงาน") =>
        PeerB.ComposeLetter(A, letterId, subject);

    /// <summary>A sends a letter to B; B pulls and deletes it (FAQ steps 1–3). Returns the letter.</summary>
    public async Task<Letter> DeliverFromAToBAsync(string letterId = "ทส 9901.3/1187")
    {
        var letter = LetterFromAToB(letterId);
        (await PeerA.SendLetterAsync(letter)).Expect<SendLetterResponse>();
        var pulled = (await ClientB.PullAsync()).Expect<PullResponse>();
        (await ClientB.DeleteAsync(pulled.Item!.ProcessId)).Expect<DeleteFromQueueResponse>();
        return letter;
    }

    public HubLetterView? LetterState(Letter letter) => Hub.FindLetter(letter.Key);

    public async ValueTask DisposeAsync()
    {
        await PeerA.DisposeAsync();
        await PeerB.DisposeAsync();
        await Hub.DisposeAsync();
    }
}
