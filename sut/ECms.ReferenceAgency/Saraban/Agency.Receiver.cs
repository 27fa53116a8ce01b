using System.Globalization;
using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.ReferenceAgency.Faults;
using ECms.ReferenceAgency.Hub;
using ECms.ReferenceAgency.Storage;
using Microsoft.Extensions.Logging;

namespace ECms.ReferenceAgency.Saraban;

/// <summary>
/// The receiver's actions on a letter it pulled: acknowledge, register (with a receipt number from the receiving
/// register, "รับ 2567/00001" — the Buddhist-era year is right here: it is a human register number, not a wire date),
/// reject, report as wrong letter. Each sends its notifier to the letter's sender through the agency's own endpoint.
/// </summary>
internal sealed partial class Agency
{
    public Task<ActionResult> AcknowledgeAsync(LetterKeyInput key, CancellationToken cancellationToken) =>
        NotifySenderAsync(key, NotifierKind.ReceiveLetter, null, cancellationToken);

    public Task<ActionResult> RegisterAsync(LetterKeyInput key, string? requestedAcceptId, CancellationToken cancellationToken) =>
        NotifySenderAsync(key, NotifierKind.AcceptLetter, requestedAcceptId, cancellationToken);

    public Task<ActionResult> RejectAsync(LetterKeyInput key, CancellationToken cancellationToken) =>
        NotifySenderAsync(key, NotifierKind.RejectLetter, null, cancellationToken);

    public Task<ActionResult> ReportInvalidAsync(LetterKeyInput key, CancellationToken cancellationToken) =>
        NotifySenderAsync(key, NotifierKind.InvalidLetter, null, cancellationToken);

    private Task<ActionResult> NotifySenderAsync(LetterKeyInput key, NotifierKind kind, string? requestedAcceptId, CancellationToken cancellationToken) =>
        SerializedAsync(async (endpoint, _) =>
        {
            var row = key.MissingPart() is null
                ? _store.InTransaction(s => s.FindInbound(key.CounterpartOrganizationId!.Trim(), key.LetterId!.Trim(), key.CorrespondenceDate!.Trim())).Newest()
                : null;
            if (row is null)
            {
                return ActionResult.UnknownLetter(key.MissingPart() is { } missing
                    ? $"The letter key lacks {missing}."
                    : $"The inbound register has no letter {key}.");
            }

            if (TransitionRefusal(row, kind) is { } refusal)
            {
                return ActionResult.Refused(refusal);
            }

            string? acceptId = null;
            int? sequence = null;
            var year = WireFormats.BuddhistEraYear(WireFormats.ThaiToday(_clock));
            if (kind == NotifierKind.AcceptLetter)
            {
                (acceptId, sequence, refusal) = ChooseReceiptNumber(row, requestedAcceptId, year);
                if (refusal is not null)
                {
                    return ActionResult.Refused(refusal);
                }
            }

            var notifier = new Notifier(kind, row.LetterId, row.CorrespondenceDate, row.Subject, acceptId);
            var sent = await NotifyCounterpartAsync(endpoint, row.SenderId, notifier, cancellationToken).ConfigureAwait(false);
            if (sent.Refusal is not null)
            {
                return ActionResult.Refused(sent.Refusal);
            }

            if (!Succeeded(sent.Hub!))
            {
                if (!(kind == NotifierKind.AcceptLetter && _faults.Has(AgencyFault.ReuseReceiptNumber) && sent.Hub!.IsHubError))
                {
                    return HubProblem($"take the {kind.ElementName()}", sent.Hub!);
                }

                // reuse-receipt-number: the register is written whatever the hub says; its refusal is only logged.
                _logger.LogWarning("The hub refused the receipt-number notice {AcceptId} for {LetterId}; registered anyway.", acceptId, row.LetterId);
            }

            var now = Now();
            if (kind != NotifierKind.AcceptLetter)
            {
                _store.InTransaction(s => s.SetInboundState(row.Id, StateAfter(kind), now));
                return ActionResult.Done();
            }

            var acceptDate = (sent.Hub!.Response as SendNotifierResponse)?.Notifier.AcceptDate is { Length: > 0 } hubDate
                ? hubDate
                : WireFormats.FormatProcessTime(_clock.GetUtcNow());
            _store.InTransaction(s =>
            {
                if (!(_faults.Has(AgencyFault.ReuseReceiptNumber) && s.IsReceiptNumberTaken(acceptId!)))
                {
                    s.RecordReceiptNumber(acceptId!, row.Id, year, sequence, now);
                }

                s.RecordRegistration(row.Id, acceptId!, acceptDate, now);
            });
            return ActionResult.Done(("acceptId", acceptId));
        }, cancellationToken);

    private static string? TransitionRefusal(InboundLetter row, NotifierKind kind)
    {
        var status = RegisterStatus.Name(row.State);
        if (!RegisterStatus.IsOpen(row.State))
        {
            return $"Letter {row.LetterId} is already {status}; nothing more can be sent for it.";
        }

        return (kind, row.State) switch
        {
            (NotifierKind.ReceiveLetter, InboundState.Received) => null,
            (NotifierKind.ReceiveLetter, _) => $"Letter {row.LetterId} is already acknowledged ({status}).",
            (NotifierKind.AcceptLetter, InboundState.Registered) => $"Letter {row.LetterId} is already registered as {row.AcceptId}.",
            (NotifierKind.AcceptLetter, _) => null,
            (_, InboundState.Registered or InboundState.AcceptIdDisputed) =>
                $"Letter {row.LetterId} is registered as {row.AcceptId}; a registered letter can no longer be rejected or reported as wrong.",
            _ => null,
        };
    }

    private static InboundState StateAfter(NotifierKind kind) => kind switch
    {
        NotifierKind.ReceiveLetter => InboundState.Acknowledged,
        NotifierKind.RejectLetter => InboundState.Rejected,
        NotifierKind.InvalidLetter => InboundState.ReportedInvalid,
        _ => InboundState.Registered,
    };

    /// <summary>
    /// The next number of the year's receiving register, or the operator's own; either way unique in the register
    /// (R-NTF-ACC) and, after a dispute, different from the disputed one. A number is taken only once the hub took the
    /// notifier, so a failed notification does not leave a gap.
    /// </summary>
    private (string? AcceptId, int? Sequence, string? Refusal) ChooseReceiptNumber(InboundLetter row, string? requested, int buddhistYear)
    {
        if (!string.IsNullOrWhiteSpace(requested))
        {
            var number = requested.Trim();
            if (number == row.DisputedAcceptId)
            {
                return (null, null, $"Receipt number {number} is the one the sender disputed; give a corrected number.");
            }

            // reuse-receipt-number: the operator's number is taken as typed, without looking in the register.
            return !_faults.Has(AgencyFault.ReuseReceiptNumber) && _store.InTransaction(s => s.IsReceiptNumberTaken(number))
                ? (null, null, $"Receipt number {number} is already used in the receiving register; each letter needs its own number.")
                : (number, null, null);
        }

        return _store.InTransaction(s =>
        {
            var sequence = s.LastReceiptSequence(buddhistYear);
            string candidate;
            do
            {
                sequence++;
                candidate = string.Create(CultureInfo.InvariantCulture, $"รับ {buddhistYear}/{sequence:D5}");
            }
            while (s.IsReceiptNumberTaken(candidate) || candidate == row.DisputedAcceptId);

            return ((string?)candidate, (int?)sequence, (string?)null);
        });
    }

    /// <summary>Sends a notifier with wsa:To = the counterpart's ECMS-URL from the directory (spec §2.2), refreshing it once if needed.</summary>
    private async Task<(HubResult? Hub, string? Refusal)> NotifyCounterpartAsync(Uri endpoint, string counterpartId, Notifier notifier, CancellationToken cancellationToken)
    {
        if (await EnsureDirectoryAsync(endpoint, cancellationToken).ConfigureAwait(false) is { } directoryFailure)
        {
            return (directoryFailure, null);
        }

        var counterpart = Organization(counterpartId);
        if (counterpart is null)
        {
            var (failure, _) = await FetchDirectoryAsync(endpoint, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                return (failure, null);
            }

            counterpart = Organization(counterpartId);
        }

        if (counterpart is null)
        {
            return (null, $"Organisation {counterpartId} is not in the e-CMS directory, so the notice cannot be addressed. Fix: check the directory at the hub.");
        }

        var result = await CallAsync(endpoint, new SendNotifierRequest(notifier), counterpart.EcmsUrl, cancellationToken).ConfigureAwait(false);
        if (result.Response is SendLetterResponse { Echo: null } bare)
        {
            // The 2.0 client reads only ProcessID from this answer, so a hub may send nothing else.
            result = HubResult.Answered(new SendNotifierResponse(bare.ProcessId, bare.ProcessTime, notifier));
        }

        return (Expect<SendNotifierResponse>(result), null);
    }
}
