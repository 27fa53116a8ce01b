namespace ECms.Protocol.Messages;

/// <summary>What the hub answers (spec §5). Times are wire text, <c>yyyy-MM-ddTHH:mm:ss.fff</c> when the hub writes them.</summary>
public abstract record EcmsResponse
{
    public abstract Operation Operation { get; }
}

/// <summary>One or more ErrorDetail inside the operation's response wrapper, HTTP 200 (spec §9).</summary>
public sealed record ErrorResponse(Operation ForOperation, IReadOnlyList<ErrorDetail> Errors) : EcmsResponse
{
    public override Operation Operation => ForOperation;
}

public sealed record SendLetterResponse(string ProcessId, string ProcessTime, Letter? Echo) : EcmsResponse
{
    public override Operation Operation => Operation.SendLetter;
}

public sealed record SendNotifierResponse(string ProcessId, string ProcessTime, Notifier Notifier) : EcmsResponse
{
    public override Operation Operation => Notifier.Operation;
}

/// <summary>The head of a queue: a letter or a notifier, identified by the queue item's ProcessID (spec §5.3).</summary>
public sealed record QueueItem(string ProcessId, string ProcessTime, Letter? Letter, Notifier? Notifier)
{
    public static QueueItem ForLetter(string processId, string processTime, Letter letter) => new(processId, processTime, letter, null);

    public static QueueItem ForNotifier(string processId, string processTime, Notifier notifier) => new(processId, processTime, null, notifier);
}

/// <summary>Answer to a pull or special request; <see cref="Item"/> null = empty queue (no children at all).</summary>
public sealed record PullResponse(QueueItem? Item, Operation ForOperation = Operation.Pull) : EcmsResponse
{
    public override Operation Operation => ForOperation;
}

public sealed record DeleteFromQueueResponse(string ProcessId, string ProcessTime) : EcmsResponse
{
    public override Operation Operation => Operation.DeleteFromQueue;
}

public sealed record WithdrawLetterResponse(string? ProcessId, string LetterId, string ProcessTime) : EcmsResponse
{
    public override Operation Operation => Operation.WithdrawLetter;
}

public sealed record MinistryListResponse(IReadOnlyList<Ministry> Ministries) : EcmsResponse
{
    public override Operation Operation => Operation.GetMinistryOrganizationList;
}

public sealed record OrganizationListResponse(IReadOnlyList<OrganizationInfo> Organizations) : EcmsResponse
{
    public override Operation Operation => Operation.GetOrganizationList;
}

/// <summary>GetSecretCodes or GetSpeedCodes.</summary>
public sealed record CodeListResponse(Operation ForOperation, IReadOnlyList<CodeValue> Codes) : EcmsResponse
{
    public override Operation Operation => ForOperation;
}

public sealed record MimeCodesResponse(IReadOnlyList<MimeType> MimeTypes) : EcmsResponse
{
    public override Operation Operation => Operation.GetMimeCodes;
}

public sealed record OutboundStatusResponse(IReadOnlyList<OutboundStatus> Items) : EcmsResponse
{
    public override Operation Operation => Operation.OutboundStatus;
}

public sealed record TimeCheckResponse(string EcmsTime) : EcmsResponse
{
    public override Operation Operation => Operation.TimeCheck;
}
