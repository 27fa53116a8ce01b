using ECms.Protocol.Lifecycle;
using ECms.Protocol.Messages;

namespace ECms.Simulators.Hub;

/// <summary>A letter the hub accepted: its key and state (spec §6.2), its canonical bytes, and what happened to it.</summary>
internal sealed class HubLetter
{
    public required LetterKey Key { get; init; }

    /// <summary>The letter without its binary contents (those live once, in <see cref="Fragment"/>).</summary>
    public required Letter Summary { get; init; }

    /// <summary>The canonical rsm:GovernmentDocument bytes delivered to the receiver.</summary>
    public required ReadOnlyMemory<byte> Fragment { get; init; }

    public required string SubmissionProcessId { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    /// <summary>Changed only through <see cref="Move"/>, which records the step.</summary>
    public LetterState State { get; set; } = LetterState.Sent;
    public string? AcceptId { get; set; }
    public QueueEntry? LetterItem { get; set; }
    public List<QueueEntry> NotifierItems { get; } = [];
    public List<LetterStep> History { get; } = [];

    /// <summary>Told of every step, so that the hub's store can write the letter through (set by <see cref="HubState"/>).</summary>
    public Action<HubLetter>? Changed { get; set; }

    public LetterRecord ToRecord() => new(Key, State, Summary.Subject, AcceptId);

    public void Move(DateTimeOffset at, string happening, TransitionVerdict verdict)
    {
        History.Add(new LetterStep(at, happening, State, verdict.To, verdict.Warning));
        State = verdict.To;
        Changed?.Invoke(this);
    }

    public HubLetterView ToView() => new(Key, State, Summary.Subject, AcceptId, SubmissionProcessId, SentAt, History.ToArray());

    /// <summary>The letter as stored: binaries emptied, so the hub keeps one copy of the content, as bytes.</summary>
    public static Letter Summarize(Letter letter) => letter with
    {
        MainLetter = letter.MainLetter is null ? null : letter.MainLetter with { ContentBase64 = "" },
        Attachments = letter.Attachments.Select(a => a with { ContentBase64 = "" }).ToArray(),
    };
}
