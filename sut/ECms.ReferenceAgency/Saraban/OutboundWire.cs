using ECms.Protocol.Messages;
using ECms.ReferenceAgency.Storage;

namespace ECms.ReferenceAgency.Saraban;

/// <summary>An outbound register row as the protocol's <see cref="Letter"/>, in the wire order of spec §3.1.</summary>
internal static class OutboundWire
{
    public static Letter ToLetter(OutboundLetter row, string ownOrganizationId, string sendDate) => new()
    {
        LetterId = row.LetterId,
        CorrespondenceDate = row.CorrespondenceDate,
        Subject = row.Subject,
        SecretCode = row.SecretCode,
        SpeedCode = row.SpeedCode,
        Sender = Party.ForOrganization(ownOrganizationId, row.Sender.JobTitle, row.Sender.GivenName, row.Sender.FamilyName),
        Receiver = Party.ForOrganization(row.ReceiverId, row.Receiver.JobTitle, row.Receiver.GivenName, row.Receiver.FamilyName),
        References = row.References,
        AttachmentText = row.AttachmentText,
        SendDate = sendDate,
        Description = row.Description,
        MainLetter = row.MainLetter is { Content: { } main } file ? BinaryDocument.FromBytes(file.MimeType, main) : null,
        Attachments = row.Attachments.Where(a => a.Content is not null).Select(a => BinaryDocument.FromBytes(a.MimeType, a.Content)).ToArray(),
    };
}
