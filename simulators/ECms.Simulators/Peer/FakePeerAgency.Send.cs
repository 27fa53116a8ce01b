using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Simulators.Client;
using ECms.Simulators.Hub;

namespace ECms.Simulators.Peer;

/// <summary>The peer as a sender of letters and notifiers (spec §5.1, §5.2, §5.5, §5.6).</summary>
public sealed partial class FakePeerAgency
{
    /// <summary>Sends a letter to its receiver (wsa:To from the directory), posted to the peer's own endpoint.</summary>
    public async Task<EcmsCallResult> SendLetterAsync(Letter letter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var to = await EndpointOfAsync(letter.Receiver.OrganizationId, cancellationToken).ConfigureAwait(false);
        var result = await Client.SendLetterAsync(letter, to, cancellationToken).ConfigureAwait(false);
        if (result.Response is SendLetterResponse accepted && result.IsSuccess)
        {
            lock (_gate)
            {
                // Keep the letter without its files: the peer may send hundreds of megabytes in a benchmark.
                _sent.Add(new PeerSentLetter(HubLetter.Summarize(letter), accepted.ProcessId, Options.TimeProvider.GetUtcNow()));
            }
        }

        return result;
    }

    /// <summary>ReceiveLetterNotifier: "we got it" (receiver → sender).</summary>
    public Task<EcmsCallResult> AcknowledgeAsync(Letter received, CancellationToken cancellationToken = default) =>
        SendNotifierAsync(NotifierKind.ReceiveLetter, received, null, cancellationToken);

    /// <summary>AcceptLetterNotifier: "registered under receipt number X" (receiver → sender).</summary>
    public Task<EcmsCallResult> RegisterAsync(Letter received, string acceptId, CancellationToken cancellationToken = default) =>
        SendNotifierAsync(NotifierKind.AcceptLetter, received, acceptId, cancellationToken);

    public Task<EcmsCallResult> RejectAsync(Letter received, CancellationToken cancellationToken = default) =>
        SendNotifierAsync(NotifierKind.RejectLetter, received, null, cancellationToken);

    public Task<EcmsCallResult> ReportInvalidAsync(Letter received, CancellationToken cancellationToken = default) =>
        SendNotifierAsync(NotifierKind.InvalidLetter, received, null, cancellationToken);

    /// <summary>InvalidAcceptIDNotifier: the sender disputes the receipt number it was given (sender → receiver).</summary>
    public Task<EcmsCallResult> DisputeAcceptIdAsync(Letter sent, string acceptId, CancellationToken cancellationToken = default) =>
        SendNotifierAsync(NotifierKind.InvalidAcceptId, sent, acceptId, cancellationToken);

    /// <summary>Any notifier about <paramref name="letter"/>, echoing its number, date and subject, addressed to the counterpart.</summary>
    public async Task<EcmsCallResult> SendNotifierAsync(NotifierKind kind, Letter letter, string? acceptId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var counterpart = kind.IsSentByLetterSender() ? letter.Receiver.OrganizationId : letter.Sender.OrganizationId;
        var to = await EndpointOfAsync(counterpart, cancellationToken).ConfigureAwait(false);
        var notifier = new Notifier(kind, letter.LetterId, letter.CorrespondenceDate, letter.Subject, kind.CarriesAcceptId() ? acceptId ?? "" : null);
        return await Client.SendNotifierAsync(notifier, to, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Withdraws a letter this peer sent so that it can be sent again (op 9).</summary>
    public async Task<EcmsCallResult> WithdrawAsync(Letter sent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sent);
        var result = await Client.WithdrawAsync(sent.Key, cancellationToken).ConfigureAwait(false);
        if (result.IsSuccess)
        {
            lock (_gate)
            {
                foreach (var letter in _sent.Where(s => s.Key == sent.Key))
                {
                    letter.Withdrawn = true;
                }
            }
        }

        return result;
    }

    /// <summary>Withdraws the original and, if that succeeded, sends the corrected letter (checklist C17, F3).</summary>
    public async Task<(EcmsCallResult Withdraw, EcmsCallResult? Send)> WithdrawAndResendAsync(
        Letter original,
        Letter corrected,
        CancellationToken cancellationToken = default)
    {
        var withdraw = await WithdrawAsync(original, cancellationToken).ConfigureAwait(false);
        return withdraw.IsSuccess
            ? (withdraw, await SendLetterAsync(corrected, cancellationToken).ConfigureAwait(false))
            : (withdraw, null);
    }

    /// <summary>Op 10: asks again for a letter (<c>GovernmentDocument</c>) or one of its notifiers.</summary>
    public Task<EcmsCallResult> SpecialRequestAsync(string itemKind, LetterKey letter, CancellationToken cancellationToken = default) =>
        Client.SpecialRequestAsync(itemKind, letter, cancellationToken);
}
