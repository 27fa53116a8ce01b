using System.Globalization;
using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Simulators.Client;

namespace ECms.Simulators.Peer;

/// <summary>
/// The peer as a receiver: pull, store (once per ProcessID, so a re-delivery is harmless), delete, then answer as its
/// behaviour says — in that order, because a strict hub accepts notifiers only for letters already delivered.
/// </summary>
public sealed partial class FakePeerAgency
{
    private CancellationTokenSource? _polling;
    private Task? _pollingLoop;

    public Task<EcmsCallResult> PullAsync(CancellationToken cancellationToken = default) => Client.PullAsync(cancellationToken);

    public Task<EcmsCallResult> DeleteAsync(string processId, CancellationToken cancellationToken = default) =>
        Client.DeleteAsync(processId, cancellationToken);

    /// <summary>
    /// Pulls until the queue is empty (or <see cref="PeerBehaviour.MaxItemsPerCycle"/>), handling each item. Returns the
    /// items handled in this cycle. Stops at the first pull that does not succeed and records why in <see cref="Problems"/>.
    /// </summary>
    public async Task<IReadOnlyList<PeerInboxItem>> ProcessQueueAsync(CancellationToken cancellationToken = default)
    {
        var handled = new List<PeerInboxItem>();
        var behaviour = Behaviour;
        for (var i = 0; i < behaviour.MaxItemsPerCycle; i++)
        {
            var pulled = await PullAsync(cancellationToken).ConfigureAwait(false);
            if (pulled.Response is not PullResponse pull || !pulled.IsSuccess)
            {
                Problem($"Pull failed: {pulled.Describe()}");
                break;
            }

            if (pull.Item is not { } item)
            {
                break;
            }

            var stored = Store(item);
            handled.Add(stored);
            if (!behaviour.DeleteAfterPull)
            {
                break;
            }

            var deleted = await DeleteAsync(item.ProcessId, cancellationToken).ConfigureAwait(false);
            if (!deleted.IsSuccess)
            {
                Problem($"Delete of {item.ProcessId} failed: {deleted.Describe()}");
                break;
            }

            stored.Deleted = true;
            if (!stored.Answered)
            {
                // Answer once per item, however often it was delivered before its delete went through.
                stored.Answered = true;
                await AnswerAsync(stored, behaviour, cancellationToken).ConfigureAwait(false);
            }
        }

        return handled;
    }

    /// <summary>Processes the queue every <paramref name="interval"/> (peer clock) until stopped or disposed.</summary>
    public void StartPolling(TimeSpan interval)
    {
        if (_polling is not null)
        {
            throw new InvalidOperationException("The peer is already polling.");
        }

        _polling = new CancellationTokenSource();
        var token = _polling.Token;
        _pollingLoop = Task.Run(() => PollAsync(interval, token), CancellationToken.None);
    }

    public async Task StopPollingAsync()
    {
        if (_polling is null)
        {
            return;
        }

        await _polling.CancelAsync().ConfigureAwait(false);
        try
        {
            await _pollingLoop!.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping is the expected way out of the loop.
        }

        _polling.Dispose();
        _polling = null;
        _pollingLoop = null;
    }

    private async Task PollAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await ProcessQueueAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (EcmsCallException ex)
            {
                Problem($"Polling cycle failed: {ex.Message}");
            }

            await Task.Delay(interval, Options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private PeerInboxItem Store(QueueItem item)
    {
        lock (_gate)
        {
            var known = _received.FirstOrDefault(r => r.ProcessId == item.ProcessId);
            if (known is not null)
            {
                known.Deliveries++;
                return known;
            }

            var stored = new PeerInboxItem(item.ProcessId, item.Letter, item.Notifier, Options.TimeProvider.GetUtcNow());
            _received.Add(stored);
            if (item.Notifier is { } notifier)
            {
                Learn(notifier);
            }

            return stored;
        }
    }

    /// <summary>What a notifier tells the sender about one of its letters (under the lock).</summary>
    private void Learn(Notifier notifier)
    {
        foreach (var sent in _sent.Where(s => s.Letter.LetterId == notifier.LetterId && s.Letter.CorrespondenceDate == notifier.CorrespondenceDate))
        {
            switch (notifier.Kind)
            {
                case NotifierKind.ReceiveLetter:
                    sent.Acknowledged = true;
                    break;
                case NotifierKind.AcceptLetter:
                    sent.AcceptId = notifier.AcceptId;
                    break;
                case NotifierKind.RejectLetter:
                    sent.Rejected = true;
                    break;
                case NotifierKind.InvalidLetter:
                    sent.ReportedInvalid = true;
                    break;
            }
        }
    }

    private async Task AnswerAsync(PeerInboxItem item, PeerBehaviour behaviour, CancellationToken cancellationToken)
    {
        if (item.Letter is { } letter)
        {
            if (behaviour.Reject?.Invoke(letter) == true)
            {
                await AcknowledgeIfAsync(behaviour, letter, cancellationToken).ConfigureAwait(false);
                await AnswerWith(behaviour, ct => RejectAsync(letter, ct), cancellationToken).ConfigureAwait(false);
                return;
            }

            if (behaviour.ReportInvalid?.Invoke(letter) == true)
            {
                await AnswerWith(behaviour, ct => ReportInvalidAsync(letter, ct), cancellationToken).ConfigureAwait(false);
                return;
            }

            await AcknowledgeIfAsync(behaviour, letter, cancellationToken).ConfigureAwait(false);
            if (behaviour.AutoRegister)
            {
                await AnswerWith(behaviour, ct => RegisterAsync(letter, NextReceiptNumber(behaviour, letter), ct), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var notifier = item.Notifier!;
        if (notifier.Kind == NotifierKind.InvalidAcceptId && behaviour.AutoRegister)
        {
            // The sender disputes our receipt number: register again under a new one (checklist D10).
            var registered = ReceivedLetters.LastOrDefault(l => l.LetterId == notifier.LetterId && l.CorrespondenceDate == notifier.CorrespondenceDate);
            if (registered is not null)
            {
                await AnswerWith(behaviour, ct => RegisterAsync(registered, NextReceiptNumber(behaviour, registered), ct), cancellationToken).ConfigureAwait(false);
            }
        }
        else if (notifier.Kind is NotifierKind.RejectLetter or NotifierKind.InvalidLetter && behaviour.AutoWithdrawRejected)
        {
            var sent = Sent.LastOrDefault(s => s.Letter.LetterId == notifier.LetterId && s.Letter.CorrespondenceDate == notifier.CorrespondenceDate);
            if (sent is not null)
            {
                await AnswerWith(behaviour, ct => WithdrawAsync(sent.Letter, ct), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private Task AcknowledgeIfAsync(PeerBehaviour behaviour, Letter letter, CancellationToken cancellationToken) =>
        behaviour.AutoAcknowledge ? AnswerWith(behaviour, ct => AcknowledgeAsync(letter, ct), cancellationToken) : Task.CompletedTask;

    private async Task AnswerWith(PeerBehaviour behaviour, Func<CancellationToken, Task<EcmsCallResult>> answer, CancellationToken cancellationToken)
    {
        if (behaviour.AnswerDelay > TimeSpan.Zero)
        {
            await Task.Delay(behaviour.AnswerDelay, Options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }

        var result = await answer(cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            Problem($"Scripted answer failed: {result.Describe()}");
        }
    }

    private string NextReceiptNumber(PeerBehaviour behaviour, Letter letter)
    {
        var number = Interlocked.Increment(ref _receiptCounter);
        if (behaviour.ReceiptNumber is { } custom)
        {
            return custom(letter, number);
        }

        // Receipt numbers are free text and carry the Buddhist-era year, as Thai registers do ("รับ 2567/04512").
        var year = WireFormats.BuddhistEraYear(WireFormats.ThaiToday(Options.TimeProvider));
        return string.Create(CultureInfo.InvariantCulture, $"รับ {year}/{number:D5}");
    }
}
