using ECms.Protocol;
using ECms.Protocol.Lifecycle;
using ECms.Protocol.Messages;

namespace ECms.Simulators.Hub;

/// <summary>Op 1, send letter (spec §5.1): the sender is the endpoint's owner, the receiver must be connected, the key free.</summary>
public sealed partial class FakeHub
{
    private Plan PlanSendLetter(Call call, SendLetterRequest send)
    {
        var plan = new Plan();
        var letter = send.Letter;
        var key = letter.Key;
        if (key.SenderOrganizationId != call.Caller)
        {
            plan.Refuse(HubFindings.SenderIsNotCaller(call.Caller, key.SenderOrganizationId));
        }

        if (_directory.Agency(key.ReceiverOrganizationId) is null)
        {
            plan.Refuse(HubFindings.UnknownReceiver(key.ReceiverOrganizationId));
        }

        var existing = _state.FindLetter(key);
        var resend = existing is null ? null : LetterLifecycle.Evaluate(existing.State, LetterEvent.Resend, call.Profile);
        if (existing is not null && resend is { Allowed: false })
        {
            plan.Refuse(HubFindings.Duplicate(key, existing.State, resend.Refusal!));
        }

        plan.Commit = now =>
        {
            var processId = _state.NextProcessId('S');
            var accepted = new HubLetter
            {
                Key = key,
                Summary = HubLetter.Summarize(letter),
                Fragment = call.CanonicalLetter,
                SubmissionProcessId = processId,
                SentAt = now,
            };
            accepted.History.Add(new LetterStep(now, existing is null ? "Send" : "Resend", existing?.State ?? LetterState.Sent, LetterState.Sent));
            _state.AddLetter(accepted);
            accepted.LetterItem = _state.Enqueue(new QueueEntry
            {
                ProcessId = Options.QueueItemReusesSubmissionProcessId ? processId : _state.NextProcessId('Q'),
                OwnerOrganizationId = key.ReceiverOrganizationId,
                Letter = accepted,
                LetterFragment = call.CanonicalLetter,
                QueuedAt = now,
            });

            var processTime = WireFormats.FormatProcessTime(now);
            return Options.EchoLetterInSendResponse
                ? new PendingReply(new SendLetterResponse(processId, processTime, LetterWire.Stub), call.CanonicalLetter)
                : new PendingReply(new SendLetterResponse(processId, processTime, null));
        };
        return plan;
    }
}
