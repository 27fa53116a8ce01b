using System.Globalization;
using ECms.Simulators.Benchmarks;

// The fake hub's figures in one bounded run (about half a minute on 2 cores). Not a test: it prints, never asserts.
// Usage: dotnet run -c Release --project tests/ECms.Simulators.Benchmarks [exchangesPerAgency] [--rule-costs] [--loop-only]
//        dotnet run -c Release --project tests/ECms.Simulators.Benchmarks -- --store   (the dev hub's data file only)
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Contains("--store"))
{
    Console.WriteLine($"Hub data file benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}; full rule engine, sequential client");
    var rates = await StoreProbe.RequestRatesAsync();
    Console.WriteLine($"send + pull + delete: in memory {rates.InMemory:0} req/s; SQLite {rates.Sqlite:0} req/s ({rates.Sqlite / rates.InMemory:P0}); {rates.Cycles} cycles each");
    var restart = await StoreProbe.RestartWithLettersAsync(10_000);
    Console.WriteLine($"restart on a file with {restart.Letters:N0} letters and {restart.Queued:N0} queue items: {restart.Start.TotalMilliseconds:0} ms; file {restart.FileBytes / 1024:N0} KiB");
    return;
}

const int AgencyCount = 8;
var exchanges = args.Length > 0 && char.IsAsciiDigit(args[0][0]) ? int.Parse(args[0], CultureInfo.InvariantCulture) : 150;
var budget = TimeSpan.FromSeconds(20);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromSeconds(60) };

Console.WriteLine($"Fake e-CMS hub benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {AgencyCount} agencies, {exchanges} exchanges each");
Console.WriteLine("A full exchange: send + pull + delete + 2 notifiers + the sender's 2 pulls and deletes (9 requests, plus empty pulls on the hub).");
Console.WriteLine($"Each target first runs unmeasured rounds until the JIT settles ({WarmUp.Describe}); the figures are steady state.");

var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
var hub = await new HubExchangeLoop(AgencyCount, exchanges, window: 2).RunAsync(http, budget);
Console.WriteLine($"GC during the hub loop: gen0 {GC.CollectionCount(0) - gcBefore.Item1}, gen1 {GC.CollectionCount(1) - gcBefore.Item2}, gen2 {GC.CollectionCount(2) - gcBefore.Item3}");
var bare = await new HubExchangeLoop(AgencyCount, exchanges, window: 2, new ECms.Simulators.Hub.FakeHubOptions { RuleEngine = new ECms.Protocol.Rules.RuleEngine([]) }).RunAsync(http, budget);
Console.WriteLine($"Hub without rules: {bare.ExchangesPerSecond:0.0} exchanges/s, {bare.RequestsPerSecond:0} req/s, p50 {LatencyRecorder.Percentile(bare.Recorders, 50):0.00} ms, p99 {LatencyRecorder.Percentile(bare.Recorders, 99):0.00} ms");
var stub = await new StubExchangeLoop(AgencyCount, exchanges).RunAsync(http, budget);
Console.WriteLine();
Console.WriteLine($"Hub : {hub.Exchanges,6} exchanges in {hub.Elapsed.TotalSeconds,5:0.00} s = {hub.ExchangesPerSecond,7:0.0} exchanges/s; {hub.Requests,6} requests = {hub.RequestsPerSecond,7:0} req/s (after {hub.WarmUpRounds} warm-up rounds)");
Console.WriteLine($"Stub: {stub.Exchanges,6} exchanges in {stub.Elapsed.TotalSeconds,5:0.00} s = {stub.ExchangesPerSecond,7:0.0} exchanges/s; {stub.Requests,6} requests = {stub.RequestsPerSecond,7:0} req/s (after {stub.WarmUpRounds} warm-up rounds; static WireMock stub, canned responses of the hub's sizes, same client)");
Console.WriteLine($"Hub / stub: {hub.RequestsPerSecond / stub.RequestsPerSecond:P0} of the request rate, {hub.ExchangesPerSecond / stub.ExchangesPerSecond:P0} of the exchange rate (goal ≥ 50 %)");
Console.WriteLine($"Hub latency, small letters, client-observed: p50 {LatencyRecorder.Percentile(hub.Recorders, 50):0.00} ms, p99 {LatencyRecorder.Percentile(hub.Recorders, 99):0.00} ms (goal p99 < 20 ms)");
Console.WriteLine($"Stub latency: p50 {LatencyRecorder.Percentile(stub.Recorders, 50):0.00} ms, p99 {LatencyRecorder.Percentile(stub.Recorders, 99):0.00} ms");

if (args.Contains("--rule-costs"))
{
    var timed = ECms.Protocol.Rules.RuleEngine.Standard.Rules.Select(rule => new TimedRule(rule)).ToArray();
    var measured = await new HubExchangeLoop(AgencyCount, exchanges, window: 2, new ECms.Simulators.Hub.FakeHubOptions { RuleEngine = new ECms.Protocol.Rules.RuleEngine(timed) }).RunAsync(http, budget);
    Console.WriteLine($"Hub with timed rules: {measured.RequestsPerSecond:0} req/s; rules in place, costliest first (µs per call × calls):");
    foreach (var rule in timed.Where(r => r.Calls > 0).OrderByDescending(r => r.MicrosecondsPerCall * r.Calls).Take(12))
    {
        Console.WriteLine($"  {rule.Id,-14} {rule.MicrosecondsPerCall,8:0.0} µs × {rule.Calls,6}");
    }
}

if (args.Contains("--loop-only"))
{
    return;
}

var memory = await MemoryProbe.RunAsync(http, letters: 20, fileBytes: 10 * 1024 * 1024);
const double MiB = 1024 * 1024;
Console.WriteLine();
Console.WriteLine($"Memory: {memory.Queued} letters queued, payload {memory.PayloadBytes / MiB:0} MiB of files = {memory.WireBytes / MiB:0} MiB on the wire (base64)");
Console.WriteLine($"  held by the hub (managed heap with the hub minus without it, after full GCs): {memory.RetainedBytes / MiB:0} MiB = {(double)memory.RetainedBytes / memory.PayloadBytes:0.00}× the file payload, {(double)memory.RetainedBytes / memory.WireBytes:0.00}× the wire payload (goal < 2×)");
Console.WriteLine($"  process peak working set: {memory.PeakWorkingSet / MiB:0} MiB (baseline {memory.BaselineWorkingSet / MiB:0} MiB; includes the in-process client's transient copies)");
Console.WriteLine($"  first pulled letter byte-identical: {memory.Intact}");

var plain = await BodyLimitProbe.PlainWireMockAsync(http, 100L * 1024 * 1024);
var guarded = await BodyLimitProbe.HubAsync(http, 100L * 1024 * 1024);
Console.WriteLine();
Console.WriteLine($"100 MB POST: plain WireMock answered {plain.Status} after allocating {plain.Allocated / MiB:0} MiB; the hub answered {guarded.Status} after allocating {guarded.Allocated / MiB:0.0} MiB");
