using ECms.Protocol.Messages;
using ECms.Simulators.Client;

namespace ECms.ReferenceAgency.Tests.Support;

/// <summary>
/// The peer agency's side of a test: the simulators' <see cref="EcmsHubClient"/> on the peer's own endpoint, with the
/// few steps these tests script by hand (send, notify, drain, withdraw) — the well-behaved counterpart of the agency.
/// </summary>
public sealed class PeerClient(Uri ownEndpoint, string organizationId) : IDisposable
{
    private readonly EcmsHubClient _client = new(ownEndpoint);

    public string OrganizationId => organizationId;

    public Uri Endpoint => ownEndpoint;

    public async Task<EcmsResponse?> SendLetterAsync(Letter letter, Uri receiverEndpoint) =>
        (await _client.SendLetterAsync(letter, receiverEndpoint)).Response;

    public async Task<EcmsResponse?> NotifyAsync(Notifier notifier, Uri counterpartEndpoint) =>
        (await _client.SendNotifierAsync(notifier, counterpartEndpoint)).Response;

    public async Task<EcmsResponse?> WithdrawAsync(string letterId, string date, string receiverId) =>
        (await _client.WithdrawAsync(new LetterKey(organizationId, receiverId, letterId, date))).Response;

    /// <summary>Pulls and deletes until the queue is empty; the items in the order the hub handed them out.</summary>
    public async Task<IReadOnlyList<QueueItem>> DrainAsync()
    {
        var items = new List<QueueItem>();
        while ((await _client.PullAsync()).Response is PullResponse { Item: { } item })
        {
            items.Add(item);
            await _client.DeleteAsync(item.ProcessId);
            if (items.Count > 100)
            {
                throw new InvalidOperationException("The peer's queue does not drain.");
            }
        }

        return items;
    }

    /// <summary>A letter from this peer to <paramref name="receiverId"/>, with a PDF cover letter and the given enclosures.</summary>
    public Letter Letter(string receiverId, string letterId, string subject, params BinaryDocument[] attachments) => new()
    {
        LetterId = letterId,
        CorrespondenceDate = "2024-06-12",
        Subject = subject,
        SecretCode = "003",
        SpeedCode = "004",
        Sender = Party.ForOrganization(organizationId, "อธิบดีหน่วยงานบี", "สมชาย", "ใจดี"),
        Receiver = Party.ForOrganization(receiverId, "ผู้อำนวยการหน่วยงานเอ"),
        References =
        [
            new LetterReference("ทส 9901.3/1187", "2024-06-11", "ขอความอนุเคราะห์ข้อมูล"),
            new LetterReference("ทบ 9902/100", "2024-01-05", "การประชุม & สัมมนา"),
        ],
        AttachmentText = "เอกสารประกอบ 2 ชุด",
        SendDate = "2024-06-12T10:15:00",
        Description = "ทดสอบ",
        MainLetter = BinaryDocument.FromBytes("application/pdf", Letters.Pdf),
        Attachments = attachments,
    };

    public void Dispose() => _client.Dispose();
}
