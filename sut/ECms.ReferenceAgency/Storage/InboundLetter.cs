using ECms.Protocol.Messages;

namespace ECms.ReferenceAgency.Storage;

/// <summary>A row of the inbound (receiving) register with its files, as pulled from the hub.</summary>
internal sealed record InboundLetter
{
    public long Id { get; init; }
    public required string ProcessId { get; init; }
    public required string SenderId { get; init; }
    public required string ReceiverId { get; init; }
    public required string LetterId { get; init; }
    public required string CorrespondenceDate { get; init; }
    public required string Subject { get; init; }
    public string SecretCode { get; init; } = "";
    public string SpeedCode { get; init; } = "";
    public string Description { get; init; } = "";
    public string AttachmentText { get; init; } = "";
    public string SendDate { get; init; } = "";
    public PartyNames Sender { get; init; } = PartyNames.Empty;
    public PartyNames Receiver { get; init; } = PartyNames.Empty;
    public IReadOnlyList<LetterReference> References { get; init; } = [];
    public InboundState State { get; init; }
    public string? AcceptId { get; init; }
    public string? AcceptDate { get; init; }

    /// <summary>The receipt number the sender disputed (InvalidAcceptIDNotifier); a corrected number must differ from it.</summary>
    public string? DisputedAcceptId { get; init; }

    /// <summary>What is wrong with the letter as received (bad enclosure, wrong addressee, …), for the operator.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    public IReadOnlyList<StoredFile> Files { get; init; } = [];

    public StoredFile? MainLetter => Files.FirstOrDefault(f => f.Role == FileRole.Main);

    public IEnumerable<StoredFile> Attachments => Files.Where(f => f.Role == FileRole.Attachment).OrderBy(f => f.Ordinal);
}
