using System.Text.Json.Serialization;

namespace ECms.Reports.Model;

/// <summary>
/// One certification run as the suite recorded it: the content of <c>report.json</c> (issue 5). Every artifact of the
/// evidence bundle is rendered from this and nothing else, so a bundle can be re-rendered and compared by anyone.
/// Fields that a run cut short cannot know (the SUT died, the harness broke) are nullable.
/// </summary>
public sealed record RunReport
{
    public required SuiteInfo Suite { get; init; }

    /// <summary>Null when pre-flight never reached the system under test.</summary>
    public SutInfo? Sut { get; init; }

    public ProfileInfo? Profile { get; init; }

    public required RunVerdict Verdict { get; init; }

    /// <summary>Hub clock at the start of the run; the only "time" the renderers ever show.</summary>
    public DateTimeOffset? Started { get; init; }

    /// <summary>Null when the run did not finish (the harness itself was stopped).</summary>
    public DateTimeOffset? Finished { get; init; }

    public long? DurationMs { get; init; }

    public IReadOnlyList<ItemResult> Items { get; init; } = [];

    /// <summary>Checklist items the profile allows to fail, and whether they still do (a fixed deviation is news).</summary>
    public IReadOnlyList<DeviationOutcome> ExpectedDeviations { get; init; } = [];

    public IReadOnlyList<ExchangeRecord> Exchanges { get; init; } = [];

    /// <summary>Set when personal data was redacted from this report; says what was taken out.</summary>
    public RedactionInfo? Redaction { get; init; }

    [JsonIgnore]
    public IEnumerable<ItemResult> ItemsInChecklistOrder => Items.OrderBy(item => item.Id, ChecklistOrder.Comparer);

    public int Count(Verdict verdict) => Items.Count(item => item.Verdict == verdict);

    public ExchangeRecord? FindExchange(string id) => Exchanges.FirstOrDefault(exchange => exchange.Id == id);
}
