using ECms.Protocol.Messages;

namespace ECms.Simulators.Peer;

/// <summary>An item the peer pulled and stored, once per ProcessID however often it was delivered.</summary>
public sealed class PeerInboxItem(string processId, Letter? letter, Notifier? notifier, DateTimeOffset receivedAt)
{
    public string ProcessId { get; } = processId;
    public Letter? Letter { get; } = letter;
    public Notifier? Notifier { get; } = notifier;
    public DateTimeOffset ReceivedAt { get; } = receivedAt;
    public int Deliveries { get; internal set; } = 1;
    public bool Deleted { get; internal set; }
    public bool Answered { get; internal set; }
}

/// <summary>A letter the peer sent, and what it learnt about it from the notifiers it pulled.</summary>
public sealed class PeerSentLetter(Letter letter, string processId, DateTimeOffset sentAt)
{
    /// <summary>The letter as sent, without its file contents.</summary>
    public Letter Letter { get; } = letter;
    public string ProcessId { get; } = processId;
    public DateTimeOffset SentAt { get; } = sentAt;
    public LetterKey Key => Letter.Key;
    public bool Acknowledged { get; internal set; }
    public string? AcceptId { get; internal set; }
    public bool Rejected { get; internal set; }
    public bool ReportedInvalid { get; internal set; }
    public bool Withdrawn { get; internal set; }
}
