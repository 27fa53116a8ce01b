namespace ECms.Protocol.Lifecycle;

/// <summary>The hub-side states of a letter (spec §6.2).</summary>
public enum LetterState
{
    Sent,
    Delivered,
    Acknowledged,
    Registered,
    AcceptIdDisputed,
    Rejected,
    Invalid,
    Withdrawn,
}
