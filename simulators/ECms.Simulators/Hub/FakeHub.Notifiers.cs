using ECms.Protocol;
using ECms.Protocol.Lifecycle;
using ECms.Protocol.Messages;

namespace ECms.Simulators.Hub;

/// <summary>
/// Ops 2–6, the five notifiers (spec §5.2): find the letter between the caller and its counterpart, check the caller's
/// role and the transition with <see cref="LetterLifecycle"/>, queue the notifier for the counterpart with AcceptDate
/// and AcceptDepartment/Code (always the letter's receiver, spec §5.2 [HARNESS]).
/// </summary>
public sealed partial class FakeHub
{
    private Plan PlanNotifier(Call call, Notifier notifier)
    {
        var plan = new Plan();
        var numbered = _state.LettersNumbered(notifier.LetterId, notifier.CorrespondenceDate);
        var involving = numbered.Where(l => IsParty(l, call.Caller)).ToArray();
        if (involving.Length == 0)
        {
            return plan.Refuse(numbered.Count == 0
                ? HubFindings.NotifierLetterNotFound(notifier)
                : HubFindings.NotifierFromNonParty(notifier, call.Caller));
        }

        var bySender = notifier.Kind.IsSentByLetterSender();
        var inRole = involving.Where(l => (bySender ? l.Key.SenderOrganizationId : l.Key.ReceiverOrganizationId) == call.Caller).ToArray();
        if (inRole.Length == 0)
        {
            return plan.Refuse(HubFindings.NotifierWrongRole(notifier, call.Caller));
        }

        // Route by wsa:To when it names the counterpart; otherwise the newest letter in role (lenient routing, spec §2.2).
        var addressed = call.Request.Header.To is { } to ? _directory.FindByEndpoint(to)?.OrganizationId : null;
        var letter = inRole.FirstOrDefault(l => Counterpart(l, bySender) == addressed) ?? inRole[0];
        var from = letter.State;
        var verdict = LetterLifecycle.Evaluate(from, LetterLifecycle.EventFor(notifier.Kind), call.Profile);
        if (!verdict.Allowed)
        {
            return plan.Refuse(HubFindings.Transition(notifier, letter.Key, from, verdict));
        }

        if (verdict.Warning is not null)
        {
            plan.Note(HubFindings.Transition(notifier, letter.Key, from, verdict));
        }

        plan.Commit = now =>
        {
            var processId = _state.NextProcessId('N');
            var processTime = WireFormats.FormatProcessTime(now);
            var queued = notifier.AsRequest() with
            {
                AcceptId = notifier.Kind.CarriesAcceptId() ? notifier.AcceptId ?? "" : null,
                AcceptDate = processTime,
                AcceptDepartmentCode = letter.Key.ReceiverOrganizationId,
            };
            letter.NotifierItems.Add(_state.Enqueue(new QueueEntry
            {
                ProcessId = Options.QueueItemReusesSubmissionProcessId ? processId : _state.NextProcessId('Q'),
                OwnerOrganizationId = Counterpart(letter, bySender),
                Letter = letter,
                Notifier = queued,
                QueuedAt = now,
            }));
            if (notifier.Kind == NotifierKind.AcceptLetter)
            {
                _state.RecordAcceptId(letter, notifier.AcceptId);
            }

            letter.Move(now, notifier.Kind.ElementName(), verdict);
            return new PendingReply(new SendNotifierResponse(processId, processTime, queued));
        };
        return plan;
    }

    private static bool IsParty(HubLetter letter, string organizationId) =>
        letter.Key.SenderOrganizationId == organizationId || letter.Key.ReceiverOrganizationId == organizationId;

    /// <summary>Who receives a notifier: the letter's sender for receiver-sent notifiers, its receiver for InvalidAcceptID.</summary>
    private static string Counterpart(HubLetter letter, bool notifierBySender) =>
        notifierBySender ? letter.Key.ReceiverOrganizationId : letter.Key.SenderOrganizationId;
}
