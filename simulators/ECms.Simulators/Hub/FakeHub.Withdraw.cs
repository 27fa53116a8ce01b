using ECms.Protocol;
using ECms.Protocol.Lifecycle;
using ECms.Protocol.Messages;

namespace ECms.Simulators.Hub;

/// <summary>
/// Op 9, withdraw for resend (spec §5.5): only the sender, only an existing letter, only from a state the life cycle
/// allows. The receiver is not told (spec §5.3 [HARNESS]) and an unpulled letter item stays in its queue.
/// </summary>
public sealed partial class FakeHub
{
    private Plan PlanWithdraw(Call call, WithdrawLetterRequest withdraw)
    {
        var plan = new Plan();
        if (withdraw.SenderDepartmentCode != call.Caller)
        {
            return plan.Refuse(HubFindings.WithdrawByNonSender(call.Caller, withdraw.SenderDepartmentCode));
        }

        var key = new LetterKey(withdraw.SenderDepartmentCode, withdraw.AcceptDepartmentCode, withdraw.LetterId, withdraw.CorrespondenceDate);
        var letter = _state.FindLetter(key);
        if (letter is null)
        {
            return plan.Refuse(HubFindings.WithdrawNotFound(key));
        }

        var verdict = LetterLifecycle.Evaluate(letter.State, LetterEvent.Withdraw, call.Profile);
        if (!verdict.Allowed)
        {
            return plan.Refuse(HubFindings.WithdrawTransition(key, letter.State, verdict));
        }

        if (verdict.Warning is not null)
        {
            plan.Note(HubFindings.WithdrawTransition(key, letter.State, verdict));
        }

        plan.Commit = now =>
        {
            letter.Move(now, "Withdraw", verdict);
            return new PendingReply(new WithdrawLetterResponse(_state.NextProcessId('W'), withdraw.LetterId, WireFormats.FormatProcessTime(now)));
        };
        return plan;
    }
}
