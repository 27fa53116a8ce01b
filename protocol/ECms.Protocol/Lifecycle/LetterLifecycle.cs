using ECms.Protocol.Rules;

namespace ECms.Protocol.Lifecycle;

/// <summary>
/// The transition table of spec §6.2 in one place, for both strictness levels. The hub moves letters with it and
/// the rule R-NTF-STATE / R-DELDOC-1 judge traffic with it, so they can never disagree.
/// </summary>
public static class LetterLifecycle
{
    public static bool IsActive(LetterState state) => state != LetterState.Withdrawn;

    public static TransitionVerdict Evaluate(LetterState from, LetterEvent happening, ValidationProfile profile)
    {
        var strict = profile == ValidationProfile.Strict;
        return (from, happening) switch
        {
            (LetterState.Withdrawn, LetterEvent.Resend) => TransitionVerdict.Clean(LetterState.Sent),
            (_, LetterEvent.Resend) => TransitionVerdict.Refused(from, "an active letter with this number and date already exists for this receiver"),

            (LetterState.Sent, LetterEvent.ReceiverDeletedLetterItem) => TransitionVerdict.Clean(LetterState.Delivered),
            (_, LetterEvent.ReceiverDeletedLetterItem) => TransitionVerdict.Clean(from),

            (LetterState.Delivered, LetterEvent.Acknowledge) => TransitionVerdict.Clean(LetterState.Acknowledged),
            (LetterState.Sent, LetterEvent.Acknowledge or LetterEvent.Accept or LetterEvent.Reject or LetterEvent.ReportInvalid) when strict =>
                TransitionVerdict.Refused(from, "the receiver has not pulled and deleted the letter yet"),
            (LetterState.Sent, LetterEvent.Acknowledge) => TransitionVerdict.Tolerated(LetterState.Acknowledged, "acknowledged before the letter was pulled"),
            (LetterState.Acknowledged, LetterEvent.Acknowledge) when !strict => TransitionVerdict.Tolerated(from, "acknowledged twice"),

            (LetterState.Acknowledged, LetterEvent.Accept) => TransitionVerdict.Clean(LetterState.Registered),
            (LetterState.AcceptIdDisputed, LetterEvent.Accept) => TransitionVerdict.Clean(LetterState.Registered),
            // A 1.x client skipped the acknowledgement; both modes accept it with a warning (checklist C14).
            (LetterState.Delivered or LetterState.Sent, LetterEvent.Accept) =>
                TransitionVerdict.Tolerated(LetterState.Registered, "receipt number sent without a prior receipt acknowledgement"),

            (LetterState.Delivered or LetterState.Acknowledged, LetterEvent.Reject) => TransitionVerdict.Clean(LetterState.Rejected),
            (LetterState.Delivered or LetterState.Acknowledged, LetterEvent.ReportInvalid) => TransitionVerdict.Clean(LetterState.Invalid),
            (LetterState.Sent, LetterEvent.Reject) => TransitionVerdict.Tolerated(LetterState.Rejected, "rejected before the letter was pulled"),
            (LetterState.Sent, LetterEvent.ReportInvalid) => TransitionVerdict.Tolerated(LetterState.Invalid, "reported invalid before the letter was pulled"),
            (LetterState.Registered, LetterEvent.Reject) when !strict => TransitionVerdict.Tolerated(LetterState.Rejected, "rejected after registration"),
            (LetterState.Registered, LetterEvent.ReportInvalid) when !strict => TransitionVerdict.Tolerated(LetterState.Invalid, "reported invalid after registration"),

            (LetterState.Registered, LetterEvent.DisputeAcceptId) => TransitionVerdict.Clean(LetterState.AcceptIdDisputed),

            (LetterState.Rejected or LetterState.Invalid, LetterEvent.Withdraw) => TransitionVerdict.Clean(LetterState.Withdrawn),
            (LetterState.Withdrawn, LetterEvent.Withdraw) => TransitionVerdict.Refused(from, "the letter has already been withdrawn"),
            (_, LetterEvent.Withdraw) when strict => TransitionVerdict.Refused(from, $"a letter in state {from} cannot be withdrawn; only after a rejection or a wrong-letter notice"),
            (LetterState.Registered or LetterState.AcceptIdDisputed, LetterEvent.Withdraw) =>
                TransitionVerdict.Refused(from, $"a letter in state {from} cannot be withdrawn: the receiver has registered it"),
            (_, LetterEvent.Withdraw) => TransitionVerdict.Tolerated(LetterState.Withdrawn, $"withdrawn from state {from}"),

            _ => TransitionVerdict.Refused(from, $"{happening} is not allowed for a letter in state {from}"),
        };
    }

    public static LetterEvent EventFor(NotifierKind kind) => kind switch
    {
        NotifierKind.ReceiveLetter => LetterEvent.Acknowledge,
        NotifierKind.AcceptLetter => LetterEvent.Accept,
        NotifierKind.RejectLetter => LetterEvent.Reject,
        NotifierKind.InvalidLetter => LetterEvent.ReportInvalid,
        NotifierKind.InvalidAcceptId => LetterEvent.DisputeAcceptId,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
