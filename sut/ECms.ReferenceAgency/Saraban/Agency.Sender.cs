using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.ReferenceAgency.Faults;
using ECms.ReferenceAgency.Storage;

namespace ECms.ReferenceAgency.Saraban;

/// <summary>The sender's follow-up actions on a letter it sent: withdraw, resend, dispute the receipt number.</summary>
internal sealed partial class Agency
{
    public Task<ActionResult> WithdrawAsync(LetterKeyInput key, CancellationToken cancellationToken) =>
        SerializedAsync(async (endpoint, own) =>
        {
            var row = FindSent(key);
            if (row is null)
            {
                return UnknownOutbound(key);
            }

            return row.State == OutboundState.Withdrawn
                ? ActionResult.Refused($"Letter {key} is already withdrawn; it can be sent again.")
                : await WithdrawRowAsync(endpoint, own, row, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>
    /// Sends a letter again, corrected or not. An active letter is withdrawn first (spec §6.2, checklist C17); a letter
    /// the hub never confirmed is simply retried; a withdrawn one is sent as a new register entry.
    /// </summary>
    public Task<ActionResult> ResendAsync(LetterKeyInput key, LetterDraft? corrected, CancellationToken cancellationToken) =>
        SerializedAsync(async (endpoint, own) =>
        {
            var row = FindOutboundRow(key);
            if (row is null)
            {
                return UnknownOutbound(key);
            }

            var withdrawFirst = RegisterStatus.IsActiveAtHub(row.State);
            if (withdrawFirst && !_faults.Has(AgencyFault.ResendWithoutWithdraw))
            {
                var withdrawn = await WithdrawRowAsync(endpoint, own, row, cancellationToken).ConfigureAwait(false);
                if (withdrawn.Outcome != ActionOutcome.Done)
                {
                    return withdrawn;
                }
            }

            var full = _store.InTransaction(s => s.FindOutbound(row.Id))!;
            var draft = Merge(corrected, full);
            return await SendDraftAsync(endpoint, own, draft, cancellationToken,
                ignoreActiveDuplicate: withdrawFirst && _faults.Has(AgencyFault.ResendWithoutWithdraw)).ConfigureAwait(false);
        }, cancellationToken);

    public Task<ActionResult> DisputeAcceptIdAsync(LetterKeyInput key, CancellationToken cancellationToken) =>
        SerializedAsync(async (endpoint, _) =>
        {
            var row = FindSent(key);
            if (row is null)
            {
                return UnknownOutbound(key);
            }

            if (row.State != OutboundState.Accepted || string.IsNullOrEmpty(row.AcceptId))
            {
                return ActionResult.Refused($"Letter {key} has no receipt number to dispute (status {RegisterStatus.Name(row.State)}).");
            }

            var notifier = new Notifier(NotifierKind.InvalidAcceptId, row.LetterId, row.CorrespondenceDate, row.Subject, row.AcceptId);
            var result = await NotifyCounterpartAsync(endpoint, row.ReceiverId, notifier, cancellationToken).ConfigureAwait(false);
            if (result.Refusal is not null)
            {
                return ActionResult.Refused(result.Refusal);
            }

            if (!Succeeded(result.Hub!))
            {
                return HubProblem("take the wrong-receipt-number notice", result.Hub!);
            }

            _store.InTransaction(s => s.SetOutboundState(row.Id, OutboundState.AcceptIdDisputed, Now()));
            return ActionResult.Done(("acceptId", row.AcceptId));
        }, cancellationToken);

    private async Task<ActionResult> WithdrawRowAsync(Uri endpoint, string own, OutboundLetter row, CancellationToken cancellationToken)
    {
        var request = new WithdrawLetterRequest(row.LetterId, row.CorrespondenceDate, own, row.ReceiverId);
        var result = Expect<WithdrawLetterResponse>(await CallAsync(endpoint, request, endpoint.OriginalString, cancellationToken).ConfigureAwait(false));
        if (!Succeeded(result))
        {
            return HubProblem("withdraw the letter", result);
        }

        _store.InTransaction(s => s.SetOutboundState(row.Id, OutboundState.Withdrawn, Now()));
        return ActionResult.Done(("processId", (result.Response as WithdrawLetterResponse)?.ProcessId));
    }

    /// <summary>The newest register entry the hub took with this key.</summary>
    private OutboundLetter? FindSent(LetterKeyInput key) =>
        Outbound(key).FirstOrDefault(l => RegisterStatus.IsAtHub(l.State));

    /// <summary>The newest register entry with this key, confirmed by the hub or not.</summary>
    private OutboundLetter? FindOutboundRow(LetterKeyInput key) => Outbound(key).Newest();

    private IReadOnlyList<OutboundLetter> Outbound(LetterKeyInput key) =>
        key.MissingPart() is null
            ? _store.InTransaction(s => s.FindOutbound(key.CounterpartOrganizationId!.Trim(), key.LetterId!.Trim(), key.CorrespondenceDate!.Trim()))
            : [];

    private static ActionResult UnknownOutbound(LetterKeyInput key) =>
        ActionResult.UnknownLetter(key.MissingPart() is { } missing
            ? $"The letter key lacks {missing}."
            : $"The outbound register has no letter {key}.");

    /// <summary>The corrected payload, with whatever it leaves out taken from the letter as it was sent.</summary>
    private static LetterDraft Merge(LetterDraft? corrected, OutboundLetter original) => new()
    {
        ReceiverOrganizationId = corrected?.ReceiverOrganizationId ?? original.ReceiverId,
        LetterId = corrected?.LetterId ?? original.LetterId,
        CorrespondenceDate = corrected?.CorrespondenceDate ?? original.CorrespondenceDate,
        Subject = corrected?.Subject ?? original.Subject,
        SecretCode = corrected?.SecretCode ?? original.SecretCode,
        SpeedCode = corrected?.SpeedCode ?? original.SpeedCode,
        Description = corrected?.Description ?? original.Description,
        AttachmentText = corrected?.AttachmentText ?? original.AttachmentText,
        Sender = corrected?.Sender ?? new PersonDraft(original.Sender.GivenName, original.Sender.FamilyName, original.Sender.JobTitle),
        Receiver = corrected?.Receiver ?? new PersonDraft(original.Receiver.GivenName, original.Receiver.FamilyName, original.Receiver.JobTitle),
        References = corrected?.References ?? original.References.Select(r => new ReferenceDraft(r.LetterId, r.CorrespondenceDate, r.Subject)).ToArray(),
        MainLetter = corrected is { MainLetter: not null } ? corrected.MainLetter : ToDraft(original.MainLetter),
        Attachments = corrected?.Attachments ?? original.Attachments.Select(ToDraft).ToArray(),
    };

    private static FileDraft? ToDraft(StoredFile? file) =>
        file?.Content is null ? null : new FileDraft(file.FileName, file.MimeType, Convert.ToBase64String(file.Content));
}
