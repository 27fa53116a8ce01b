namespace ECms.ReferenceAgency.Saraban;

/// <summary>The send-letter payload of the control API: what an operator types into the "new letter" form.</summary>
internal sealed record LetterDraft
{
    public string? ReceiverOrganizationId { get; init; }
    public string? LetterId { get; init; }
    public string? CorrespondenceDate { get; init; }
    public string? Subject { get; init; }
    public string? SecretCode { get; init; }
    public string? SpeedCode { get; init; }
    public string? Description { get; init; }
    public string? AttachmentText { get; init; }
    public PersonDraft? Sender { get; init; }
    public PersonDraft? Receiver { get; init; }
    public IReadOnlyList<ReferenceDraft?>? References { get; init; }
    public FileDraft? MainLetter { get; init; }
    public IReadOnlyList<FileDraft?>? Attachments { get; init; }
}

internal sealed record PersonDraft(string? GivenName, string? FamilyName, string? JobTitle);

internal sealed record ReferenceDraft(string? LetterId, string? CorrespondenceDate, string? Subject);

internal sealed record FileDraft(string? FileName, string? MimeType, string? ContentBase64);
