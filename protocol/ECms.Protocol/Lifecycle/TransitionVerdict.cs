namespace ECms.Protocol.Lifecycle;

/// <summary>The answer of <see cref="LetterLifecycle"/>: where the letter goes, and whether the move is clean.</summary>
public sealed record TransitionVerdict(bool Allowed, LetterState To, string? Warning, string? Refusal)
{
    public static TransitionVerdict Clean(LetterState to) => new(true, to, null, null);

    public static TransitionVerdict Tolerated(LetterState to, string warning) => new(true, to, warning, null);

    public static TransitionVerdict Refused(LetterState stays, string refusal) => new(false, stays, null, refusal);
}
