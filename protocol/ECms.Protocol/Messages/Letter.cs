namespace ECms.Protocol.Messages;

/// <summary>
/// ram:CorrespondenceLetter inside rsm:GovernmentDocument (spec §3.1), field for field, in wire order.
/// Dates and codes are wire text (see <see cref="WireFormats"/>) so that a Buddhist-era year or a 2-digit code
/// read from a stranger is kept as it came and can be reported.
/// </summary>
public sealed record Letter
{
    public required string LetterId { get; init; }
    public required string CorrespondenceDate { get; init; }
    public required string Subject { get; init; }
    public string SecretCode { get; init; } = "001";
    public string SpeedCode { get; init; } = "001";
    public required Party Sender { get; init; }
    public required Party Receiver { get; init; }
    public IReadOnlyList<LetterReference> References { get; init; } = [];
    public string AttachmentText { get; init; } = "-";
    public required string SendDate { get; init; }
    public string Description { get; init; } = "";

    /// <summary>The cover letter. Null means the element is absent (a violation of R-SEND-MAIN, but readable).</summary>
    public BinaryDocument? MainLetter { get; init; }

    public IReadOnlyList<BinaryDocument> Attachments { get; init; } = [];

    /// <summary>ram:CorrespondenceLetter/@ID; "Letter" in every known client (an XML-signature reference target).</summary>
    public string? ElementId { get; init; } = "Letter";

    /// <summary>ram:GovernmentSignature (1.x only); kept as its outer XML when present.</summary>
    public string? GovernmentSignatureXml { get; init; }

    public LetterKey KeyFor(string senderOrganizationId, string receiverOrganizationId) =>
        new(senderOrganizationId, receiverOrganizationId, LetterId, CorrespondenceDate);

    /// <summary>The hub's identity of this letter: sender + receiver + number + date (spec §6.2).</summary>
    public LetterKey Key => new(Sender.OrganizationId, Receiver.OrganizationId, LetterId, CorrespondenceDate);
}
