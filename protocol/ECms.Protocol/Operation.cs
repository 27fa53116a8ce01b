namespace ECms.Protocol;

/// <summary>Every operation of spec §4, told apart by the body's first child (and, for op 1–6, its child).</summary>
public enum Operation
{
    Unknown = 0,
    SendLetter,
    SendReceiveLetterNotifier,
    SendAcceptLetterNotifier,
    SendRejectLetterNotifier,
    SendInvalidLetterNotifier,
    SendInvalidAcceptIdNotifier,
    Pull,
    DeleteFromQueue,
    WithdrawLetter,
    SpecialRequest,
    GetMinistryOrganizationList,
    GetOrganizationList,
    GetSecretCodes,
    GetSpeedCodes,
    GetMimeCodes,
    OutboundStatus,
    TimeCheck,
}
