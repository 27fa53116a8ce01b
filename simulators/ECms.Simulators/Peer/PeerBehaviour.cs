using ECms.Protocol.Messages;

namespace ECms.Simulators.Peer;

/// <summary>
/// What a <see cref="FakePeerAgency"/> does with what it pulls, as a saraban system's users would. As receiver: reject,
/// report as wrong, or acknowledge and register with a receipt number. As sender: withdraw a rejected letter.
/// </summary>
public sealed record PeerBehaviour
{
    /// <summary>Pulls and deletes, answers nothing.</summary>
    public static PeerBehaviour Passive { get; } = new();

    /// <summary>Acknowledges every letter and registers it with a receipt number (FAQ steps 3–4).</summary>
    public static PeerBehaviour Cooperative { get; } = new() { AutoAcknowledge = true, AutoRegister = true };

    /// <summary>Acknowledges, then rejects every letter.</summary>
    public static PeerBehaviour Rejecting { get; } = new() { AutoAcknowledge = true, Reject = _ => true };

    /// <summary>Reports every letter as sent to the wrong agency.</summary>
    public static PeerBehaviour ReportingInvalid { get; } = new() { ReportInvalid = _ => true };

    /// <summary>Send a ReceiveLetterNotifier for each letter pulled.</summary>
    public bool AutoAcknowledge { get; init; }

    /// <summary>Send an AcceptLetterNotifier with a receipt number for each letter pulled (and a corrected one when the sender disputes it).</summary>
    public bool AutoRegister { get; init; }

    /// <summary>Letters to refuse with a RejectLetterNotifier instead of registering them.</summary>
    public Func<Letter, bool>? Reject { get; init; }

    /// <summary>Letters to report with an InvalidLetterNotifier instead of registering them.</summary>
    public Func<Letter, bool>? ReportInvalid { get; init; }

    /// <summary>Receipt numbers; by default "รับ {Buddhist-era year}/{n:D5}", counting from 1.</summary>
    public Func<Letter, int, string>? ReceiptNumber { get; init; }

    /// <summary>As sender, withdraw a letter as soon as its rejection or wrong-letter notice arrives (the 2.0 client does).</summary>
    public bool AutoWithdrawRejected { get; init; }

    /// <summary>Wait this long (peer clock) before each answer, like a clerk who takes time.</summary>
    public TimeSpan AnswerDelay { get; init; }

    /// <summary>Delete each item after storing it (spec §5.4). Off = leave items for re-delivery tests.</summary>
    public bool DeleteAfterPull { get; init; } = true;

    /// <summary>The most items one <see cref="FakePeerAgency.ProcessQueueAsync"/> pulls.</summary>
    public int MaxItemsPerCycle { get; init; } = 50;
}
