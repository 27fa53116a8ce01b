using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.ReferenceAgency.Faults;
using ECms.ReferenceAgency.Hub;
using ECms.ReferenceAgency.Storage;
using Microsoft.Extensions.Logging;

namespace ECms.ReferenceAgency.Saraban;

/// <summary>
/// Sending letters, and the answer to "the send timed out — did the hub get it?" (docs/reference-agency.md):
/// before a letter leaves, its row is marked outcome-unknown; only the hub's ProcessID makes it "sent", only an
/// ErrorDetail makes it "unsent". A retry of an outcome-unknown letter first asks OutboundStatus whether the hub holds
/// a letter with that number whose ProcessID the agency has never seen; if exactly one does, that is the lost answer
/// and nothing is sent again. Otherwise the letter is sent again, and a duplicate error (E300) to that retry means the
/// hub has the earlier attempt — the agency holds no other active letter with the key — so the letter counts as sent.
/// </summary>
internal sealed partial class Agency
{
    /// <summary>The hub's code for "an active letter with this key exists" (spec §9.2).</summary>
    private const string DuplicateLetterCode = "E300";

    private const int BlindRetryAttempts = 2;

    public Task<ActionResult> SendLetterAsync(LetterDraft draft, CancellationToken cancellationToken) =>
        SerializedAsync((endpoint, own) => SendDraftAsync(endpoint, own, draft, cancellationToken), cancellationToken);

    /// <summary>Sends every letter whose last attempt ended without an answer (the agency's own timer calls this).</summary>
    public Task<int> RetryUnconfirmedAsync(CancellationToken cancellationToken) =>
        SerializedCountAsync(async (endpoint, own) =>
        {
            var retried = 0;
            foreach (var row in _store.InTransaction(s => s.OutboundInState(OutboundState.OutcomeUnknown)))
            {
                var organization = Organization(row.ReceiverId);
                if (organization is null)
                {
                    continue;
                }

                var result = await RetryUnconfirmedAsync(endpoint, own, row, organization.EcmsUrl, cancellationToken).ConfigureAwait(false);
                retried += result.Outcome == ActionOutcome.Done ? 1 : 0;
            }

            return retried;
        }, cancellationToken);

    /// <param name="ignoreActiveDuplicate">Only for the resend-without-withdraw fault: send although the same letter is still active.</param>
    private async Task<ActionResult> SendDraftAsync(Uri endpoint, string own, LetterDraft draft, CancellationToken cancellationToken, bool ignoreActiveDuplicate = false)
    {
        if (await EnsureDirectoryAsync(endpoint, cancellationToken).ConfigureAwait(false) is { } directoryFailure)
        {
            return HubProblem("deliver the directory needed to address the letter", directoryFailure);
        }

        var (letter, refusal) = DraftValidation.Validate(draft, own, Codes(), coverLetterRequired: !_faults.Has(AgencyFault.SendWithoutCoverLetter),
            checkCoverLetterContent: !_faults.Has(AgencyFault.UncheckedCoverLetterContent), imagesDeclaredAsJpeg: _faults.Has(AgencyFault.ImagesDeclaredAsJpeg));
        if (letter is null)
        {
            return ActionResult.Refused(refusal!);
        }

        var receiver = Organization(letter.ReceiverId);
        if (receiver is null)
        {
            return ActionResult.Refused($"The receiver {letter.ReceiverId} is not in the e-CMS directory. "
                + "Fix: refresh the directory (refresh-directory) or choose a receiver from it.");
        }

        if (_faults.Has(AgencyFault.DirectoryCallToReceiverEndpoint)
            && await ReceiverUnknownAtItsEndpointAsync(receiver, cancellationToken).ConfigureAwait(false) is { } unknownAtReceiver)
        {
            return unknownAtReceiver;
        }

        var existing = _store.InTransaction(s => s.FindOutbound(letter.ReceiverId, letter.LetterId, letter.CorrespondenceDate)).Newest();
        // The duplicate-send-as-new fault: the register is not consulted, a second letter with a taken number is a new submission.
        if (existing is not null && RegisterStatus.IsActiveAtHub(existing.State) && !ignoreActiveDuplicate && !_faults.Has(AgencyFault.DuplicateSendAsNew))
        {
            var hint = existing.State is OutboundState.Rejected or OutboundState.Invalid
                ? " Withdraw it first (withdraw, or resend which withdraws and sends again)."
                : " Use a new letter number, or withdraw the earlier letter if the receiver rejected it.";
            return ActionResult.Refused($"Letter {letter.LetterId} of {letter.CorrespondenceDate} to {letter.ReceiverId} was already sent "
                + $"and is still active ({RegisterStatus.Name(existing.State)}); e-CMS allows one active letter per number, date and receiver." + hint);
        }

        long id;
        if (existing is { State: OutboundState.Unsent or OutboundState.OutcomeUnknown } && !ignoreActiveDuplicate)
        {
            // The operator sends the same letter again (perhaps corrected): it is the same register entry.
            id = existing.Id;
            _store.InTransaction(s => s.ReplaceOutboundContent(id, letter, Now()));
            if (existing.State == OutboundState.OutcomeUnknown)
            {
                return await RetryUnconfirmedAsync(endpoint, own, existing with { Id = id }, receiver.EcmsUrl, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            id = _store.InTransaction(s => s.InsertOutbound(letter with { State = OutboundState.Unsent }, Now()));
        }

        return await TransmitAsync(endpoint, own, id, receiver.EcmsUrl, previousOutcomeUnknown: false, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ActionResult> RetryUnconfirmedAsync(Uri endpoint, string own, OutboundLetter row, string to, CancellationToken cancellationToken)
    {
        if (!_faults.Has(AgencyFault.BlindRetry))
        {
            var status = Expect<OutboundStatusResponse>(
                await CallAsync(endpoint, new DirectoryRequest(Operation.OutboundStatus), endpoint.OriginalString, cancellationToken).ConfigureAwait(false));
            if (status.Response is OutboundStatusResponse list)
            {
                var adopted = AdoptFromStatus(row, list);
                if (adopted is not null)
                {
                    return adopted;
                }
            }
            else if (!status.IsHubError)
            {
                // No answer at all: sending now would only repeat the uncertainty.
                return HubProblem("check whether the hub already has the letter", status);
            }
        }

        return await TransmitAsync(endpoint, own, row.Id, to, previousOutcomeUnknown: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The hub's outbound list names exactly one letter with this number that the agency has no ProcessID for: it is ours.</summary>
    private ActionResult? AdoptFromStatus(OutboundLetter row, OutboundStatusResponse list)
    {
        var known = _store.InTransaction(s => s.KnownOutboundProcessIds());
        var candidates = list.Items
            .Where(i => i.LetterId == row.LetterId && i.ProcessId.Length > 0 && !known.Contains(i.ProcessId)
                && !string.Equals(i.ProcessStatus, "DELETED", StringComparison.OrdinalIgnoreCase))
            .ToArray();
        var unconfirmedWithNumber = _store.InTransaction(s => s.OutboundInState(OutboundState.OutcomeUnknown)).Count(l => l.LetterId == row.LetterId);
        if (candidates.Length != 1 || unconfirmedWithNumber != 1)
        {
            return null;
        }

        _store.InTransaction(s => s.SetOutboundState(row.Id, OutboundState.Sent, Now(), processId: candidates[0].ProcessId));
        _logger.LogInformation("Letter {LetterId} to {Receiver}: the hub already had it (ProcessID {ProcessId}); not sent again.",
            row.LetterId, row.ReceiverId, candidates[0].ProcessId);
        return ActionResult.Done(("processId", candidates[0].ProcessId), ("recoveredFrom", "outbound-status"));
    }

    private async Task<ActionResult> TransmitAsync(Uri endpoint, string own, long id, string to, bool previousOutcomeUnknown, CancellationToken cancellationToken)
    {
        var row = _store.InTransaction(s => s.FindOutbound(id))!;
        var sendDate = ThaiNowForWire();
        var request = new SendLetterRequest(OutboundWire.ToLetter(row, own, sendDate));

        // The intent is on disk before the request leaves: a crash mid-send leaves "outcome-unknown", never "unsent".
        _store.InTransaction(s => s.SetOutboundState(id, OutboundState.OutcomeUnknown, Now(), sendDate: sendDate, lastError: row.LastError));
        var result = Expect<SendLetterResponse>(await CallAsync(endpoint, request, to, cancellationToken).ConfigureAwait(false));
        for (var attempt = 0; _faults.Has(AgencyFault.BlindRetry) && result.OutcomeUnknown && attempt < BlindRetryAttempts; attempt++)
        {
            previousOutcomeUnknown = true;
            result = Expect<SendLetterResponse>(await CallAsync(endpoint, request, to, cancellationToken).ConfigureAwait(false));
        }

        if (Succeeded(result))
        {
            var processId = (result.Response as SendLetterResponse)?.ProcessId;
            processId = string.IsNullOrEmpty(processId) ? null : processId;
            _store.InTransaction(s => s.SetOutboundState(id, OutboundState.Sent, Now(), processId: processId));
            return ActionResult.Done(("processId", processId));
        }

        // The duplicate-send-as-new fault reads every E300 as "the hub already has this letter", not only on a retry.
        if (result.IsHubError && (previousOutcomeUnknown || _faults.Has(AgencyFault.DuplicateSendAsNew)) && !_faults.Has(AgencyFault.BlindRetry)
            && result.HubErrors.Any(e => e.Code == DuplicateLetterCode))
        {
            _store.InTransaction(s => s.SetOutboundState(id, OutboundState.Sent, Now(), lastError: "E300 on retry: the hub kept the earlier attempt"));
            _logger.LogInformation("Letter {LetterId} to {Receiver}: E300 on a retry of an unconfirmed send; the earlier attempt reached the hub.",
                row.LetterId, row.ReceiverId);
            return ActionResult.Done(("processId", null), ("recoveredFrom", "duplicate-error"));
        }

        var state = result.IsHubError ? OutboundState.Unsent : OutboundState.OutcomeUnknown;
        var problem = HubProblem("accept the letter", result);
        _store.InTransaction(s => s.SetOutboundState(id, state, Now(), lastError: problem.Reason));
        return problem;
    }

    private async Task<int> SerializedCountAsync(Func<Uri, string, Task<int>> work, CancellationToken cancellationToken)
    {
        var count = 0;
        await SerializedAsync(async (endpoint, own) =>
        {
            count = await work(endpoint, own).ConfigureAwait(false);
            return ActionResult.Done();
        }, cancellationToken).ConfigureAwait(false);
        return count;
    }

    /// <summary>
    /// The directory-call-to-receiver-endpoint fault: before a letter leaves, the receiver is looked up in the
    /// organisation list fetched from the receiver's own e-CMS URL (the directory's EcmsUrl), as if every agency's
    /// endpoint were a service of that agency; a correct agency calls only its own endpoint (spec §1.2, checklist A1).
    /// </summary>
    private async Task<ActionResult?> ReceiverUnknownAtItsEndpointAsync(OrganizationInfo receiver, CancellationToken cancellationToken)
    {
        var answer = await CallAsync(new Uri(receiver.EcmsUrl), new DirectoryRequest(Operation.GetOrganizationList), receiver.EcmsUrl, cancellationToken).ConfigureAwait(false);
        if (answer.Response is OrganizationListResponse list && list.Organizations.All(o => o.OrganizationId != receiver.OrganizationId))
        {
            return ActionResult.Refused($"The receiver {receiver.OrganizationId} does not list itself at {receiver.EcmsUrl}.");
        }

        _logger.LogInformation("Receiver {Receiver} checked at {Url}: {Outcome}", receiver.OrganizationId, receiver.EcmsUrl,
            answer.Response?.GetType().Name ?? answer.FailureMessage);
        return null;
    }
}
