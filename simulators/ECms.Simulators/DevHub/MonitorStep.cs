namespace ECms.Simulators.DevHub;

/// <summary>The monitor's status of a letter: the five steps the hub sees, in order, then the endings that stop them.</summary>
internal enum MonitorStep
{
    Sent = 1,
    Pulled = 2,
    Acknowledged = 3,
    ReceiptNumber = 4,
    Collected = 5,
    Rejected = 10,
    Invalid = 11,
    Withdrawn = 12,
}
