using ECms.Protocol.Messages;
using ECms.ReferenceAgency.Storage;

namespace ECms.ReferenceAgency.ControlApi;

/// <summary>A letter as GET letters/outbound and letters/inbound list it (sut-control-api.md), plus the documented extensions.</summary>
internal sealed record LetterView(
    string CounterpartOrganizationId,
    string LetterId,
    string CorrespondenceDate,
    string Subject,
    string SecretCode,
    string SpeedCode,
    string Status,
    string? ProcessId,
    string? AcceptId,
    string? AcceptDate,
    FileView? MainLetter,
    IReadOnlyList<FileView> Attachments,
    IReadOnlyList<ReferenceView> References,
    string? AcceptDepartment,
    IReadOnlyList<string> Problems)
{
    public static LetterView From(OutboundLetter l) => new(
        l.ReceiverId, l.LetterId, l.CorrespondenceDate, l.Subject, l.SecretCode, l.SpeedCode, RegisterStatus.Name(l.State),
        l.ProcessId, l.AcceptId, l.AcceptDate, FileView.From(l.MainLetter), l.Attachments.Select(a => FileView.From(a)!).ToArray(),
        ToViews(l.References), l.AcceptDepartment, []);

    public static LetterView From(InboundLetter l) => new(
        l.SenderId, l.LetterId, l.CorrespondenceDate, l.Subject, l.SecretCode, l.SpeedCode, RegisterStatus.Name(l.State),
        l.ProcessId, l.AcceptId, l.AcceptDate, FileView.From(l.MainLetter), l.Attachments.Select(a => FileView.From(a)!).ToArray(),
        ToViews(l.References), null, l.Problems);

    private static ReferenceView[] ToViews(IEnumerable<LetterReference> references) =>
        references.Select(r => new ReferenceView(r.LetterId, r.CorrespondenceDate, r.Subject)).ToArray();
}

/// <summary>A stored file: its type, decoded size and SHA-256 (null for content that could not be decoded).</summary>
internal sealed record FileView(string MimeType, long? Size, string? Sha256)
{
    public static FileView? From(StoredFile? file) => file is null ? null : new FileView(file.MimeType, file.Size, file.Sha256);
}

internal sealed record ReferenceView(string LetterId, string CorrespondenceDate, string Subject);
