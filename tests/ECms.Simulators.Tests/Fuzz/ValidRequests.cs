using System.Globalization;
using System.Text;
using ECms.Protocol;
using ECms.Protocol.Lifecycle;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules;
using ECms.Protocol.Wire;
using ECms.Simulators.Hub;
using ECms.Simulators.Peer;
using ECms.Simulators.Tests.Support;

namespace ECms.Simulators.Tests.Fuzz;

/// <summary>A request as an agency would post it: who posts it (the endpoint) and the exact bytes.</summary>
public sealed record FuzzRequest(Operation Operation, string Caller, byte[] Body);

/// <summary>
/// Valid requests of every operation, written with <see cref="EcmsWriter"/> from the hub's current state so that,
/// unmutated, the hub would serve them: notifiers about letters whose state allows them, deletes of the caller's queue
/// head, withdrawals of withdrawable letters. Each carries a MessageID unique to its mutant.
/// </summary>
public sealed class ValidRequests(HubRig rig)
{
    /// <summary>Every operation of spec §4, the richer ones (letters, notifiers) more often.</summary>
    public static readonly IReadOnlyList<Operation> Operations =
    [
        Operation.SendLetter, Operation.SendLetter, Operation.SendLetter,
        Operation.SendReceiveLetterNotifier, Operation.SendAcceptLetterNotifier, Operation.SendRejectLetterNotifier,
        Operation.SendInvalidLetterNotifier, Operation.SendInvalidAcceptIdNotifier,
        Operation.SendReceiveLetterNotifier, Operation.SendAcceptLetterNotifier, Operation.SendInvalidAcceptIdNotifier,
        Operation.Pull, Operation.Pull, Operation.DeleteFromQueue, Operation.DeleteFromQueue, Operation.WithdrawLetter, Operation.SpecialRequest,
        Operation.GetMinistryOrganizationList, Operation.GetOrganizationList, Operation.GetSecretCodes, Operation.GetSpeedCodes,
        Operation.GetMimeCodes, Operation.OutboundStatus, Operation.TimeCheck,
    ];

    private static readonly string[] Agencies = [HubRig.A, HubRig.B, HubRig.C];

    /// <summary>
    /// Gives the hub some state to break: delivered letters awaiting their answers, a registered letter, a rejected one
    /// its sender may withdraw, a letter in flight (queued, unpulled), and notifiers waiting in both queues.
    /// </summary>
    public async Task SeedAsync()
    {
        foreach (var number in new[] { "ทส 9901.3/1", "ทส 9901.3/2", "ทส 9901.3/3" })
        {
            await DeliverAsync(rig.PeerA, rig.PeerB, number);
        }

        var registered = await DeliverAsync(rig.PeerB, rig.PeerA, "ทบ 9902/4");
        (await rig.PeerA.AcknowledgeAsync(registered)).Expect<SendNotifierResponse>();
        (await rig.PeerA.RegisterAsync(registered, "รับ 2567/00001")).Expect<SendNotifierResponse>();
        var rejected = await DeliverAsync(rig.PeerA, rig.PeerB, "ทส 9901.3/5");
        (await rig.PeerB.RejectAsync(rejected)).Expect<SendNotifierResponse>();
        (await rig.PeerA.SendLetterAsync(ComposeLetter(HubRig.A, HubRig.B, "ทส 9901.3/6 (ระหว่างทาง)"))).Expect<SendLetterResponse>();
    }

    public FuzzRequest Build(Operation operation, int index, Random random, ValidationProfile profile)
    {
        ArgumentNullException.ThrowIfNull(random);
        var messageId = MessageIdFor(index);
        var caller = Agencies[random.Next(Agencies.Length)];
        string? to = null;
        EcmsRequest request;
        switch (operation)
        {
            case Operation.SendLetter:
                var receiver = Agencies.Where(a => a != caller).ElementAt(random.Next(2));
                request = new SendLetterRequest(ComposeLetter(caller, receiver, string.Create(CultureInfo.InvariantCulture, $"ฟซ {index}/2567"), index));
                to = Endpoint(receiver);
                break;
            case Operation.SendReceiveLetterNotifier or Operation.SendAcceptLetterNotifier or Operation.SendRejectLetterNotifier
                or Operation.SendInvalidLetterNotifier or Operation.SendInvalidAcceptIdNotifier:
                var kind = OperationNames.AllNotifierKinds.Single(k => k.ToOperation() == operation);
                var letter = LetterFor(kind, random, profile);
                var bySender = kind.IsSentByLetterSender();
                caller = bySender ? letter.Key.SenderOrganizationId : letter.Key.ReceiverOrganizationId;
                var acceptId = kind switch
                {
                    NotifierKind.AcceptLetter => string.Create(CultureInfo.InvariantCulture, $"รับ 2567/{index:D5}"),
                    NotifierKind.InvalidAcceptId => letter.AcceptId ?? "รับ 2567/00001",
                    _ => null,
                };
                request = new SendNotifierRequest(new Notifier(kind, letter.Key.LetterId, letter.Key.CorrespondenceDate, letter.Subject, acceptId));
                to = Endpoint(bySender ? letter.Key.ReceiverOrganizationId : letter.Key.SenderOrganizationId);
                break;
            case Operation.Pull:
                request = new PullRequest();
                break;
            case Operation.DeleteFromQueue:
                var heads = Agencies.Select(a => (Agency: a, Head: rig.Hub.QueueOf(a) is [var first, ..] ? first : null)).Where(h => h.Head is not null).ToArray();
                if (heads.Length > 0)
                {
                    var head = heads[random.Next(heads.Length)];
                    caller = head.Agency;
                    request = new DeleteFromQueueRequest(head.Head!.ProcessId);
                }
                else
                {
                    request = new DeleteFromQueueRequest("Q000000000001");
                }

                break;
            case Operation.WithdrawLetter:
                var withdrawable = Letters(l => LetterLifecycle.Evaluate(l.State, LetterEvent.Withdraw, profile).Allowed);
                var withdrawn = withdrawable.Count > 0 ? withdrawable[random.Next(withdrawable.Count)] : AnyLetter(random);
                caller = withdrawn.Key.SenderOrganizationId;
                request = new WithdrawLetterRequest(withdrawn.Key.LetterId, withdrawn.Key.CorrespondenceDate, withdrawn.Key.SenderOrganizationId, withdrawn.Key.ReceiverOrganizationId);
                break;
            case Operation.SpecialRequest:
                var asked = AnyLetter(random);
                caller = random.Next(2) == 0 ? asked.Key.SenderOrganizationId : asked.Key.ReceiverOrganizationId;
                request = new SpecialRequest(OperationNames.GovernmentDocument, asked.Key.LetterId, asked.Key.CorrespondenceDate,
                    asked.Key.SenderOrganizationId, asked.Key.ReceiverOrganizationId);
                break;
            default:
                request = new DirectoryRequest(operation);
                break;
        }

        var body = EcmsWriter.WriteRequest(request with { Header = new AddressingHeader(messageId, to ?? Endpoint(caller)) });
        return new FuzzRequest(operation, caller, body);
    }

    /// <summary>Strings from the hub's state worth splicing into a field: ProcessIDs, organisation codes, letter numbers, endpoints.</summary>
    public IReadOnlyList<string> StateValues(int index)
    {
        // The previous mutant's MessageID: the hub remembers it if it accepted that mutant (strict refuses a repeat).
        var values = new List<string> { MessageIdFor(index - 1) };
        foreach (var agency in Agencies)
        {
            values.Add(agency);
            values.Add(Endpoint(agency));
            values.AddRange(rig.Hub.QueueOf(agency).Select(q => q.ProcessId));
        }

        foreach (var letter in rig.Hub.AllLetters())
        {
            values.Add(letter.Key.LetterId);
            values.Add(letter.Key.CorrespondenceDate);
            values.Add(letter.SubmissionProcessId);
            if (letter.AcceptId is not null)
            {
                values.Add(letter.AcceptId);
            }
        }

        return values;
    }

    /// <summary>A letter with Thai text, characters that must be escaped, a reference, a PDF cover letter and two enclosures.</summary>
    public Letter ComposeLetter(string sender, string receiver, string letterId, int index = 0)
    {
        var now = rig.Clock.GetUtcNow();
        var subject = $"ขอเชิญประชุมคณะทำงาน ครั้งที่ {index} & \"สรุปผล\" <ด่วน>";
        var text = Encoding.UTF8.GetBytes($"สิ่งที่ส่งมาด้วย ฉบับที่ {index}\nรายละเอียดการประชุม");
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Enumerable.Range(0, 600).Select(i => (byte)((i * 31) + index))];
        return new Letter
        {
            LetterId = letterId,
            CorrespondenceDate = WireFormats.FormatDate(WireFormats.ThaiToday(rig.Clock)),
            Subject = subject,
            Sender = Party.ForOrganization(sender, "ผู้อำนวยการกอง", "สมชาย", "ใจดี"),
            Receiver = Party.ForOrganization(receiver),
            References = [new LetterReference("ทส 9901.3/1", "2024-06-10", "หนังสือฉบับก่อน")],
            AttachmentText = "2 ไฟล์",
            SendDate = WireFormats.FormatDateTime(now),
            Description = "หนังสือทดสอบความทนทาน",
            MainLetter = FakePeerAgency.SamplePdf(subject),
            Attachments = [BinaryDocument.FromBytes("text/plain", text), BinaryDocument.FromBytes("image/png", png)],
        };
    }

    private async Task<Letter> DeliverAsync(FakePeerAgency sender, FakePeerAgency receiver, string letterId)
    {
        var letter = ComposeLetter(sender.OrganizationId, receiver.OrganizationId, letterId);
        (await sender.SendLetterAsync(letter)).Expect<SendLetterResponse>();

        // Not by pulling: notifiers seeded earlier may be ahead of the letter in the receiver's queue.
        var item = rig.Hub.QueueOf(receiver.OrganizationId).First(q => q.IsLetter && q.Letter == letter.Key);
        (await receiver.DeleteAsync(item.ProcessId)).Expect<DeleteFromQueueResponse>();
        return letter;
    }

    /// <summary>A letter whose state allows this notifier from its party in role, or any letter when none does.</summary>
    private HubLetterView LetterFor(NotifierKind kind, Random random, ValidationProfile profile)
    {
        var allowed = Letters(l => LetterLifecycle.Evaluate(l.State, LetterLifecycle.EventFor(kind), profile).Allowed
            && (kind != NotifierKind.InvalidAcceptId || l.AcceptId is not null));
        return allowed.Count > 0 ? allowed[random.Next(allowed.Count)] : AnyLetter(random);
    }

    private HubLetterView AnyLetter(Random random)
    {
        var letters = rig.Hub.AllLetters();
        return letters[random.Next(letters.Count)];
    }

    private List<HubLetterView> Letters(Func<HubLetterView, bool> where) => rig.Hub.AllLetters().Where(where).ToList();

    private static string MessageIdFor(int index) => string.Create(CultureInfo.InvariantCulture, $"mid://20240611.093000000.{index}@fuzz.ecms.test");

    private string Endpoint(string organizationId) => rig.Hub.EndpointOf(organizationId).AbsoluteUri;
}
