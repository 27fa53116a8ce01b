using ECms.Protocol;
using ECms.Protocol.CodeLists;
using ECms.Protocol.Messages;
using ECms.Simulators.Client;
using ECms.Simulators.Hub;
using ECms.Simulators.Tests.Support;

namespace ECms.Simulators.Tests;

/// <summary>Ops 11–17: directory, code lists, outbound status and the hub clock (checklist B1–B6).</summary>
public class DirectoryTests
{
    [Test]
    public async Task OrganizationList_EcmsUrl_IsTheAgencysWorkingEndpoint()
    {
        await using var rig = HubRig.Create();
        var list = (await rig.ClientA.DirectoryAsync(Operation.GetOrganizationList)).Expect<OrganizationListResponse>();
        using var agencyC = new EcmsHubClient(new Uri(list.Organizations.Single(o => o.OrganizationId == HubRig.C).EcmsUrl));

        var pull = await agencyC.PullAsync();

        list.Organizations.Select(o => o.ThaiName).ShouldBe(["หน่วยงานเอ", "หน่วยงานบี", "หน่วยงานซี"]);
        pull.IsSuccess.ShouldBeTrue();
        rig.Hub.Journal.Last!.OrganizationId.ShouldBe(HubRig.C);
    }

    [Test]
    public async Task OrganizationList_OnAFixedPort_ServesTheBindAddressNotLocalhost()
    {
        var port = FreePort();
        await using var rig = HubRig.Create(configure: o => o with { Port = port });

        var list = (await rig.ClientA.DirectoryAsync(Operation.GetOrganizationList)).Expect<OrganizationListResponse>();

        // Strict R-ENV-3 compares wsa:To with ECMS-URL exactly: a client told 127.0.0.1 must be served 127.0.0.1.
        rig.Hub.BaseUrl.Host.ShouldBe("127.0.0.1");
        list.Organizations.Select(o => new Uri(o.EcmsUrl).Host).Distinct().ShouldBe(["127.0.0.1"]);
        list.Organizations.All(o => new Uri(o.EcmsUrl).Port == port).ShouldBeTrue();
    }

    [Test]
    public async Task CodeLists_Served_FromTheConfiguredLists()
    {
        var withoutGif = CodeLists.Standard.WithoutContentTypes("image/gif");
        await using var rig = HubRig.Create(configure: o => o with { CodeLists = withoutGif });

        var secret = (await rig.ClientA.DirectoryAsync(Operation.GetSecretCodes)).Expect<CodeListResponse>();
        var speed = (await rig.ClientA.DirectoryAsync(Operation.GetSpeedCodes)).Expect<CodeListResponse>();
        var mime = (await rig.ClientA.DirectoryAsync(Operation.GetMimeCodes)).Expect<MimeCodesResponse>();
        var ministries = (await rig.ClientA.DirectoryAsync(Operation.GetMinistryOrganizationList)).Expect<MinistryListResponse>();

        secret.Codes.Select(c => c.Value).ShouldBe(["001", "002", "003", "004"]);
        secret.Codes[2].Description.ShouldBe("ลับมาก");
        speed.Codes[3].Description.ShouldBe("ด่วนที่สุด");
        mime.MimeTypes.ShouldNotContain(m => m.ContentType == "image/gif");
        mime.MimeTypes.Count.ShouldBe(withoutGif.MimeTypes.Count);
        ministries.Ministries.Count.ShouldBe(CodeLists.Standard.Ministries.Count);
    }

    [Test]
    public async Task OutboundStatus_CallersLetters_QueuedDeliveredDeleted()
    {
        await using var rig = HubRig.Create();
        (await rig.PeerA.SendLetterAsync(rig.LetterFromAToB("ทส 1/2567"))).Expect<SendLetterResponse>();
        var pulled = (await rig.ClientB.PullAsync()).Expect<PullResponse>().Item!;
        (await rig.ClientB.DeleteAsync(pulled.ProcessId)).Expect<DeleteFromQueueResponse>();
        (await rig.PeerB.RejectAsync(pulled.Letter!)).Expect<SendNotifierResponse>();
        (await rig.PeerA.WithdrawAsync(pulled.Letter!)).Expect<WithdrawLetterResponse>();
        (await rig.PeerA.SendLetterAsync(rig.LetterFromAToB("ทส 2/2567"))).Expect<SendLetterResponse>();
        var second = (await rig.ClientB.PullAsync()).Expect<PullResponse>().Item!;
        (await rig.ClientB.DeleteAsync(second.ProcessId)).Expect<DeleteFromQueueResponse>();
        (await rig.PeerA.SendLetterAsync(rig.LetterFromAToB("ทส 3/2567"))).Expect<SendLetterResponse>();
        (await rig.PeerB.SendLetterAsync(rig.LetterFromBToA())).Expect<SendLetterResponse>();

        var status = (await rig.ClientA.DirectoryAsync(Operation.OutboundStatus)).Expect<OutboundStatusResponse>();

        status.Items.Select(i => $"{i.LetterId}={i.ProcessStatus}").ShouldBe(["ทส 1/2567=DELETED", "ทส 2/2567=DELIVERED", "ทส 3/2567=QUEUED"]);
        status.Items.Select(i => i.ProcessId).ShouldBe(rig.Hub.AllLetters().Where(l => l.Key.SenderOrganizationId == HubRig.A).Select(l => l.SubmissionProcessId));
    }

    [Test]
    public async Task TimeCheck_ClockOffset_AppliesToEveryHubTime()
    {
        await using var rig = HubRig.Create();
        rig.Hub.Clock.Offset = TimeSpan.FromMinutes(-3);

        var time = (await rig.ClientA.DirectoryAsync(Operation.TimeCheck)).Expect<TimeCheckResponse>();
        var sent = (await rig.PeerA.SendLetterAsync(rig.LetterFromAToB())).Expect<SendLetterResponse>();

        time.EcmsTime.ShouldBe("2024-06-11T09:27:00.000");
        sent.ProcessTime.ShouldBe("2024-06-11T09:27:00.000");
        rig.Hub.Journal.Last!.ReceivedAt.ShouldBe(HubRig.Start.AddMinutes(-3));
    }

    [Test]
    public void RegisterAgency_InvalidOrDuplicateId_IsRefused()
    {
        using var hub = FakeHub.Start();
        hub.RegisterAgency(HubRig.A, "เอ", "A");

        Should.Throw<ArgumentException>(() => hub.RegisterAgency("../admin", "x", "x"));
        Should.Throw<InvalidOperationException>(() => hub.RegisterAgency(HubRig.A, "เอ", "A"));
    }

    [Test]
    public void Start_DefaultOptions_BindsLoopbackOnAFreePort()
    {
        using var first = FakeHub.Start();
        using var second = FakeHub.Start();

        first.BaseUrl.Host.ShouldBe("127.0.0.1");
        first.BaseUrl.Port.ShouldNotBe(second.BaseUrl.Port);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
