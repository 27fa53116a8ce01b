namespace ECms.Protocol.Lifecycle;

/// <summary>What can happen to a letter that already exists at the hub (spec §6.2).</summary>
public enum LetterEvent
{
    /// <summary>The receiver deleted its letter queue item (op 8).</summary>
    ReceiverDeletedLetterItem,
    Acknowledge,
    Accept,
    Reject,
    ReportInvalid,
    DisputeAcceptId,
    Withdraw,
    /// <summary>Op 1 with the key of this letter.</summary>
    Resend,
}
