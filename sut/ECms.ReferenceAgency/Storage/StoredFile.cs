namespace ECms.ReferenceAgency.Storage;

/// <summary>
/// A cover letter or enclosure as the register keeps it: the decoded bytes with their size and SHA-256, or — for
/// content that could not be decoded — no bytes and the <see cref="Problem"/> an operator is shown.
/// </summary>
internal sealed record StoredFile(
    FileRole Role,
    int Ordinal,
    string? FileName,
    string MimeType,
    byte[]? Content,
    long? Size,
    string? Sha256,
    string? Problem);

internal enum FileRole
{
    Main,
    Attachment,
}
