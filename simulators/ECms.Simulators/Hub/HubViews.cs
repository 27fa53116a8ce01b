using ECms.Protocol;
using ECms.Protocol.Lifecycle;
using ECms.Protocol.Messages;

namespace ECms.Simulators.Hub;

/// <summary>One step in a letter's life at the hub: the event, the states before and after, and any tolerance warning.</summary>
public sealed record LetterStep(DateTimeOffset At, string Event, LetterState From, LetterState To, string? Warning = null);

/// <summary>A letter as the hub holds it (binaries not included): for assertions and the monitor.</summary>
public sealed record HubLetterView(
    LetterKey Key,
    LetterState State,
    string Subject,
    string? AcceptId,
    string SubmissionProcessId,
    DateTimeOffset SentAt,
    IReadOnlyList<LetterStep> History);

/// <summary>An item waiting in an agency's queue, in FIFO order.</summary>
public sealed record QueuedItemView(
    string ProcessId,
    LetterKey? Letter,
    NotifierKind? Notifier,
    DateTimeOffset QueuedAt,
    int PullCount)
{
    public bool IsLetter => Notifier is null;
}
