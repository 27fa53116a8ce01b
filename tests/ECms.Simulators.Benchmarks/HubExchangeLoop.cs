using System.Diagnostics;
using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Simulators.Client;
using ECms.Simulators.Hub;

namespace ECms.Simulators.Benchmarks;

/// <summary>
/// Eight agencies in a ring, each sending small letters to the next and acting as receiver for the previous one:
/// send, pull, delete, acknowledge, register, and the sender's pulls and deletes of both notifiers. A full exchange
/// is counted when the sender deletes the receipt-number notice of its letter.
/// </summary>
internal sealed class HubExchangeLoop(int agencies, int exchangesPerAgency, int window, FakeHubOptions? options = null)
{
    /// <summary>Exchanges per agency in one warm-up round.</summary>
    public const int WarmUpExchanges = 20;

    public async Task<LoopResult> RunAsync(HttpClient http, TimeSpan budget)
    {
        using var hub = FakeHub.Start(options);
        var clients = Enumerable.Range(0, agencies)
            .Select(i => new EcmsHubClient(hub.RegisterAgency(Agencies.Id(i), $"หน่วยงาน {i}", $"Agency {i}").Endpoint, http))
            .ToArray();
        var recorders = clients.Select(_ => new LatencyRecorder()).ToArray();

        var warmUpRounds = await WarmUp.UntilJitSettlesAsync(round =>
            RunRingAsync(clients, clients.Select(_ => new LatencyRecorder()).ToArray(), WarmUpExchanges, $"w{round}-", TimeSpan.FromSeconds(30)));
        var start = Stopwatch.GetTimestamp();
        var completed = await RunRingAsync(clients, recorders, exchangesPerAgency, "m", budget);
        var elapsed = Stopwatch.GetElapsedTime(start);
        foreach (var client in clients)
        {
            client.Dispose();
        }

        return new LoopResult(completed, recorders.Sum(r => r.Requests), elapsed, recorders, warmUpRounds);
    }

    private async Task<int> RunRingAsync(EcmsHubClient[] clients, LatencyRecorder[] recorders, int exchanges, string tag, TimeSpan budget)
    {
        var progress = new Progress(agencies * exchanges, Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * Stopwatch.Frequency));
        await Task.WhenAll(Enumerable.Range(0, agencies).Select(i => RunAgencyAsync(i, clients, recorders[i], exchanges, tag, progress)));
        return progress.Completed;
    }

    /// <summary>One agency: sends its quota (at most <c>window</c> letters in flight), and keeps serving as receiver until the whole ring is done.</summary>
    private async Task RunAgencyAsync(int index, EcmsHubClient[] clients, LatencyRecorder timer, int exchanges, string tag, Progress progress)
    {
        var me = clients[index];
        var next = (index + 1) % agencies;
        var previousEndpoint = clients[(index + agencies - 1) % agencies].Endpoint;
        int sent = 0, completed = 0;
        while (!progress.Done)
        {
            var busy = false;
            if (sent < exchanges && sent - completed < window)
            {
                var letter = Agencies.SmallLetter(index, next, sent) with { LetterId = $"{tag}{index}.{sent}" };
                await timer.Time(() => me.SendLetterAsync(letter, clients[next].Endpoint));
                sent++;
                busy = true;
            }

            while ((await timer.Time(() => me.PullAsync())).Response is PullResponse { Item: { } item })
            {
                busy = true;
                await timer.Time(() => me.DeleteAsync(item.ProcessId));
                if (item.Letter is { } letter)
                {
                    await timer.Time(() => me.SendNotifierAsync(Agencies.NotifierFor(NotifierKind.ReceiveLetter, letter), previousEndpoint));
                    await timer.Time(() => me.SendNotifierAsync(Agencies.NotifierFor(NotifierKind.AcceptLetter, letter, $"รับ {letter.LetterId}"), previousEndpoint));
                }
                else if (item.Notifier is { Kind: NotifierKind.AcceptLetter } accepted && accepted.LetterId.StartsWith(tag, StringComparison.Ordinal))
                {
                    completed++;
                    progress.Complete();
                }
            }

            if (!busy)
            {
                // Idle: poll again shortly, as a saraban system's poller would, instead of spinning on empty pulls.
                await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System);
            }
        }
    }

    private sealed class Progress(int target, long deadline)
    {
        private int _completed;

        public int Completed => Volatile.Read(ref _completed);

        public bool Done => Completed >= target || Stopwatch.GetTimestamp() > deadline;

        public void Complete() => Interlocked.Increment(ref _completed);
    }
}

internal sealed record LoopResult(int Exchanges, int Requests, TimeSpan Elapsed, IReadOnlyList<LatencyRecorder> Recorders, int WarmUpRounds)
{
    public double ExchangesPerSecond => Exchanges / Elapsed.TotalSeconds;

    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;
}
