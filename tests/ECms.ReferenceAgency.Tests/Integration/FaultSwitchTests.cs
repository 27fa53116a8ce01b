using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules;
using ECms.ReferenceAgency.Faults;
using ECms.ReferenceAgency.Tests.Support;
using ECms.Simulators.Faults;
using ECms.Simulators.Hub;

namespace ECms.ReferenceAgency.Tests.Integration;

/// <summary>
/// Each fault switch changes the traffic (or the agency's own view) exactly as fault-catalogue.json claims: the same
/// scenario runs against the correct agency and the faulty one, and the claim must hold for the faulty one only.
/// </summary>
public sealed class FaultSwitchTests
{
    private const string PeerLetterId = "ทบ 9902/900";
    private const string SecondPeerLetterId = "ทบ 9902/901";

    private const string SpreadsheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly byte[] TextNotPdf = System.Text.Encoding.UTF8.GetBytes("บันทึกข้อความ (plain text, not a PDF)");

    private static readonly byte[] WebP = [.. "RIFF"u8, 0x10, 0, 0, 0, .. "WEBPVP8 "u8, 0x00, 0x01];

    private static readonly FaultCase[] Cases =
    [
        new(AgencyFault.SendWithoutCoverLetter,
            w => w.Control.ActionAsync("send-letter", Letters.Draft(withCover: false)),
            w => Sent(w).Any(l => l.MainLetter is null)),
        new(AgencyFault.BuddhistEraDates,
            SendAsync,
            w => Sent(w).Any(l => l.CorrespondenceDate == "2567-06-11" && l.SendDate.StartsWith("25", StringComparison.Ordinal) && l.References[0].CorrespondenceDate == "2567-05-20")),
        new(AgencyFault.WrongWsaTo,
            SendAsync,
            w => w.SutTraffic(Operation.SendLetter).Any(e => e.Request!.Header.To == w.Agency.Agency.Endpoint!.AbsoluteUri)),
        new(AgencyFault.NeverDelete,
            async w => { await PeerSendsAsync(w); await w.Control.ActionAsync("poll"); await w.Control.ActionAsync("poll"); },
            w => w.SutTraffic(Operation.DeleteFromQueue).Count == 0 && w.SutTraffic(Operation.Pull).Count >= 2 && w.Hub.QueueOf(Letters.Sut).Count == 1),
        new(AgencyFault.DeleteBeforePersist,
            async w => { await PeerSendsAsync(w); await w.Control.ActionAsync("poll"); },
            w => w.SutTraffic(Operation.DeleteFromQueue).Count == 1 && w.Hub.QueueOf(Letters.Sut).Count == 0 && w.Agency.Agency.ListInbound().Count == 0,
            Tune: o => o with { MaxInboundLetterBytes = 16 }),
        new(AgencyFault.NamespacedNotifierFields,
            AcknowledgePeerLetterAsync,
            w => w.SutTraffic(Operation.SendReceiveLetterNotifier).Any(e => e.RequestText.Contains("<ram:LetterID>", StringComparison.Ordinal))),
        new(AgencyFault.EmptyAcceptId,
            async w => { await PeerSendsAsync(w); await w.Control.ActionAsync("poll"); await w.Control.ActionAsync("register", Letters.Key(PeerLetterId, date: "2024-06-12")); },
            w => w.SutTraffic(Operation.SendAcceptLetterNotifier).Any(e => ((SendNotifierRequest)e.Request!).Notifier.AcceptId == "")),
        new(AgencyFault.NonStandardPrefixes,
            SendAsync,
            w => w.SutTraffic(Operation.SendLetter).Any(e => e.RequestText.Contains("<ns1:GovernmentDocument", StringComparison.Ordinal) && !e.RequestText.Contains("<rsm:", StringComparison.Ordinal))),
        new(AgencyFault.ResendWithoutWithdraw,
            async w =>
            {
                await SendThenPeerNotifiesAsync(w, NotifierKind.RejectLetter);
                await w.Control.ActionAsync("resend", Letters.Key());
            },
            w => w.SutTraffic(Operation.WithdrawLetter).Count == 0 && w.SutTraffic(Operation.SendLetter).Count == 2),
        new(AgencyFault.Soap12Envelope,
            w => w.Control.ActionAsync("poll"),
            w => w.SutTraffic().Any(e => e.RequestText.Contains(EcmsNamespaces.Soap12, StringComparison.Ordinal))),
        new(AgencyFault.UnescapedAmpersand,
            SendAsync,
            w => w.SutTraffic().Any(e => e.RequestText.Contains("๒๕๖๖ & 2567", StringComparison.Ordinal))),
        new(AgencyFault.IgnoreErrorDetail,
            async w =>
            {
                w.Hub.InjectFault(HubFault.BusinessErrors(new ErrorDetail("E120", "invalid value")).ForAgency(Letters.Sut).ForOperation(Operation.SendLetter));
                await SendAsync(w);
            },
            w => w.Hub.AllLetters().Count == 0 && w.Agency.Agency.ListOutbound().Any(l => l.ProcessId is null)),
        new(AgencyFault.BlindRetry,
            async w =>
            {
                await w.Control.ActionAsync("refresh-directory");
                w.Proxy!.LoseNextAnswers(1);
                await SendAsync(w);
            },
            w => w.SutTraffic(Operation.SendLetter).Count > 1 && w.SutTraffic(Operation.OutboundStatus).Count == 0,
            BehindProxy: true),
        new(AgencyFault.NotifierSubjectDiffers,
            AcknowledgePeerLetterAsync,
            w => w.SutTraffic(Operation.SendReceiveLetterNotifier).Any(e => ((SendNotifierRequest)e.Request!).Notifier.Subject != "หนังสือแจ้งผิดพลาด & ทดสอบ")),
        new(AgencyFault.TwoDigitSecretCodes,
            SendAsync,
            w => Sent(w).Any(l => l.SecretCode == "01")),
        new(AgencyFault.FirstEnclosureOnly,
            w => w.Control.ActionAsync("send-letter", WithFiles(Letters.Draft(), attachments: [File("data.xlsx", SpreadsheetType, Letters.Spreadsheet), File("annex.pdf", "application/pdf", Letters.Pdf)])),
            w => Sent(w).Any(l => l.Attachments.Count == 1)),
        new(AgencyFault.UncheckedCoverLetterContent,
            w => w.Control.ActionAsync("send-letter", WithFiles(Letters.Draft(), main: File("cover.pdf", "application/pdf", TextNotPdf))),
            w => Sent(w).Any(l => l.MainLetter is { } main && !main.Decode().AsSpan().StartsWith("%PDF-"u8))),
        new(AgencyFault.DuplicateSendAsNew,
            async w =>
            {
                await SendAsync(w);
                await w.Control.ActionAsync("send-letter", Letters.Draft(subject: "ฉบับที่สอง เลขที่ซ้ำ"));
            },
            w => w.SutTraffic(Operation.SendLetter).Count == 2 && w.Hub.AllLetters().Count == 1
                && w.Agency.Agency.ListOutbound().Count(l => l.State == ECms.ReferenceAgency.Storage.OutboundState.Sent) == 2),
        new(AgencyFault.StaleSenderOrganization,
            SendAsync,
            w => Sent(w).Any(l => l.Sender.OrganizationId == "9900100001")),
        new(AgencyFault.ImagesDeclaredAsJpeg,
            w => w.Control.ActionAsync("send-letter", WithFiles(Letters.Draft(), attachments: [File("photo.webp", "image/webp", WebP)])),
            w => Sent(w).Any(l => l.Attachments.Any(a => a.MimeCode == "image/jpeg" && a.Decode().AsSpan().StartsWith("RIFF"u8)))),
        new(AgencyFault.ReuseReceiptNumber,
            async w =>
            {
                await PeerSendsAsync(w);
                await w.Peer.SendLetterAsync(w.Peer.Letter(Letters.Sut, SecondPeerLetterId, "หนังสือฉบับที่สอง"), w.SutAgency.Endpoint);
                await w.Control.ActionAsync("poll");
                await w.Control.ActionAsync("register", Letters.Key(PeerLetterId, date: "2024-06-12"));
                var second = Letters.Key(SecondPeerLetterId, date: "2024-06-12");
                second["acceptId"] = w.Agency.Agency.ListInbound().Single(l => l.LetterId == PeerLetterId).AcceptId;
                await w.Control.ActionAsync("register", second);
            },
            w => w.SutTraffic(Operation.SendAcceptLetterNotifier).Count == 2
                && w.Agency.Agency.ListInbound().Where(l => l.AcceptId is not null).GroupBy(l => l.AcceptId).Any(g => g.Count() == 2)),
        new(AgencyFault.PlaceholdersKept,
            async w =>
            {
                var letter = w.Peer.Letter(Letters.Sut, PeerLetterId, "หนังสือจากไคลเอนต์ 2.0", new BinaryDocument("", ""), BinaryDocument.FromBytes("application/pdf", Letters.Pdf));
                await w.Peer.SendLetterAsync(letter with { References = [new LetterReference("", "", "")] }, w.SutAgency.Endpoint);
                await w.Control.ActionAsync("poll");
            },
            w => w.Agency.Agency.ListInbound().Any(l => l.Attachments.Count() == 2 && l.References.Count == 1 && l.References[0].IsPlaceholder)),
        new(AgencyFault.ClassifiedAsNormal,
            async w => { await PeerSendsAsync(w); await w.Control.ActionAsync("poll"); },
            w => w.Agency.Agency.ListInbound().Any(l => l.LetterId == PeerLetterId && l.SecretCode == "001" && l.SpeedCode == "004")),
        new(AgencyFault.AcknowledgeNotifiers,
            async w =>
            {
                await SendThenPeerNotifiesAsync(w, NotifierKind.ReceiveLetter, NotifierKind.AcceptLetter);
            },
            w => w.SutTraffic(Operation.SendReceiveLetterNotifier).Any(e => ((SendNotifierRequest)e.Request!).Notifier.LetterId == "ทส 9901.3/1187")),
        new(AgencyFault.SpacelessAcceptLetterId,
            async w => { await PeerSendsAsync(w); await w.Control.ActionAsync("poll"); await w.Control.ActionAsync("register", Letters.Key(PeerLetterId, date: "2024-06-12")); },
            w => w.SutTraffic(Operation.SendAcceptLetterNotifier).Any(e => ((SendNotifierRequest)e.Request!).Notifier.LetterId == "ทบ9902/900")),
        new(AgencyFault.MinistryUnspecified,
            SendAsync,
            w => Sent(w).Any(l => l.Receiver.MinistryId == "00" && l.Sender.MinistryId == "99")),
        new(AgencyFault.DirectoryCallToReceiverEndpoint,
            SendAsync,
            w => w.Hub.Journal.Where(e => e.OrganizationId == Letters.Peer && e.Operation == Operation.GetOrganizationList).Count > 0
                && w.Hub.AllLetters().Count == 1),
        new(AgencyFault.PrefixBoundResponseReader,
            SendAsync,
            w => w.SutTraffic().Count > 0 && !w.Agency.Agency.ListOutbound().Any(l => l.ProcessId is not null),
            Hub: o => o with { WriterOptions = o.WriterOptions with { DeclareEnvAlias = true } }),
        new(AgencyFault.SkipUnreadableQueueHead,
            async w =>
            {
                await PeerSendsAsync(w);
                w.Hub.InjectFault(HubFault.MalformedBody().ForAgency(Letters.Sut).ForOperation(Operation.Pull).Times(1));
                await w.Control.ActionAsync("poll");
            },
            w => w.SutTraffic(Operation.DeleteFromQueue).Count == 1 && w.Hub.QueueOf(Letters.Sut).Count == 0 && w.Agency.Agency.ListInbound().Count == 0),
        new(AgencyFault.BlankInboxRowOnEmptyPull,
            async w =>
            {
                await w.Control.ActionAsync("poll");
                w.Hub.InjectFault(HubFault.MalformedBody().ForAgency(Letters.Sut).ForOperation(Operation.Pull).Times(1));
                await w.Control.ActionAsync("poll");
            },
            w => w.SutTraffic(Operation.Pull).Count == 2 && w.Agency.Agency.ListInbound().Count(l => l.LetterId.Length == 0) == 2),
        new(AgencyFault.DeleteSentLetterProcessId,
            async w =>
            {
                await SendThenPeerNotifiesAsync(w, NotifierKind.ReceiveLetter);
            },
            w => w.SutTraffic(Operation.DeleteFromQueue).Any(e => ((DeleteFromQueueRequest)e.Request!).ProcessId == w.Agency.Agency.ListOutbound().Single().ProcessId)
                && w.SutMustFindings().Any(f => f.Contains("R-DEL-1", StringComparison.Ordinal))),
        new(AgencyFault.RepullEmptyQueue,
            w => w.Control.ActionAsync("poll"),
            w => w.SutTraffic(Operation.Pull).Count == 2 && w.SutTraffic(Operation.Pull).All(e => e.Response is PullResponse { Item: null })),
        new(AgencyFault.Latin1WithoutCharset,
            async w => { await PeerSendsAsync(w); await w.Control.ActionAsync("poll"); },
            w => w.Agency.Agency.ListInbound().Count == 1 && w.Agency.Agency.ListInbound().All(l => l.Subject != "หนังสือแจ้งผิดพลาด & ทดสอบ" && l.Subject.Contains('à')),
            Hub: o => o with { ResponseContentType = "text/xml" }),
    ];

    private static IEnumerable<TestCaseData> FaultCases() =>
        Cases.Select(c => new TestCaseData(c).SetName($"Fault_Switched_ChangesTrafficAsClaimed({FaultCatalogue.NameOf(c.Fault)})"));

    [TestCaseSource(nameof(FaultCases))]
    public async Task Fault_Switched_ChangesTrafficAsClaimed(FaultCase fault)
    {
        await using var correct = await StartAsync(fault, faulty: false);
        await using var faulty = await StartAsync(fault, faulty: true);

        await fault.Scenario(correct);
        await fault.Scenario(faulty);

        fault.Shows(correct).ShouldBeFalse("the correct agency must not show the deviation");
        fault.Shows(faulty).ShouldBeTrue("the faulty agency must show the deviation the catalogue claims");
        (await faulty.Control.HealthAsync()).Body["faults"]!.AsArray().Single()!.GetValue<string>().ShouldBe(FaultCatalogue.NameOf(fault.Fault));
    }

    [Test]
    public void FaultCases_EveryFaultSwitch_HasExactlyOneCase()
    {
        var covered = Cases.Select(c => c.Fault).ToArray();

        covered.ShouldBe(Enum.GetValues<AgencyFault>(), ignoreOrder: true);
    }

    private static Task<AgencyWorld> StartAsync(FaultCase fault, bool faulty) =>
        AgencyWorld.StartAsync(
            o => (fault.Tune ?? (x => x))(o) with { Faults = faulty ? new HashSet<AgencyFault> { fault.Fault } : new HashSet<AgencyFault>() },
            fault.BehindProxy ? ValidationProfile.Lenient : ValidationProfile.Strict,
            fault.BehindProxy,
            fault.Hub);

    private static IEnumerable<Letter> Sent(AgencyWorld world) =>
        world.SutTraffic(Operation.SendLetter).Select(e => e.Request).OfType<SendLetterRequest>().Select(r => r.Letter);

    private static object File(string fileName, string mimeType, byte[] content) => new { fileName, mimeType, contentBase64 = Convert.ToBase64String(content) };

    private static Dictionary<string, object?> WithFiles(Dictionary<string, object?> draft, object? main = null, object[]? attachments = null)
    {
        draft["mainLetter"] = main ?? draft["mainLetter"];
        draft["attachments"] = attachments ?? draft["attachments"];
        return draft;
    }

    private static async Task SendAsync(AgencyWorld world) => await world.Control.ActionAsync("send-letter", Letters.Draft());

    /// <summary>The agency sends its draft; the peer collects it and answers with these notifiers; the agency polls.</summary>
    private static async Task SendThenPeerNotifiesAsync(AgencyWorld world, params NotifierKind[] kinds)
    {
        await SendAsync(world);
        await world.Peer.DrainAsync();
        foreach (var kind in kinds)
        {
            var acceptId = kind == NotifierKind.AcceptLetter ? "รับ 2567/00042" : null;
            await world.Peer.NotifyAsync(new Notifier(kind, "ทส 9901.3/1187", "2024-06-11", Letters.ThaiSubject, acceptId), world.SutAgency.Endpoint);
        }

        await world.Control.ActionAsync("poll");
    }

    private static async Task PeerSendsAsync(AgencyWorld world) => await
        world.Peer.SendLetterAsync(world.Peer.Letter(Letters.Sut, PeerLetterId, "หนังสือแจ้งผิดพลาด & ทดสอบ"), world.SutAgency.Endpoint);

    private static async Task AcknowledgePeerLetterAsync(AgencyWorld world)
    {
        await PeerSendsAsync(world);
        await world.Control.ActionAsync("poll");
        await world.Control.ActionAsync("acknowledge", Letters.Key(PeerLetterId, date: "2024-06-12"));
    }
}

/// <summary>A fault, a scenario that provokes it, and the observation that proves it (false for the correct agency).</summary>
public sealed record FaultCase(
    AgencyFault Fault,
    Func<AgencyWorld, Task> Scenario,
    Func<AgencyWorld, bool> Shows,
    bool BehindProxy = false,
    Func<ReferenceAgencyOptions, ReferenceAgencyOptions>? Tune = null,
    Func<FakeHubOptions, FakeHubOptions>? Hub = null)
{
    public override string ToString() => FaultCatalogue.NameOf(Fault);
}
