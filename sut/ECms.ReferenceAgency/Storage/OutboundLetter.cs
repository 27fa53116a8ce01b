using ECms.Protocol.Messages;

namespace ECms.ReferenceAgency.Storage;

/// <summary>A row of the outbound register with its files, in the agency's own terms (dates Gregorian yyyy-MM-dd).</summary>
internal sealed record OutboundLetter
{
    public long Id { get; init; }
    public required string ReceiverId { get; init; }
    public required string LetterId { get; init; }
    public required string CorrespondenceDate { get; init; }
    public required string Subject { get; init; }
    public required string SecretCode { get; init; }
    public required string SpeedCode { get; init; }
    public string Description { get; init; } = "";
    public string AttachmentText { get; init; } = "-";
    public PartyNames Sender { get; init; } = PartyNames.Empty;
    public PartyNames Receiver { get; init; } = PartyNames.Empty;
    public IReadOnlyList<LetterReference> References { get; init; } = [];
    public OutboundState State { get; init; }
    public string? ProcessId { get; init; }
    public string? SendDate { get; init; }
    public string? AcceptId { get; init; }
    public string? AcceptDate { get; init; }
    public string? AcceptDepartment { get; init; }
    public string? LastError { get; init; }
    public IReadOnlyList<StoredFile> Files { get; init; } = [];

    public StoredFile? MainLetter => Files.FirstOrDefault(f => f.Role == FileRole.Main);

    public IEnumerable<StoredFile> Attachments => Files.Where(f => f.Role == FileRole.Attachment).OrderBy(f => f.Ordinal);
}
