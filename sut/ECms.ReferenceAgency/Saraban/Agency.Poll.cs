using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.ReferenceAgency.Faults;
using ECms.ReferenceAgency.Hub;
using ECms.ReferenceAgency.Storage;
using Microsoft.Extensions.Logging;

namespace ECms.ReferenceAgency.Saraban;

/// <summary>
/// One polling cycle (spec §5.3, R-PULL-2…4): pull the head of the queue, store what it carries in one committed
/// transaction together with its ProcessID, then delete it; repeat until the queue is empty or the batch limit is
/// reached. A ProcessID already stored is only deleted again, so a re-delivery never creates a second record. An item
/// that matches no letter is parked and still deleted; an item that cannot be stored stays in the queue.
/// </summary>
internal sealed partial class Agency
{
    public Task<ActionResult> PollAsync(CancellationToken cancellationToken) =>
        SerializedAsync((endpoint, own) => PollCycleAsync(endpoint, own, cancellationToken), cancellationToken);

    private async Task<ActionResult> PollCycleAsync(Uri endpoint, string own, CancellationToken cancellationToken)
    {
        var processed = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rechecked = false;
        var skipped = false;
        while (processed < _options.BatchLimit)
        {
            var pulled = Expect<PullResponse>(await CallAsync(endpoint, new PullRequest(), endpoint.OriginalString, cancellationToken).ConfigureAwait(false));
            if (pulled.Response is not PullResponse pull)
            {
                if (_faults.Has(AgencyFault.SkipUnreadableQueueHead) && pulled.Failure == HubFailureKind.BadResponse && !skipped)
                {
                    skipped = true;
                    await SkipQueueHeadAsync(endpoint, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (_faults.Has(AgencyFault.BlankInboxRowOnEmptyPull) && pulled.Failure == HubFailureKind.BadResponse)
                {
                    // The same mapping: an answer that yields no queue item becomes a blank row.
                    RecordBlankInboxRow();
                }

                // A broken answer creates nothing and deletes nothing (checklist A7).
                return HubProblem("hand out the next queue item", pulled, ("processed", processed));
            }

            if (pull.Item is not { } item)
            {
                if (_faults.Has(AgencyFault.BlankInboxRowOnEmptyPull))
                {
                    RecordBlankInboxRow();
                }

                if (_faults.Has(AgencyFault.RepullEmptyQueue) && !rechecked)
                {
                    // "In case a letter arrived just now": a second pull with nothing in between.
                    rechecked = true;
                    continue;
                }

                break;
            }

            if (!seen.Add(item.ProcessId))
            {
                // The hub hands out an item this cycle already deleted (or, with never-delete, kept): stop, try next cycle.
                _logger.LogWarning("Queue item {ProcessId} came back within one cycle; the cycle stops here.", item.ProcessId);
                break;
            }

            var deleteFirst = _faults.Has(AgencyFault.DeleteBeforePersist);
            if (deleteFirst)
            {
                var early = await DeleteItemAsync(endpoint, item, cancellationToken).ConfigureAwait(false);
                if (early is not null)
                {
                    return early with { Fields = [KeyValuePair.Create<string, object?>("processed", processed)] };
                }
            }

            var storeProblem = StoreItem(item, own);
            if (storeProblem is not null)
            {
                return ActionResult.Refused($"Queue item {item.ProcessId} could not be stored: {storeProblem} "
                    + (deleteFirst ? "It was already deleted from the queue." : "It stays in the queue, undeleted, until it can be stored."));
            }

            if (!deleteFirst && !_faults.Has(AgencyFault.NeverDelete))
            {
                var deleted = await DeleteItemAsync(endpoint, item, cancellationToken).ConfigureAwait(false);
                if (deleted is not null)
                {
                    return deleted with { Fields = [KeyValuePair.Create<string, object?>("processed", processed)] };
                }
            }

            if (_faults.Has(AgencyFault.AcknowledgeNotifiers) && item.Notifier is { Kind: NotifierKind.AcceptLetter } accepted)
            {
                await AcknowledgeNotifierAsync(endpoint, accepted, cancellationToken).ConfigureAwait(false);
            }

            if (_faults.Has(AgencyFault.DeleteSentLetterProcessId) && item.Notifier is { Kind: NotifierKind.ReceiveLetter } receipt)
            {
                await DeleteSentLetterProcessIdAsync(endpoint, receipt, cancellationToken).ConfigureAwait(false);
            }

            processed++;
        }

        return ActionResult.Done(("processed", processed));
    }

    /// <summary>
    /// acknowledge-notifiers: the receipt acknowledgement a receiver sends for a letter, sent back for the peer's
    /// receipt-number notice about a letter this agency itself sent — the sender acknowledging its own letter. Its
    /// answer is not looked at, as such products do.
    /// </summary>
    private async Task AcknowledgeNotifierAsync(Uri endpoint, Notifier accepted, CancellationToken cancellationToken)
    {
        var letter = _store.InTransaction(s => s.FindOutboundByNumber(accepted.LetterId, accepted.CorrespondenceDate))
            .FirstOrDefault(l => string.IsNullOrEmpty(accepted.AcceptDepartmentCode) || l.ReceiverId == accepted.AcceptDepartmentCode);
        if (letter is not null)
        {
            await NotifyCounterpartAsync(endpoint, letter.ReceiverId, new Notifier(NotifierKind.ReceiveLetter, letter.LetterId, letter.CorrespondenceDate, letter.Subject),
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The skip-unreadable-queue-head fault: an unreadable answer is taken for a poison message at the head of the
    /// queue, so the agency pulls once more and deletes whatever comes first without storing it (checklist A7).
    /// </summary>
    private async Task SkipQueueHeadAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var again = Expect<PullResponse>(await CallAsync(endpoint, new PullRequest(), endpoint.OriginalString, cancellationToken).ConfigureAwait(false));
        if (again.Response is PullResponse { Item: { } head })
        {
            _logger.LogWarning("Unreadable answer from the hub: queue item {ProcessId} skipped as poison.", head.ProcessId);
            await DeleteItemAsync(endpoint, head, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The blank-inbox-row-on-empty-pull fault: a pull answer that yields no queue item (empty, or unreadable) is mapped
    /// to an inbound row with no content (checklist D1, A7).
    /// </summary>
    private void RecordBlankInboxRow()
    {
        var now = Now();
        _store.InTransaction(s => s.InsertInbound(new InboundLetter
        {
            ProcessId = "",
            SenderId = "",
            ReceiverId = _organizationId ?? "",
            LetterId = "",
            CorrespondenceDate = "",
            Subject = "",
            SecretCode = "",
            SpeedCode = "",
            AttachmentText = "",
            State = InboundState.Received,
        }, now));
    }

    /// <summary>
    /// The delete-sent-letter-process-id fault: once the receiver acknowledges a letter, the agency also "clears" it
    /// from the hub by deleting the ProcessID the hub gave for the send, a ProcessID no pull ever returned (checklist E3).
    /// The hub's refusal is only logged, as for any housekeeping call.
    /// </summary>
    private async Task DeleteSentLetterProcessIdAsync(Uri endpoint, Notifier receipt, CancellationToken cancellationToken)
    {
        var sent = _store.InTransaction(s => s.FindOutboundByNumber(receipt.LetterId, receipt.CorrespondenceDate))
            .Where(l => l.ProcessId is not null && (string.IsNullOrEmpty(receipt.AcceptDepartmentCode) || l.ReceiverId == receipt.AcceptDepartmentCode));
        foreach (var letter in sent)
        {
            var result = await CallAsync(endpoint, new DeleteFromQueueRequest(letter.ProcessId!), endpoint.OriginalString, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("Sent letter {LetterId}: clean-up delete of {ProcessId}: {Outcome}", letter.LetterId, letter.ProcessId,
                result.Response?.GetType().Name ?? result.FailureMessage);
        }
    }

    private async Task<ActionResult?> DeleteItemAsync(Uri endpoint, QueueItem item, CancellationToken cancellationToken)
    {
        var result = Expect<DeleteFromQueueResponse>(
            await CallAsync(endpoint, new DeleteFromQueueRequest(item.ProcessId), endpoint.OriginalString, cancellationToken).ConfigureAwait(false));
        return Succeeded(result) ? null : HubProblem($"delete queue item {item.ProcessId}", result);
    }

    /// <summary>Stores the item and its ProcessID in one transaction; returns why it could not, or null.</summary>
    private string? StoreItem(QueueItem item, string own)
    {
        if (_store.InTransaction(s => s.WasHandled(item.ProcessId)))
        {
            return null;
        }

        if (item.Letter is { } letter && InboundLetterBytes(letter) > _options.MaxInboundLetterBytes)
        {
            _logger.LogError("Letter {LetterId} in queue item {ProcessId} exceeds {Limit} bytes; not stored.", letter.LetterId, item.ProcessId, _options.MaxInboundLetterBytes);
            return $"the letter's files exceed the agency's limit of {_options.MaxInboundLetterBytes:N0} bytes.";
        }

        var now = Now();
        var codes = Codes();
        _store.InTransaction(s =>
        {
            var outcome = item switch
            {
                { Letter: { } l } => StoreLetter(s, item, l, own, codes, now),
                { Notifier: { Kind: NotifierKind.InvalidAcceptId } n } => ApplyDispute(s, item, n, now),
                { Notifier: { } n } => ApplyToOutbound(s, item, n, now),
                _ => Park(s, item, "unknown", "", "", "the queue item carries neither a letter nor a notifier", now),
            };
            s.MarkHandled(item.ProcessId, item.Letter is not null ? "letter" : item.Notifier?.Kind.ElementName() ?? "unknown", outcome, now);
        });
        return null;
    }

    private static long InboundLetterBytes(Letter letter) =>
        new[] { letter.MainLetter }.Concat(letter.Attachments).Where(d => d is not null).Sum(d => (long)d!.ContentBase64.Length * 3 / 4);

    private string StoreLetter(StoreSession s, QueueItem item, Letter letter, string own, CodeListView codes, string now)
    {
        var senderId = letter.Sender.OrganizationId;
        var open = s.FindInbound(senderId, letter.LetterId, letter.CorrespondenceDate).FirstOrDefault(l => RegisterStatus.IsOpen(l.State));
        if (open is not null)
        {
            // The same letter under a new ProcessID while the earlier copy is still being worked on: a re-delivery.
            _logger.LogInformation("Letter {LetterId} from {Sender} arrived again as {ProcessId}; already registered as inbound #{Id}.",
                letter.LetterId, senderId, item.ProcessId, open.Id);
            return $"duplicate of inbound #{open.Id}";
        }

        var problems = new List<string>();
        if (letter.Receiver.OrganizationId != own)
        {
            problems.Add($"addressed to {letter.Receiver.OrganizationId}, not to this agency ({own})");
        }

        var files = new List<StoredFile>();
        if (letter.MainLetter is { } main && !main.IsPlaceholder)
        {
            files.Add(Received(main, FileRole.Main, 0, codes, problems));
        }
        else
        {
            problems.Add("the letter has no cover letter");
        }

        // placeholders-kept: the 2.0 client's empty reference and enclosure elements are stored as if they were real.
        var keepPlaceholders = _faults.Has(AgencyFault.PlaceholdersKept);
        var ordinal = 0;
        foreach (var attachment in letter.Attachments.Where(a => keepPlaceholders || !a.IsPlaceholder))
        {
            files.Add(Received(attachment, FileRole.Attachment, ordinal++, codes, problems));
        }

        var id = s.InsertInbound(new InboundLetter
        {
            ProcessId = item.ProcessId,
            SenderId = senderId,
            ReceiverId = letter.Receiver.OrganizationId,
            LetterId = letter.LetterId,
            CorrespondenceDate = letter.CorrespondenceDate,
            Subject = letter.Subject,
            // classified-as-normal: the inbound import has no secrecy field and files every letter as ปกติ (001).
            SecretCode = _faults.Has(AgencyFault.ClassifiedAsNormal) ? "001" : letter.SecretCode,
            SpeedCode = letter.SpeedCode,
            Description = letter.Description,
            AttachmentText = letter.AttachmentText,
            SendDate = letter.SendDate,
            Sender = new PartyNames(letter.Sender.GivenName, letter.Sender.FamilyName, letter.Sender.JobTitle),
            Receiver = new PartyNames(letter.Receiver.GivenName, letter.Receiver.FamilyName, letter.Receiver.JobTitle),
            References = letter.References.Where(r => keepPlaceholders || !r.IsPlaceholder).ToArray(),
            State = InboundState.Received,
            Problems = problems,
            Files = files,
        }, now);
        if (problems.Count > 0)
        {
            _logger.LogWarning("Letter {LetterId} from {Sender} stored as inbound #{Id} with problems: {Problems}", letter.LetterId, senderId, id, string.Join("; ", problems));
        }

        return $"stored as inbound #{id}";
    }

    /// <summary>A received file: decoded and hashed when its base64 is valid, otherwise kept as a flagged entry without bytes (checklist D13).</summary>
    private static StoredFile Received(BinaryDocument document, FileRole role, int ordinal, CodeListView codes, List<string> problems)
    {
        var inspection = document.Inspect();
        string? problem = null;
        if (!inspection.IsValid)
        {
            problem = "the content is not valid base64";
        }
        else if (!codes.AllowsContentType(document.MimeCode))
        {
            problem = $"file type \"{document.MimeCode}\" is not in the hub's list";
        }

        if (problem is not null)
        {
            problems.Add($"{(role == FileRole.Main ? "cover letter" : $"enclosure {ordinal + 1}")}: {problem}");
        }

        return inspection.IsValid
            ? new StoredFile(role, ordinal, null, document.MimeCode, document.Decode(), inspection.DecodedLength, inspection.Sha256, problem)
            : new StoredFile(role, ordinal, null, document.MimeCode, null, null, null, problem);
    }

    /// <summary>
    /// Receive/Accept/Reject/Invalid notifiers about a letter this agency sent: matched on LetterID + CorrespondenceDate +
    /// counterpart (AcceptDepartment/Code = the letter's receiver); the subject only breaks ties (R-NTF-ECHO, checklist C22).
    /// </summary>
    private string ApplyToOutbound(StoreSession s, QueueItem item, Notifier notifier, string now)
    {
        var candidates = s.FindOutboundByNumber(notifier.LetterId, notifier.CorrespondenceDate)
            .Where(l => RegisterStatus.IsActiveAtHub(l.State))
            .Where(l => string.IsNullOrEmpty(notifier.AcceptDepartmentCode) || l.ReceiverId == notifier.AcceptDepartmentCode)
            .ToArray();
        var distinctReceivers = candidates.Select(l => l.ReceiverId).Distinct().Count();
        if (candidates.Length == 0 || distinctReceivers > 1)
        {
            var reason = candidates.Length == 0
                ? "no active outbound letter has this number, date and receiver"
                : "several receivers have a letter with this number and date, and the notifier does not say which";
            return Park(s, item, notifier.Kind.ElementName(), notifier.LetterId, notifier.CorrespondenceDate, reason, now);
        }

        var letter = candidates.FirstOrDefault(l => l.Subject == notifier.Subject) ?? candidates[0];
        switch (notifier.Kind)
        {
            case NotifierKind.ReceiveLetter when letter.State == OutboundState.Sent:
                s.SetOutboundState(letter.Id, OutboundState.ReceivedByPeer, now);
                break;
            case NotifierKind.ReceiveLetter:
                // A late acknowledgement never moves a letter back (e.g. the receipt number came first, checklist C14).
                break;
            case NotifierKind.AcceptLetter:
                s.RecordAcceptance(letter.Id, notifier.AcceptId ?? "", notifier.AcceptDate ?? item.ProcessTime, notifier.AcceptDepartmentCode, now);
                break;
            case NotifierKind.RejectLetter:
                s.SetOutboundState(letter.Id, OutboundState.Rejected, now);
                break;
            case NotifierKind.InvalidLetter:
                s.SetOutboundState(letter.Id, OutboundState.Invalid, now);
                break;
        }

        return $"{notifier.Kind.ElementName()} applied to outbound #{letter.Id}";
    }

    /// <summary>The sender disputes the receipt number this agency gave (checklist D10): flag the inbound letter.</summary>
    private string ApplyDispute(StoreSession s, QueueItem item, Notifier notifier, string now)
    {
        var candidates = s.FindInboundByNumber(notifier.LetterId, notifier.CorrespondenceDate)
            .Where(l => l.State is InboundState.Registered or InboundState.AcceptIdDisputed)
            .ToArray();
        var letter = candidates.FirstOrDefault(l => l.AcceptId == notifier.AcceptId)
            ?? (candidates.Length == 1 ? candidates[0] : null);
        if (letter is null)
        {
            return Park(s, item, notifier.Kind.ElementName(), notifier.LetterId, notifier.CorrespondenceDate,
                candidates.Length == 0 ? "no registered inbound letter has this number and date" : "the disputed receipt number matches none of the letters", now);
        }

        s.RecordDispute(letter.Id, notifier.AcceptId ?? letter.AcceptId ?? "", now);
        return $"dispute recorded on inbound #{letter.Id}";
    }

    private string Park(StoreSession s, QueueItem item, string kind, string letterId, string date, string reason, string now)
    {
        _logger.LogWarning("Queue item {ProcessId} ({Kind} {LetterId} {Date}) parked: {Reason}", item.ProcessId, kind, letterId, date, reason);
        s.Park(item.ProcessId, kind, letterId, date, reason, now);
        return "parked: " + reason;
    }
}
