using ECms.Protocol;
using ECms.Protocol.Lifecycle;
using ECms.Protocol.Messages;

namespace ECms.Simulators.Hub;

/// <summary>
/// Ops 7, 8 and 10 (spec §5.3, §5.4, §5.6): one FIFO queue per agency for letters and notifiers; a pull returns the head
/// without removing it, so an item is delivered again until its owner deletes it with the exact ProcessID.
/// </summary>
public sealed partial class FakeHub
{
    /// <summary>
    /// Puts a notifier straight into an agency's queue, bypassing every check — for robustness cases the wire cannot
    /// produce, such as a notifier about a letter the agency never sent (checklist C21, D15). Returns its ProcessID.
    /// </summary>
    public string InjectQueueItem(string organizationId, Notifier notifier)
    {
        ArgumentNullException.ThrowIfNull(notifier);
        return Inject(organizationId, now => new QueueEntry
        {
            ProcessId = _state.NextProcessId('Q'),
            OwnerOrganizationId = organizationId,
            Notifier = notifier.AcceptDate is null ? notifier with { AcceptDate = WireFormats.FormatProcessTime(now) } : notifier,
            QueuedAt = now,
        });
    }

    /// <summary>Puts a letter straight into an agency's queue without creating a letter record (e.g. one the hub would refuse). Returns its ProcessID.</summary>
    public string InjectQueueItem(string organizationId, Letter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var fragment = LetterWire.Canonicalize(letter, ReadOnlyMemory<byte>.Empty);
        return Inject(organizationId, now => new QueueEntry
        {
            ProcessId = _state.NextProcessId('Q'),
            OwnerOrganizationId = organizationId,
            LetterFragment = fragment,
            QueuedAt = now,
        });
    }

    private string Inject(string organizationId, Func<DateTimeOffset, QueueEntry> entry)
    {
        _ = EndpointOf(organizationId);
        lock (_state.Gate)
        {
            var processId = _state.Enqueue(entry(Clock.GetUtcNow())).ProcessId;
            WriteThrough();
            return processId;
        }
    }

    private Plan PlanPull(Call call) => Plan.Answer(now =>
    {
        var head = _state.Head(call.Caller);
        if (head is null)
        {
            return new PendingReply(new PullResponse(null));
        }

        _state.CountPull(head, now);
        return Deliver(head, now, Operation.Pull);
    });

    private Plan PlanDelete(Call call, DeleteFromQueueRequest delete)
    {
        var plan = new Plan();
        var processId = delete.ProcessId;
        var item = _state.Item(processId);
        switch (_state.StatusOf(call.Caller, processId))
        {
            case QueueItemStatus.Unknown:
                return plan.Refuse(HubFindings.DeleteUnknown(processId));
            case QueueItemStatus.Foreign:
                return plan.Refuse(HubFindings.DeleteForeign(processId));
            case QueueItemStatus.Deleted:
                // Strict: a MUST finding the policy refuses. Lenient: idempotent success, as real clients retry (spec §5.4).
                plan.Note(HubFindings.DeleteAgain(processId, call.Profile));
                plan.Commit = now => new PendingReply(new DeleteFromQueueResponse(processId, WireFormats.FormatProcessTime(now)));
                return plan;
        }

        plan.Commit = now =>
        {
            _state.Delete(item!, now);
            if (item!.IsLetter && !item.OutOfBand && item.Letter is { } letter)
            {
                letter.Move(now, "ReceiverDeletedLetterItem",
                    LetterLifecycle.Evaluate(letter.State, LetterEvent.ReceiverDeletedLetterItem, call.Profile));
            }

            return new PendingReply(new DeleteFromQueueResponse(processId, WireFormats.FormatProcessTime(now)));
        };
        return plan;
    }

    /// <summary>
    /// Op 10 [HARNESS, spec §5.6]: answered like a pull, with a fresh ProcessID, carrying the letter or its latest
    /// notifier of the asked kind, for either party. The item is deletable but never returned by pulls.
    /// </summary>
    private Plan PlanSpecialRequest(Call call, SpecialRequest special)
    {
        var plan = new Plan();
        var isLetter = special.ItemKind == OperationNames.GovernmentDocument;
        NotifierKind kind = default;
        if (!isLetter && !OperationNames.TryParseNotifier(special.ItemKind, out kind))
        {
            return plan.Refuse(HubFindings.SpecialUnknownKind(special.ItemKind));
        }

        var key = new LetterKey(special.SenderDepartmentCode, special.AcceptDepartmentCode, special.LetterId, special.CorrespondenceDate);
        if (call.Caller != key.SenderOrganizationId && call.Caller != key.ReceiverOrganizationId)
        {
            return plan.Refuse(HubFindings.SpecialNotAParty(call.Caller, key));
        }

        var letter = _state.FindLetter(key);
        var notifier = isLetter ? null : letter?.NotifierItems.LastOrDefault(n => n.Notifier!.Kind == kind);
        if (letter is null || (!isLetter && notifier is null))
        {
            return plan.Refuse(HubFindings.SpecialNotFound(key, special.ItemKind));
        }

        plan.Commit = now =>
        {
            var entry = _state.Enqueue(new QueueEntry
            {
                ProcessId = _state.NextProcessId('R'),
                OwnerOrganizationId = call.Caller,
                Letter = letter,
                Notifier = notifier?.Notifier,
                LetterFragment = isLetter ? letter.Fragment : ReadOnlyMemory<byte>.Empty,
                QueuedAt = now,
                OutOfBand = true,
            });
            return Deliver(entry, now, Operation.SpecialRequest);
        };
        return plan;
    }

    private static PendingReply Deliver(QueueEntry item, DateTimeOffset now, Operation operation)
    {
        var processTime = WireFormats.FormatProcessTime(now);
        return item.Notifier is { } notifier
            ? new PendingReply(new PullResponse(QueueItem.ForNotifier(item.ProcessId, processTime, notifier), operation))
            : new PendingReply(new PullResponse(QueueItem.ForLetter(item.ProcessId, processTime, LetterWire.Stub), operation), item.LetterFragment);
    }
}
