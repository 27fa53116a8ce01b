using ECms.Protocol;
using ECms.Protocol.Lifecycle;
using ECms.Protocol.Messages;
using ECms.Simulators.Client;
using ECms.Simulators.Peer;
using ECms.Simulators.Tests.Support;

namespace ECms.Simulators.Tests;

/// <summary>The FAQ's six steps and the notifier paths, driven over HTTP as two saraban systems would.</summary>
public class ExchangeTests
{
    [TestCase(HubRig.A, HubRig.B)]
    [TestCase(HubRig.B, HubRig.A)]
    public async Task SixStepExchange_EitherDirection_SenderCollectsReceiptNumber(string senderId, string receiverId)
    {
        await using var rig = HubRig.Create();
        var sender = senderId == HubRig.A ? rig.PeerA : rig.PeerB;
        var receiver = senderId == HubRig.A ? rig.PeerB : rig.PeerA;
        var letter = sender.ComposeLetter(receiverId, "ทส 9901.3/1187", "ขอความอนุเคราะห์ข้อมูล & สถิติ");

        var sent = (await sender.SendLetterAsync(letter)).Expect<SendLetterResponse>();
        var pulled = (await receiver.PullAsync()).Expect<PullResponse>().Item!;
        (await receiver.DeleteAsync(pulled.ProcessId)).Expect<DeleteFromQueueResponse>();
        (await receiver.AcknowledgeAsync(pulled.Letter!)).Expect<SendNotifierResponse>();
        (await receiver.RegisterAsync(pulled.Letter!, "รับ 2567/04512")).Expect<SendNotifierResponse>();
        var acknowledgement = (await sender.PullAsync()).Expect<PullResponse>().Item!;
        (await sender.DeleteAsync(acknowledgement.ProcessId)).Expect<DeleteFromQueueResponse>();
        var receipt = (await sender.PullAsync()).Expect<PullResponse>().Item!;
        (await sender.DeleteAsync(receipt.ProcessId)).Expect<DeleteFromQueueResponse>();
        var empty = (await sender.PullAsync()).Expect<PullResponse>();

        pulled.Letter!.Subject.ShouldBe("ขอความอนุเคราะห์ข้อมูล & สถิติ");
        pulled.ProcessId.ShouldNotBe(sent.ProcessId);
        acknowledgement.Notifier!.Kind.ShouldBe(NotifierKind.ReceiveLetter);
        receipt.Notifier!.Kind.ShouldBe(NotifierKind.AcceptLetter);
        receipt.Notifier.AcceptId.ShouldBe("รับ 2567/04512");
        receipt.Notifier.AcceptDepartmentCode.ShouldBe(receiverId);
        receipt.Notifier.AcceptDate.ShouldBe("2024-06-11T09:30:00.000");
        empty.Item.ShouldBeNull();
        var state = rig.Hub.FindLetter(letter.Key)!;
        state.State.ShouldBe(LetterState.Registered);
        state.AcceptId.ShouldBe("รับ 2567/04512");
        rig.Hub.QueueOf(senderId).ShouldBeEmpty();
        rig.Hub.QueueOf(receiverId).ShouldBeEmpty();
    }

    public static IEnumerable<TestCaseData> NotifierCases()
    {
        yield return new TestCaseData(NotifierKind.ReceiveLetter, false).SetName("Notifier_ReceiveLetter_ReachesSenderWithoutAcceptId");
        yield return new TestCaseData(NotifierKind.AcceptLetter, true).SetName("Notifier_AcceptLetter_ReachesSenderWithAcceptId");
        yield return new TestCaseData(NotifierKind.RejectLetter, false).SetName("Notifier_RejectLetter_ReachesSenderWithoutAcceptId");
        yield return new TestCaseData(NotifierKind.InvalidLetter, false).SetName("Notifier_InvalidLetter_ReachesSenderWithoutAcceptId");
        yield return new TestCaseData(NotifierKind.InvalidAcceptId, true).SetName("Notifier_InvalidAcceptId_ReachesReceiverWithAcceptId");
    }

    [TestCaseSource(nameof(NotifierCases))]
    public async Task Notifier_Sent_IsQueuedForCounterpartWithHubFields(NotifierKind kind, bool carriesAcceptId)
    {
        await using var rig = HubRig.Create(ECms.Protocol.Rules.ValidationProfile.Strict);
        var letter = await rig.DeliverFromAToBAsync();
        if (kind != NotifierKind.ReceiveLetter)
        {
            (await rig.PeerB.AcknowledgeAsync(letter)).Expect<SendNotifierResponse>();
        }

        if (kind == NotifierKind.InvalidAcceptId)
        {
            (await rig.PeerB.RegisterAsync(letter, "รับ 2567/00001")).Expect<SendNotifierResponse>();
        }

        var from = kind.IsSentByLetterSender() ? rig.PeerA : rig.PeerB;
        var to = kind.IsSentByLetterSender() ? rig.PeerB : rig.PeerA;
        rig.Clock.Advance(TimeSpan.FromMinutes(5));

        var sent = (await from.SendNotifierAsync(kind, letter, "รับ 2567/00001")).Expect<SendNotifierResponse>();
        var newest = rig.Hub.QueueOf(to.OrganizationId)[^1].ProcessId;
        var items = await DrainUntilAsync(to, newest);
        var raw = rig.Hub.Journal.Last!.ResponseText;
        var delivered = items[^1].Notifier;

        sent.Notifier.Kind.ShouldBe(kind);
        delivered!.Kind.ShouldBe(kind);
        delivered.LetterId.ShouldBe(letter.LetterId);
        delivered.CorrespondenceDate.ShouldBe(letter.CorrespondenceDate);
        delivered.Subject.ShouldBe(letter.Subject);
        delivered.AcceptDate.ShouldBe("2024-06-11T09:35:00.000");
        delivered.AcceptDepartmentCode.ShouldBe(HubRig.B);
        raw.Contains("<AcceptID>", StringComparison.Ordinal).ShouldBe(carriesAcceptId);
    }

    [Test]
    public async Task RejectWithdrawResend_ResendBeforeWithdrawal_IsRefusedThenAcceptedAfter()
    {
        await using var rig = HubRig.Create(ECms.Protocol.Rules.ValidationProfile.Strict);
        var letter = await rig.DeliverFromAToBAsync();
        (await rig.PeerB.RejectAsync(letter)).Expect<SendNotifierResponse>();
        var rejection = (await rig.ClientA.PullAsync()).Expect<PullResponse>().Item!;
        (await rig.ClientA.DeleteAsync(rejection.ProcessId)).Expect<DeleteFromQueueResponse>();
        var corrected = letter with { Subject = letter.Subject + " (แก้ไข)", SendDate = "2024-06-11T10:00:00" };

        var tooEarly = await rig.PeerA.SendLetterAsync(corrected);
        var withdrawn = (await rig.PeerA.WithdrawAsync(letter)).Expect<WithdrawLetterResponse>();
        var resent = (await rig.PeerA.SendLetterAsync(corrected)).Expect<SendLetterResponse>();
        var redelivered = (await rig.ClientB.PullAsync()).Expect<PullResponse>().Item!;

        rejection.Notifier!.Kind.ShouldBe(NotifierKind.RejectLetter);
        tooEarly.Status.ShouldBe(EcmsCallStatus.BusinessError);
        tooEarly.Errors.Select(e => e.Code).ShouldBe(["E300"]);
        withdrawn.LetterId.ShouldBe(letter.LetterId);
        withdrawn.ProcessId.ShouldNotBeNull();
        resent.ProcessId.ShouldNotBe(rig.Hub.AllLetters()[0].SubmissionProcessId);
        redelivered.Letter!.Subject.ShouldEndWith("(แก้ไข)");
        rig.Hub.AllLetters().Select(l => l.State).ShouldBe([LetterState.Withdrawn, LetterState.Sent]);
    }

    [Test]
    public async Task WrongReceiptNumber_SenderDisputes_ReceiverRegistersAgain()
    {
        await using var rig = HubRig.Create(ECms.Protocol.Rules.ValidationProfile.Strict);
        var letter = await rig.DeliverFromAToBAsync();
        (await rig.PeerB.AcknowledgeAsync(letter)).Expect<SendNotifierResponse>();
        (await rig.PeerB.RegisterAsync(letter, "รับ 2567/04512")).Expect<SendNotifierResponse>();

        (await rig.PeerA.DisputeAcceptIdAsync(letter, "รับ 2567/04512")).Expect<SendNotifierResponse>();
        var stateAfterDispute = rig.Hub.FindLetter(letter.Key)!.State;
        var dispute = (await rig.ClientB.PullAsync()).Expect<PullResponse>().Item!;
        (await rig.ClientB.DeleteAsync(dispute.ProcessId)).Expect<DeleteFromQueueResponse>();
        (await rig.PeerB.RegisterAsync(letter, "รับ 2567/04513")).Expect<SendNotifierResponse>();

        stateAfterDispute.ShouldBe(LetterState.AcceptIdDisputed);
        dispute.Notifier!.Kind.ShouldBe(NotifierKind.InvalidAcceptId);
        dispute.Notifier.AcceptId.ShouldBe("รับ 2567/04512");
        var final = rig.Hub.FindLetter(letter.Key)!;
        final.State.ShouldBe(LetterState.Registered);
        final.AcceptId.ShouldBe("รับ 2567/04513");
    }

    [Test]
    public async Task SendLetter_SameKeyTwice_SecondIsDuplicateAndOnlyOneIsQueued()
    {
        await using var rig = HubRig.Create();
        var letter = rig.LetterFromAToB();
        (await rig.PeerA.SendLetterAsync(letter)).Expect<SendLetterResponse>();

        var again = await rig.PeerA.SendLetterAsync(letter);

        again.Status.ShouldBe(EcmsCallStatus.BusinessError);
        again.Errors.Single().Code.ShouldBe("E300");
        again.Errors.Single().Description.ShouldContain("already exists");
        rig.Hub.QueueOf(HubRig.B).Count.ShouldBe(1);
        rig.Hub.Journal.Last!.HasFinding("R-SEND-DUP").ShouldBeTrue();
    }

    [Test]
    public async Task SendLetter_CircularToTwoReceivers_TwoIndependentLetters()
    {
        await using var rig = HubRig.Create();

        var toB = (await rig.PeerA.SendLetterAsync(rig.PeerA.ComposeLetter(HubRig.B, "ว 9901/1", "หนังสือเวียน"))).Expect<SendLetterResponse>();
        var toC = (await rig.PeerA.SendLetterAsync(rig.PeerA.ComposeLetter(HubRig.C, "ว 9901/1", "หนังสือเวียน"))).Expect<SendLetterResponse>();

        toB.ProcessId.ShouldNotBe(toC.ProcessId);
        rig.Hub.QueueOf(HubRig.B).Count.ShouldBe(1);
        rig.Hub.QueueOf(HubRig.C).Count.ShouldBe(1);
    }

    [Test]
    public async Task InvalidLetterPath_ReceiverReportsWrongLetter_SenderWithdraws()
    {
        await using var rig = HubRig.Create(ECms.Protocol.Rules.ValidationProfile.Strict);
        var letter = await rig.DeliverFromAToBAsync();

        (await rig.PeerB.ReportInvalidAsync(letter)).Expect<SendNotifierResponse>();
        var stateAfterReport = rig.Hub.FindLetter(letter.Key)!.State;
        (await rig.PeerA.WithdrawAsync(letter)).Expect<WithdrawLetterResponse>();

        stateAfterReport.ShouldBe(LetterState.Invalid);
        rig.Hub.FindLetter(letter.Key)!.State.ShouldBe(LetterState.Withdrawn);
        rig.PeerA.Sent.Single().Withdrawn.ShouldBeTrue();
    }

    [Test]
    public async Task SpecialRequest_ReceiverAsksForLetterAgain_GetsItWithFreshDeletableProcessId()
    {
        await using var rig = HubRig.Create();
        var letter = await rig.DeliverFromAToBAsync();
        var original = rig.Hub.Journal.Where(e => e.Operation == Operation.Pull).Single();

        var again = (await rig.PeerB.SpecialRequestAsync(OperationNames.GovernmentDocument, letter.Key)).Expect<PullResponse>();
        var deleted = await rig.ClientB.DeleteAsync(again.Item!.ProcessId);
        var nextPull = (await rig.ClientB.PullAsync()).Expect<PullResponse>();

        again.Item.Letter!.LetterId.ShouldBe(letter.LetterId);
        again.Item.ProcessId.ShouldNotBe(((PullResponse)original.Response!).Item!.ProcessId);
        again.Operation.ShouldBe(Operation.Pull);
        deleted.IsSuccess.ShouldBeTrue();
        nextPull.Item.ShouldBeNull();
    }

    [Test]
    public async Task SpecialRequest_ForNotifier_ReturnsLatestOfThatKind()
    {
        await using var rig = HubRig.Create();
        var letter = await rig.DeliverFromAToBAsync();
        (await rig.PeerB.AcknowledgeAsync(letter)).Expect<SendNotifierResponse>();

        var again = (await rig.PeerA.SpecialRequestAsync("ReceiveLetterNotifier", letter.Key)).Expect<PullResponse>();

        again.Item!.Notifier!.Kind.ShouldBe(NotifierKind.ReceiveLetter);
        again.Item.Notifier.AcceptDepartmentCode.ShouldBe(HubRig.B);
    }

    [Test]
    public async Task Peer_FilesInLetter_ArriveByteIdentical()
    {
        await using var rig = HubRig.Create();
        var spreadsheet = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 31)).ToArray();
        var image = Enumerable.Range(0, 5_000).Select(i => (byte)(255 - i)).ToArray();
        var letter = rig.PeerA.ComposeLetter(HubRig.B, "ทส 1/2567", "แนบไฟล์",
            null,
            BinaryDocument.FromBytes("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", spreadsheet),
            BinaryDocument.FromBytes("image/jpeg", image));

        (await rig.PeerA.SendLetterAsync(letter)).Expect<SendLetterResponse>();
        var delivered = (await rig.ClientB.PullAsync()).Expect<PullResponse>().Item!.Letter!;

        delivered.MainLetter!.Decode().ShouldBe(letter.MainLetter!.Decode());
        delivered.Attachments.Select(a => a.MimeCode).ShouldBe(["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "image/jpeg"]);
        delivered.Attachments[0].Decode().ShouldBe(spreadsheet);
        delivered.Attachments[1].Decode().ShouldBe(image);
    }

    [Test]
    public async Task CooperativePeer_LetterFromSut_AcknowledgedAndRegistered()
    {
        await using var rig = HubRig.Create(ECms.Protocol.Rules.ValidationProfile.Strict);
        rig.PeerB.Behaviour = PeerBehaviour.Cooperative;
        var letter = rig.LetterFromAToB();
        (await rig.ClientA.SendLetterAsync(letter, rig.EndpointB)).Expect<SendLetterResponse>();

        var handled = await rig.PeerB.ProcessQueueAsync();
        var ack = (await rig.ClientA.PullAsync()).Expect<PullResponse>().Item!;
        (await rig.ClientA.DeleteAsync(ack.ProcessId)).Expect<DeleteFromQueueResponse>();
        var receipt = (await rig.ClientA.PullAsync()).Expect<PullResponse>().Item!;

        handled.Single().Letter!.LetterId.ShouldBe(letter.LetterId);
        rig.PeerB.Problems.ShouldBeEmpty();
        ack.Notifier!.Kind.ShouldBe(NotifierKind.ReceiveLetter);
        receipt.Notifier!.AcceptId.ShouldBe("รับ 2567/00001");
        rig.Hub.FindLetter(letter.Key)!.State.ShouldBe(LetterState.Registered);
    }

    /// <summary>Pulls and deletes earlier items until the one with <paramref name="processId"/> is at the head; returns all pulled.</summary>
    private static async Task<List<QueueItem>> DrainUntilAsync(FakePeerAgency agency, string processId)
    {
        var pulled = new List<QueueItem>();
        while (true)
        {
            var item = (await agency.PullAsync()).Expect<PullResponse>().Item!;
            pulled.Add(item);
            if (item.ProcessId == processId)
            {
                return pulled;
            }

            (await agency.DeleteAsync(item.ProcessId)).Expect<DeleteFromQueueResponse>();
        }
    }
}
