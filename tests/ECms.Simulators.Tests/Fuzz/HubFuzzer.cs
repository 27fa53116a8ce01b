using System.Diagnostics;
using System.Globalization;
using System.Text;
using ECms.Protocol;
using ECms.Protocol.Messages;
using ECms.Protocol.Rules;
using ECms.Protocol.Wire;
using ECms.Simulators.Client;
using ECms.Simulators.Hub;
using ECms.Simulators.Journal;
using ECms.Simulators.Tests.Support;

namespace ECms.Simulators.Tests.Fuzz;

/// <summary>How many mutants, from which seed; <see cref="FromEnvironment"/> lets a longer local run raise both.</summary>
public sealed record FuzzSettings(int Seed, int Mutants)
{
    public const string SeedVariable = "ECMS_FUZZ_SEED";
    public const string MutantsVariable = "ECMS_FUZZ_MUTANTS";

    /// <summary>Mutants per hub: a fresh hub (alternately lenient and strict) keeps state varied and the journal small.</summary>
    public int BatchSize { get; init; } = 250;

    /// <summary>Only these operations as templates (null: all of <see cref="ValidRequests.Operations"/>).</summary>
    public IReadOnlyList<Operation>? Operations { get; init; }

    /// <summary>Stop after this many failing mutants; each is reported in full.</summary>
    public int MaxFailures { get; init; } = 5;

    public static FuzzSettings FromEnvironment(int seed, int mutants) => new(
        Number(SeedVariable) ?? seed,
        Number(MutantsVariable) ?? mutants);

    private static int? Number(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}

/// <summary>One mutant the hub mishandled, and where its bytes and the whole story were written.</summary>
public sealed record FuzzFailure(int Index, Operation Template, Mutant Mutant, string Problem, string ReportPath)
{
    public override string ToString() =>
        $"mutant #{Index} of a {Template} request [{Mutant.Describe()}]: {Problem}\n  bytes and details: {ReportPath}\n  body: {Preview(Mutant.Body)}";

    private static string Preview(byte[] body) => body.Length <= 1_500
        ? $"base64 {Convert.ToBase64String(body)}"
        : $"{body.Length:N0} bytes, starting {Convert.ToBase64String(body.AsSpan(0, 600))}";
}

/// <summary>What a fuzz run did: how the hub answered, which mutations ran, what failed.</summary>
public sealed class FuzzReport(FuzzSettings settings)
{
    public FuzzSettings Settings { get; } = settings;
    public int Exchanges { get; set; }
    public Dictionary<ExchangeOutcome, int> Outcomes { get; } = [];
    public Dictionary<string, int> MutationsUsed { get; } = new(StringComparer.Ordinal);
    public List<FuzzFailure> Failures { get; } = [];
    public List<string> Batches { get; } = [];

    /// <summary>The slowest exchanges (time, mutant, what it was), to keep an eye on what makes the hub work hard.</summary>
    public List<(TimeSpan Took, int Index, string What)> Slowest { get; } = [];
    public TimeSpan Elapsed { get; set; }

    public string Summary() =>
        $"Fuzzed the hub with {Exchanges:N0} mutants from seed {Settings.Seed} in {Elapsed.TotalSeconds:0.0} s " +
        $"(set {FuzzSettings.SeedVariable} / {FuzzSettings.MutantsVariable} to change). Outcomes: " +
        string.Join(", ", Outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value:N0}")) + ". Mutations: " +
        string.Join(", ", MutationsUsed.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key} {m.Value:N0}")) + ". Hubs: " +
        string.Join("; ", Batches) + ". Slowest: " +
        string.Join("; ", Slowest.OrderByDescending(s => s.Took).Take(5).Select(s => $"#{s.Index} {s.Took.TotalMilliseconds:N0} ms {s.What}")) + ".";
}

/// <summary>
/// Posts seeded mutants of valid requests to a fake hub holding state, over real HTTP, and judges every answer:
/// (1) an HTTP answer came back, 200 or the documented 500 of a SOAP fault; (2) it is a SOAP 1.1 envelope holding the
/// operation's response, an ErrorDetail refusal, or a Client/VersionMismatch fault, and nothing else; (3) a refusal
/// left <see cref="FakeHub.DescribeState"/> as it was; (4) the journal has the exchange with an outcome that matches
/// the answer, never InternalError; (5) after each batch the hub still serves a normal letter exchange.
/// </summary>
public static class HubFuzzer
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan JournalTimeout = TimeSpan.FromSeconds(10);
    private static readonly string[] ContentTypes = ["text/xml; charset=utf-8", "text/xml", "text/xml; encoding='utf-8'"];

    public static async Task<FuzzReport> RunAsync(
        FuzzSettings settings,
        string reportFolder,
        Func<FakeHubOptions, FakeHubOptions>? configure = null,
        Action<HubRig>? prepare = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var report = new FuzzReport(settings);
        var watch = Stopwatch.StartNew();
        using var http = new HttpClient { Timeout = AnswerTimeout };
        for (var first = 0; first < settings.Mutants && report.Failures.Count < settings.MaxFailures; first += settings.BatchSize)
        {
            var batch = first / settings.BatchSize;
            var profile = batch % 2 == 0 ? ValidationProfile.Lenient : ValidationProfile.Strict;

            // Every fourth hub keeps its state in SQLite, as the development hub does: every accepted change is written through.
            var store = batch % 4 == 3 ? Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"ecms-fuzz-{Environment.ProcessId}-{batch}")) : null;
            await using var stored = new StoreFolder(store);
            // Every third hub takes the other [HARNESS] choices: queue items reuse the submission's ProcessID, no echo
            // of the letter, short error texts, the SOAP namespace declared twice.
            var variant = batch % 3 == 2;
            await using var rig = HubRig.Create(ValidationProfile.Lenient, options =>
            {
                var configured = configure?.Invoke(options) ?? options;
                configured = variant
                    ? configured with
                    {
                        QueueItemReusesSubmissionProcessId = true,
                        EchoLetterInSendResponse = false,
                        DetailedErrorDescriptions = false,
                        WriterOptions = configured.WriterOptions with { DeclareEnvAlias = true },
                    }
                    : configured;
                return store is null ? configured : configured with { DataFile = Path.Combine(store, "hub.db") };
            });
            var requests = new ValidRequests(rig);
            await requests.SeedAsync();
            rig.Hub.Strictness = profile;
            prepare?.Invoke(rig);
            var batchStart = watch.Elapsed;

            var last = Math.Min(settings.Mutants, first + settings.BatchSize);
            for (var index = first; index < last && report.Failures.Count < settings.MaxFailures; index++)
            {
                var random = new Random(MutantSeed(settings.Seed, index));
                var operations = settings.Operations ?? ValidRequests.Operations;
                var template = requests.Build(operations[random.Next(operations.Count)], index, random, profile);
                var mutant = Mutators.Mutate(template.Body, random, requests.StateValues(index));
                var target = random.Next(10) == 0 ? rig.Hub.Agencies[random.Next(rig.Hub.Agencies.Count)].OrganizationId : template.Caller;
                var contentType = ContentTypes[random.Next(ContentTypes.Length)];
                foreach (var mutation in mutant.Mutations)
                {
                    var name = mutation[..mutation.IndexOf('(', StringComparison.Ordinal)];
                    report.MutationsUsed[name] = report.MutationsUsed.GetValueOrDefault(name) + 1;
                }

                var sent = watch.Elapsed;
                var exchange = await ExchangeAsync(rig, http, target, contentType, mutant.Body);
                report.Exchanges++;
                report.Slowest.Add((watch.Elapsed - sent, index, $"{template.Operation} [{mutant.Describe()}] {mutant.Body.Length:N0} bytes"));
                if (report.Slowest.Count > 20)
                {
                    report.Slowest.Remove(report.Slowest.MinBy(s => s.Took));
                }

                if (exchange.Outcome is { } outcome)
                {
                    report.Outcomes[outcome] = report.Outcomes.GetValueOrDefault(outcome) + 1;
                }

                if (exchange.Problem is not null)
                {
                    var path = WriteFailure(reportFolder, settings, index, profile, template, target, contentType, mutant, exchange);
                    report.Failures.Add(new FuzzFailure(index, template.Operation, mutant, exchange.Problem, path));
                }
            }

            report.Batches.Add(string.Create(CultureInfo.InvariantCulture,
                $"#{batch} {profile}{(store is null ? "" : " SQLite")}{(variant ? " variant" : "")} {(watch.Elapsed - batchStart).TotalSeconds:0.0} s"));
            if (await StillServesProblemAsync(rig, requests, settings.Seed, batch) is { } problem)
            {
                var path = Path.Combine(reportFolder, string.Create(CultureInfo.InvariantCulture, $"fuzz-{settings.Seed}-batch{batch}-afterwards.txt"));
                Directory.CreateDirectory(reportFolder);
                await File.WriteAllTextAsync(path, problem + "\n\nJournal tail:\n" + string.Join('\n', rig.Hub.Journal.Entries.TakeLast(20)), new UTF8Encoding(false));
                report.Failures.Add(new FuzzFailure(last - 1, Operation.SendLetter, new Mutant([], ["(none: the valid exchange after the batch)"]), problem, path));
            }
        }

        report.Elapsed = watch.Elapsed;
        return report;
    }

    /// <summary>Independent of the mutants before it, so that a mutant's own choices depend only on seed and index.</summary>
    public static int MutantSeed(int seed, int index) => unchecked((seed * 486_187_739) ^ (index * 16_777_619) ^ 0x5EED);

    private static async Task<Exchange> ExchangeAsync(HubRig rig, HttpClient http, string organizationId, string contentType, byte[] body)
    {
        var hub = rig.Hub;
        var before = hub.DescribeState();
        var after = hub.Journal.LastSequence;
        int status;
        byte[] answer;
        string? responseType;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, hub.EndpointOf(organizationId)) { Content = new ByteArrayContent(body) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            using var response = await http.SendAsync(request);
            status = (int)response.StatusCode;
            responseType = response.Content.Headers.ContentType?.MediaType;
            answer = await response.Content.ReadAsByteArrayAsync();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            return new Exchange(null, $"no HTTP answer ({ex.GetType().Name}: {ex.Message})", null, before, hub.DescribeState(), []);
        }

        JournalEntry entry;
        try
        {
            entry = await hub.Journal.WaitForAsync(_ => true, JournalTimeout, "the journal entry of the mutant", after);
        }
        catch (JournalWaitTimeoutException ex)
        {
            return new Exchange(null, $"HTTP {status} but no journal entry: {ex.Message}", null, before, hub.DescribeState(), answer);
        }

        var state = hub.DescribeState();
        var problem = Judge(entry, body, status, responseType, answer, before, state);
        return new Exchange(entry.Outcome, problem, entry, before, state, answer);
    }

    /// <summary>Null when the hub handled the mutant as the standard asks; otherwise what it did wrong.</summary>
    private static string? Judge(JournalEntry entry, byte[] body, int status, string? responseType, byte[] answer, string before, string state)
    {
        if (entry.Outcome == ExchangeOutcome.InternalError)
        {
            return $"the hub failed (journal outcome InternalError, HTTP {status}): {entry.Problem}";
        }

        if (!System.Buffers.BuffersExtensions.ToArray(entry.RequestBody).AsSpan().SequenceEqual(body))
        {
            return $"the next journal entry (#{entry.Sequence}) is not this request: {entry}";
        }

        if (status is not (200 or 500))
        {
            return $"HTTP {status}; the hub answers a request it read with 200, or 500 with a SOAP fault";
        }

        if (entry.StatusCode != status)
        {
            return $"the journal says HTTP {entry.StatusCode}, the client got {status}";
        }

        if (responseType != "text/xml")
        {
            return $"the answer's Content-Type is {responseType ?? "missing"}, not text/xml";
        }

        var loaded = SafeXmlLoader.Load(answer, new XmlLimits { MaxBytes = Math.Max(answer.Length, 1) });
        if (loaded.Document is null)
        {
            return $"the answer is not well-formed XML ({loaded.Problem}): {Text(answer)}";
        }

        var envelope = SoapEnvelope.From(loaded.Document);
        if (!envelope.IsSoap11 || envelope.Body is null || envelope.BodyChildren.Count != 1)
        {
            return $"the answer is not a SOAP 1.1 envelope with exactly one body child: {Text(answer)}";
        }

        var kind = Classify(entry, envelope, status);
        if (kind.Problem is not null)
        {
            return kind.Problem;
        }

        if (kind.Refusal && state != before)
        {
            return $"the hub refused ({entry.Outcome}) but its state changed:\n--- before\n{before}--- after\n{state}";
        }

        return null;
    }

    private static (bool Refusal, string? Problem) Classify(JournalEntry entry, SoapEnvelope envelope, int status)
    {
        var child = envelope.BodyChildren[0];
        if (envelope.Fault is { } fault)
        {
            var code = EcmsReader.Child(fault, "faultcode")?.Value;
            var errors = fault.Descendants().Where(e => e.Name.LocalName == "ErrorDetail").Select(e => EcmsReader.Child(e, "ErrorCode")?.Value).ToArray();
            return (true, code is not ("SOAP-ENV:Client" or "SOAP-ENV:VersionMismatch") ? $"a SOAP fault with faultcode {code}: {EcmsReader.Child(fault, "faultstring")?.Value}"
                : status != 500 ? $"a SOAP fault with HTTP {status}, not 500"
                : entry.Outcome != ExchangeOutcome.Invalid ? $"a SOAP fault, but the journal says {entry.Outcome}"
                : errors is not ["E100"] ? $"a SOAP fault whose ErrorDetail codes are [{string.Join(", ", errors)}], not [E100]"
                : entry.Problem is null ? "a SOAP fault, but the journal entry says no Problem"
                : null);
        }

        if (status != 200)
        {
            return (false, $"<{child.Name.LocalName}> with HTTP {status}: only SOAP faults go with 500");
        }

        if (entry.Operation == Operation.Unknown || child.Name.LocalName != entry.Operation.ResponseElement())
        {
            return (false, $"<{child.Name.LocalName}> answers a {entry.Operation} request");
        }

        return EcmsReader.ReadResponse(envelope) switch
        {
            null => (false, $"<{child.Name.LocalName}> is not a response the protocol reader understands"),
            ErrorResponse refusal => (true, entry.Outcome != ExchangeOutcome.Rejected ? $"an ErrorDetail refusal, but the journal says {entry.Outcome}"
                : refusal.Errors.Any(e => e.Code is "E900" or "" || e.Description.Length == 0) ? $"a refusal with a hub-failure or empty ErrorDetail: {string.Join("; ", refusal.Errors)}"
                : null),
            _ => (false, entry.Outcome != ExchangeOutcome.Accepted ? $"a normal response, but the journal says {entry.Outcome}" : null),
        };
    }

    /// <summary>After a batch: a fresh letter from A reaches C, C pulls and deletes it; null when all went well.</summary>
    private static async Task<string?> StillServesProblemAsync(HubRig rig, ValidRequests requests, int seed, int batch)
    {
        try
        {
            rig.Hub.ClearQueue(HubRig.C);
            using var clientC = new EcmsHubClient(rig.Hub.EndpointOf(HubRig.C), options: new EcmsHubClientOptions { Timeout = AnswerTimeout });
            var letter = requests.ComposeLetter(HubRig.A, HubRig.C, string.Create(CultureInfo.InvariantCulture, $"ตรวจ {seed}/{batch}"));
            (await rig.PeerA.SendLetterAsync(letter)).Expect<SendLetterResponse>();
            var item = (await clientC.PullAsync()).Expect<PullResponse>().Item;
            if (item?.Letter?.LetterId != letter.LetterId || item.Letter.Subject != letter.Subject)
            {
                return $"after batch {batch}, C pulled {item?.Letter?.LetterId ?? "nothing"} instead of the letter A just sent";
            }

            (await clientC.DeleteAsync(item.ProcessId)).Expect<DeleteFromQueueResponse>();
            return null;
        }
#pragma warning disable CA1031 // Whatever went wrong is the finding.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return $"after batch {batch} the hub no longer served a normal exchange: {ex.Message}";
        }
    }

    private static string WriteFailure(string folder, FuzzSettings settings, int index, ValidationProfile profile, FuzzRequest template,
        string target, string contentType, Mutant mutant, Exchange exchange)
    {
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"fuzz-{settings.Seed}-{index}"));
        File.WriteAllBytes(stem + ".request.xml", mutant.Body);
        var story = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Seed {settings.Seed}, mutant #{index} (batch of {settings.BatchSize}, hub {profile}).")
            .AppendLine(CultureInfo.InvariantCulture, $"Reproduce: {FuzzSettings.SeedVariable}={settings.Seed} {FuzzSettings.MutantsVariable}={index + 1} dotnet test tests/ECms.Simulators.Tests --filter FullyQualifiedName~HubFuzzTests.MutatedRequests")
            .AppendLine(CultureInfo.InvariantCulture, $"Template: {template.Operation} from {template.Caller}; posted to {target}'s endpoint as {contentType}.")
            .AppendLine(CultureInfo.InvariantCulture, $"Mutations: {mutant.Describe()}")
            .AppendLine(CultureInfo.InvariantCulture, $"Problem: {exchange.Problem}")
            .AppendLine(CultureInfo.InvariantCulture, $"Journal: {exchange.Entry?.ToString() ?? "(none)"}; problem: {exchange.Entry?.Problem ?? "(none)"}")
            .AppendLine("Findings:");
        foreach (var finding in exchange.Entry?.Findings ?? [])
        {
            story.AppendLine(CultureInfo.InvariantCulture, $"  {finding.RuleId} {finding.Level} at {finding.Path}: {finding.MessageEn}");
        }

        story.AppendLine("Request (as text, exact bytes in .request.xml):").AppendLine(Text(mutant.Body, 20_000))
            .AppendLine("Answer:").AppendLine(Text(exchange.Answer, 20_000))
            .AppendLine("State before:").Append(exchange.Before)
            .AppendLine("State after:").Append(exchange.After);
        // Lenient encoding: a mutant may have split a surrogate pair, and the report must still be written.
        File.WriteAllText(stem + ".txt", story.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return stem + ".txt";
    }

    private static string Text(byte[] bytes, int max = 2_000)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return text.Length <= max ? text : string.Create(CultureInfo.InvariantCulture, $"{text[..max]}… ({bytes.Length:N0} bytes)");
    }

    /// <summary>A scratch folder for a hub's SQLite file, deleted after the hub (disposed first, declared later) lets go of it.</summary>
    private sealed class StoreFolder(string? path) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            if (path is not null && Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }

            return ValueTask.CompletedTask;
        }
    }

    private sealed record Exchange(ExchangeOutcome? Outcome, string? Problem, JournalEntry? Entry, string Before, string After, byte[] Answer);
}
