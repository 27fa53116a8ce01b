namespace ECms.Protocol.Messages;

/// <summary>A request a saraban system sends to its own e-CMS endpoint (spec §4–§5).</summary>
public abstract record EcmsRequest
{
    public AddressingHeader Header { get; init; } = new(null, null);

    public abstract Operation Operation { get; }
}

/// <summary>Op 1: CorrespondenceLetterOutboundRequest carrying rsm:GovernmentDocument.</summary>
public sealed record SendLetterRequest(Letter Letter) : EcmsRequest
{
    public override Operation Operation => Operation.SendLetter;
}

/// <summary>Ops 2–6: CorrespondenceLetterOutboundRequest carrying one notifier.</summary>
public sealed record SendNotifierRequest(Notifier Notifier) : EcmsRequest
{
    public override Operation Operation => Notifier.Operation;
}

/// <summary>Op 7: an empty CorrespondenceLetterInboundRequest.</summary>
public sealed record PullRequest : EcmsRequest
{
    public override Operation Operation => Operation.Pull;
}

/// <summary>Op 8: CorrespondenceLetterDeleteRequest(ProcessID).</summary>
public sealed record DeleteFromQueueRequest(string ProcessId) : EcmsRequest
{
    public override Operation Operation => Operation.DeleteFromQueue;
}

/// <summary>Op 9: CorrespondenceDeleteGovernmentDocumentRequest — the sender withdraws a letter to resend it.</summary>
public sealed record WithdrawLetterRequest(
    string LetterId,
    string CorrespondenceDate,
    string SenderDepartmentCode,
    string AcceptDepartmentCode) : EcmsRequest
{
    public override Operation Operation => Operation.WithdrawLetter;
}

/// <summary>
/// Op 10: CorrespondenceLetterInboundSpecialRequest — ask for a letter or notifier again. <see cref="ItemKind"/> is
/// the child element name: GovernmentDocument (unqualified here) or one of the notifier names.
/// </summary>
public sealed record SpecialRequest(
    string ItemKind,
    string LetterId,
    string CorrespondenceDate,
    string SenderDepartmentCode,
    string AcceptDepartmentCode) : EcmsRequest
{
    public override Operation Operation => Operation.SpecialRequest;
}

/// <summary>Ops 11–17: directory and utility calls, all with an empty request element.</summary>
public sealed record DirectoryRequest(Operation DirectoryOperation) : EcmsRequest
{
    public override Operation Operation => DirectoryOperation;

    public static readonly IReadOnlyList<Operation> Operations =
    [
        Operation.GetMinistryOrganizationList, Operation.GetOrganizationList, Operation.GetSecretCodes,
        Operation.GetSpeedCodes, Operation.GetMimeCodes, Operation.OutboundStatus, Operation.TimeCheck,
    ];
}
