namespace ECms.Protocol.Messages;

/// <summary>
/// One of the five notifiers (spec §5.2). Requests carry LetterID, [AcceptID], CorrespondenceDate, Subject;
/// the hub adds AcceptDate and AcceptDepartment/Code in responses and queue items.
/// </summary>
public sealed record Notifier(
    NotifierKind Kind,
    string LetterId,
    string CorrespondenceDate,
    string Subject,
    string? AcceptId = null,
    string? AcceptDate = null,
    string? AcceptDepartmentCode = null)
{
    public Operation Operation => Kind.ToOperation();

    /// <summary>The request form: the hub-added fields removed.</summary>
    public Notifier AsRequest() => this with { AcceptDate = null, AcceptDepartmentCode = null };
}
