using System.Diagnostics;
using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Protocol.Wire;
using ECms.Simulators.Client;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace ECms.Simulators.Benchmarks;

/// <summary>
/// The physical ceiling: the same nine requests of a full exchange, written and read by the same client, against a
/// plain WireMock stub with static mappings. Each kind of request goes to its own path and gets a canned response of
/// the size the hub would send (a letter echo, a pulled letter, a notifier), but no state and no checks.
/// </summary>
internal sealed class StubExchangeLoop(int agencies, int exchangesPerAgency)
{
    private static readonly string[] Paths = ["send", "pull-letter", "pull-notifier", "delete", "notify"];

    public async Task<LoopResult> RunAsync(HttpClient http, TimeSpan budget)
    {
        using var stub = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = ["http://127.0.0.1:0"],
            MaxRequestLogCount = 0,
            Logger = new WireMock.Logging.WireMockNullLogger(),
        });
        var letter = Agencies.SmallLetter(0, 1, 0);
        var notifier = Agencies.NotifierFor(NotifierKind.AcceptLetter, letter, "รับ 1") with { AcceptDate = "2024-06-11T09:30:00.000", AcceptDepartmentCode = Agencies.Id(1) };
        EcmsResponse[] canned =
        [
            new SendLetterResponse("S000000000001", "2024-06-11T09:30:00.000", letter),
            new PullResponse(QueueItem.ForLetter("Q000000000002", "2024-06-11T09:30:00.000", letter)),
            new PullResponse(QueueItem.ForNotifier("Q000000000003", "2024-06-11T09:30:00.000", notifier)),
            new DeleteFromQueueResponse("Q000000000002", "2024-06-11T09:30:00.000"),
            new SendNotifierResponse("N000000000004", "2024-06-11T09:30:00.000", notifier),
        ];
        for (var i = 0; i < Paths.Length; i++)
        {
            stub.Given(Request.Create().WithPath($"/{Paths[i]}").UsingPost()).RespondWith(Response.Create().WithStatusCode(200)
                .WithHeader("Content-Type", "text/xml; charset=utf-8").WithBody(EcmsWriter.WriteResponse(canned[i])));
        }

        var clients = Enumerable.Range(0, agencies)
            .Select(_ => Paths.Select(path => new EcmsHubClient(new Uri($"{stub.Url}/{path}"), http)).ToArray())
            .ToArray();
        var recorders = clients.Select(_ => new LatencyRecorder()).ToArray();

        var warmUpRounds = await WarmUp.UntilJitSettlesAsync(_ =>
            Task.WhenAll(Enumerable.Range(0, agencies).Select(i => RunAgencyAsync(i, clients[i], new LatencyRecorder(), HubExchangeLoop.WarmUpExchanges, budget))));
        var start = Stopwatch.GetTimestamp();
        var completed = await Task.WhenAll(Enumerable.Range(0, agencies).Select(i => RunAgencyAsync(i, clients[i], recorders[i], exchangesPerAgency, budget)));
        var elapsed = Stopwatch.GetElapsedTime(start);
        foreach (var client in clients.SelectMany(c => c))
        {
            client.Dispose();
        }

        return new LoopResult(completed.Sum(), recorders.Sum(r => r.Requests), elapsed, recorders, warmUpRounds);
    }

    private async Task<int> RunAgencyAsync(int index, EcmsHubClient[] paths, LatencyRecorder timer, int exchanges, TimeSpan budget)
    {
        var (send, pullLetter, pullNotifier, delete, notify) = (paths[0], paths[1], paths[2], paths[3], paths[4]);
        var deadline = Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * Stopwatch.Frequency);
        var completed = 0;
        while (completed < exchanges && Stopwatch.GetTimestamp() < deadline)
        {
            var letter = Agencies.SmallLetter(index, (index + 1) % agencies, completed);
            await timer.Time(() => send.SendLetterAsync(letter, send.Endpoint));
            await timer.Time(() => pullLetter.PullAsync());
            await timer.Time(() => delete.DeleteAsync("Q1"));
            await timer.Time(() => notify.SendNotifierAsync(Agencies.NotifierFor(NotifierKind.ReceiveLetter, letter), notify.Endpoint));
            await timer.Time(() => notify.SendNotifierAsync(Agencies.NotifierFor(NotifierKind.AcceptLetter, letter, "รับ 1"), notify.Endpoint));
            await timer.Time(() => pullNotifier.PullAsync());
            await timer.Time(() => delete.DeleteAsync("Q2"));
            await timer.Time(() => pullNotifier.PullAsync());
            await timer.Time(() => delete.DeleteAsync("Q3"));
            completed++;
        }

        return completed;
    }
}
