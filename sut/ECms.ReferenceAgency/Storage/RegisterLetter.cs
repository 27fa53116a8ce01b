using ECms.Protocol.Messages;

namespace ECms.ReferenceAgency.Storage;

/// <summary>
/// What both registers keep of a letter, in the agency's own terms (dates Gregorian yyyy-MM-dd): its row, receiver,
/// number and date, text, parties, references and files. <see cref="OutboundLetter"/> and <see cref="InboundLetter"/>
/// add their side's facts, and the store reads these shared columns with one piece of code for both.
/// </summary>
internal abstract record RegisterLetter
{
    public long Id { get; init; }
    public required string ReceiverId { get; init; }
    public required string LetterId { get; init; }
    public required string CorrespondenceDate { get; init; }
    public required string Subject { get; init; }
    public required string SecretCode { get; init; }
    public required string SpeedCode { get; init; }
    public string Description { get; init; } = "";
    public required string AttachmentText { get; init; }
    public PartyNames Sender { get; init; } = PartyNames.Empty;
    public PartyNames Receiver { get; init; } = PartyNames.Empty;
    public IReadOnlyList<LetterReference> References { get; init; } = [];
    public IReadOnlyList<StoredFile> Files { get; init; } = [];

    public StoredFile? MainLetter => Files.FirstOrDefault(f => f.Role == FileRole.Main);

    public IEnumerable<StoredFile> Attachments => Files.Where(f => f.Role == FileRole.Attachment).OrderBy(f => f.Ordinal);
}
