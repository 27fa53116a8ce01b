namespace ECms.Protocol;

/// <summary>The five notifier types (spec §5.2). The element name is the wire name.</summary>
public enum NotifierKind
{
    ReceiveLetter,
    AcceptLetter,
    RejectLetter,
    InvalidLetter,
    InvalidAcceptId,
}
