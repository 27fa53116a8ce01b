using System.Buffers;
using System.Reflection;
using System.Security.Cryptography;
using ECms.Conformance.Steps.Checklist;
using ECms.Conformance.Steps.Profiles;
using ECms.Conformance.Steps.Session;
using ECms.Conformance.Steps.Verdicts;
using ECms.Protocol.Rules;
using ECms.Reports.Model;
using ECms.Simulators.Journal;

namespace ECms.Conformance.Steps.Run;

/// <summary>Fills the report model of ECms.Reports (report.json) from a run: items in checklist order, deviations, exchanges.</summary>
internal static class ReportBuilder
{
    /// <summary>Bodies above this size are kept as their hash only: a 15 MB letter would make report.json unreadable.</summary>
    private const long MaxBodyBytes = 512 * 1024;

    private static readonly Verdict[] Severity = [Verdict.Error, Verdict.Failed, Verdict.Warning, Verdict.Passed, Verdict.NotApplicable, Verdict.NotTested];

    public static RunReport Build(RunRequest request, ConformanceSession session, IReadOnlyList<ScenarioOutcome> outcomes, DateTimeOffset started, DateTimeOffset finished)
    {
        var items = Items(request, outcomes);
        var deviations = request.Profile.ExpectedDeviations
            .Where(d => items.Any(i => i.Id == d.Id))
            .Select(d => new DeviationOutcome { Id = d.Id, Reason = d.Reason, StillFails = items.First(i => i.Id == d.Id).Verdict is Verdict.Failed or Verdict.Warning })
            .ToArray();
        var unexpectedFailure = items.Any(i => i.Verdict == Verdict.Failed && request.Profile.ExpectedDeviation(i.Id) is null);
        var fixedDeviation = deviations.Any(d => !d.StillFails && items.First(i => i.Id == d.Id).Verdict == Verdict.Passed);
        var verdict = unexpectedFailure || fixedDeviation ? RunVerdict.Failed
            : items.Any(i => i.Verdict == Verdict.Error) ? RunVerdict.Error
            : RunVerdict.Passed;
        return new RunReport
        {
            Suite = Suite,
            Sut = new SutInfo
            {
                Name = request.Profile.SutName,
                Product = session.Health?.Product,
                Version = session.Health?.Version,
                OrganizationId = request.Profile.OrganizationId,
                Driver = session.Sut.Kind,
            },
            Profile = Profile(request.Profile),
            Verdict = verdict,
            Started = started,
            Finished = finished,
            DurationMs = (long)(finished - started).TotalMilliseconds,
            Items = items,
            ExpectedDeviations = deviations,
            Exchanges = Exchanges(session),
        };
    }

    public static RunReport ConfigurationError(RunRequest request, ConfigurationErrorException error, DateTimeOffset started, DateTimeOffset finished) =>
        NothingJudged(request, $"Not run: the pre-flight check failed (configuration error). {error}", error.Fix, started, finished);

    public static RunReport Interrupted(RunRequest request, string message, DateTimeOffset started, DateTimeOffset finished) =>
        NothingJudged(request, message, null, started, finished);

    private static RunReport NothingJudged(RunRequest request, string message, string? hint, DateTimeOffset started, DateTimeOffset finished) => new()
    {
        Suite = Suite,
        Profile = Profile(request.Profile),
        Verdict = RunVerdict.Error,
        Started = started,
        Finished = finished,
        DurationMs = (long)(finished - started).TotalMilliseconds,
        Items = Selected(request).Select(item => ResultFor(item, Verdict.Error, message) with { Hint = hint }).ToArray(),
    };

    /// <summary>An item's result: what the checklist says of the item, with the verdict and message of this run.</summary>
    private static ItemResult ResultFor(ChecklistItem item, Verdict verdict, string? message) => new()
    {
        Id = item.Id,
        Title = item.Title,
        Level = item.Level,
        Role = item.Role,
        Rules = item.Rules,
        Verdict = verdict,
        Message = message,
    };

    private static SuiteInfo Suite => new()
    {
        Name = "ECms.Conformance",
        Version = (typeof(ReportBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0],
        SpecVersion = "ecms2-protocol.md + checklist.md (derived, A1–F7)",
    };

    private static ProfileInfo Profile(RunProfile profile) => new()
    {
        Name = profile.Name,
        Path = profile.SourcePath,
        Sha256 = profile.Sha256,
        HubStrictness = profile.HubStrictness == ValidationProfile.Strict ? "strict" : "lenient",
    };

    private static IEnumerable<ChecklistItem> Selected(RunRequest request) =>
        ChecklistCatalog.Standard.Items.Where(i => request.Only is not { Count: > 0 } only || only.Contains(i.Id, StringComparer.OrdinalIgnoreCase));

    private static ItemResult[] Items(RunRequest request, IReadOnlyList<ScenarioOutcome> outcomes) =>
        Selected(request).Select(item =>
        {
            var scenarios = outcomes.Where(o => o.ItemId == item.Id).ToArray();
            if (scenarios.Length == 0)
            {
                return ResultFor(item, Verdict.NotTested, item.NotTestedReason ?? "The suite has no scenario for this item.");
            }

            var verdict = Worst(scenarios.Select(s => s.Verdict));
            var deciding = scenarios.FirstOrDefault(s => s.Verdict == verdict) ?? scenarios[0];
            var failing = scenarios.SelectMany(s => s.Checks?.Checks ?? []).FirstOrDefault(c => c.Outcome == verdict && verdict != Verdict.Passed);
            var notes = scenarios.SelectMany(s => s.Checks?.Notes ?? []).ToArray();
            var deviation = request.Profile.ExpectedDeviation(item.Id);
            var message = deciding.Message ?? (verdict == Verdict.Passed ? $"All {scenarios.SelectMany(s => s.Checks?.Checks ?? []).Count()} checks passed." : null);
            if (deviation is not null)
            {
                message = verdict is Verdict.Failed or Verdict.Warning
                    ? $"Expected deviation ({deviation.Reason}): {message}"
                    : $"Listed as an expected deviation ({deviation.Reason}) but it no longer fails: remove it from the profile. {message}";
            }

            if (notes.Length > 0)
            {
                message += " " + string.Join(" ", notes);
            }

            return ResultFor(item, verdict, message) with
            {
                Expected = failing?.Expected,
                Actual = failing?.Actual,
                Findings = scenarios.SelectMany(s => s.Checks?.Checks ?? []).SelectMany(c => c.Findings).Select(ToRecord).Take(50).ToArray(),
                Evidence = scenarios.SelectMany(s => s.Checks?.Evidence ?? []).Select(e => e.Id).Distinct().ToArray(),
                DurationMs = (long)scenarios.Sum(s => s.Duration.TotalMilliseconds),
            };
        }).ToArray();

    private static Verdict Worst(IEnumerable<Verdict> verdicts)
    {
        var all = verdicts.ToArray();
        if (all.All(v => v == Verdict.NotApplicable))
        {
            return Verdict.NotApplicable;
        }

        return Severity.First(s => all.Contains(s));
    }

    private static ExchangeRecord[] Exchanges(ConformanceSession session) =>
        session.Exchanges().Select(x => ToRecord(x.Ref, x.Entry, session)).ToArray();

    private static ExchangeRecord ToRecord(EvidenceRef id, JournalEntry entry, ConformanceSession session) => new()
    {
        Id = id.Id,
        Sequence = entry.Sequence,
        Time = entry.ReceivedAt,
        Endpoint = entry.Path,
        OrganizationId = entry.OrganizationId,
        AddressedTo = entry.Request?.Header.To,
        Operation = entry.Operation.ToString(),
        HttpMethod = entry.HttpMethod,
        ContentType = entry.ContentType,
        Status = entry.StatusCode == 0 ? null : entry.StatusCode,
        RequestBody = entry.RequestBody.Length <= MaxBodyBytes ? entry.RequestText : null,
        ResponseBody = entry.ResponseBody.Length <= MaxBodyBytes ? entry.ResponseText : null,
        RequestSha256 = Hash(entry.RequestBody),
        ResponseSha256 = Hash(entry.ResponseBody),
        Findings = entry.Findings.Select(ToRecord).ToArray(),
        InjectedFault = entry.Fault?.ToString(),
        Rejected = entry.Rejected,
        Errors = entry.Errors.Select(e => new ExchangeError(e.Code, e.Description)).ToArray(),
    };

    private static FindingRecord ToRecord(Finding finding) => new()
    {
        Rule = finding.RuleId,
        Level = finding.Level switch
        {
            RuleLevel.Must => RequirementLevel.Must,
            RuleLevel.Should => RequirementLevel.Should,
            _ => RequirementLevel.Info,
        },
        Message = new LocalizedText(finding.MessageTh, finding.MessageEn),
        Path = finding.Path,
        Value = finding.Value,
    };

    private static string Hash(ReadOnlySequence<byte> bytes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var segment in bytes)
        {
            hash.AppendData(segment.Span);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
