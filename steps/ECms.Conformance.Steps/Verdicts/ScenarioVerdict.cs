using ECms.Conformance.Steps.Profiles;
using ECms.Protocol.Rules;
using ECms.Reports.Model;

namespace ECms.Conformance.Steps.Verdicts;

/// <summary>
/// The per-scenario verdict collector. Every check records here; a failed check of a MUST item stops the scenario as
/// Failed, of a SHOULD item as Warning; <see cref="Warn"/> records a SHOULD-level problem and lets the scenario go on.
/// The run engine reads the result; under `dotnet test` the same records decide the NUnit outcome.
/// </summary>
public sealed class ScenarioVerdict
{
    private readonly Lock _gate = new();
    private readonly List<CheckRecord> _checks = [];
    private readonly List<EvidenceRef> _evidence = [];
    private readonly List<string> _notes = [];
    private readonly IVerdictSignals _signals;

    public ScenarioVerdict(string itemId, RequirementLevel level, ItemNote? expectedDeviation, IVerdictSignals signals)
    {
        ItemId = itemId;
        Level = level;
        ExpectedDeviation = expectedDeviation;
        _signals = signals;
    }

    public string ItemId { get; }

    public RequirementLevel Level { get; }

    public ItemNote? ExpectedDeviation { get; }

    public IReadOnlyList<CheckRecord> Checks
    {
        get
        {
            lock (_gate)
            {
                return _checks.ToArray();
            }
        }
    }

    /// <summary>Journal entries that show what happened, in the order they were cited, without repeats.</summary>
    public IReadOnlyList<EvidenceRef> Evidence
    {
        get
        {
            lock (_gate)
            {
                return _evidence.Distinct().ToArray();
            }
        }
    }

    /// <summary>Operator answers and other facts worth keeping in the report.</summary>
    public IReadOnlyList<string> Notes
    {
        get
        {
            lock (_gate)
            {
                return _notes.ToArray();
            }
        }
    }

    /// <summary>The verdict a stop recorded (Failed, Warning, NotApplicable, Error); null while the scenario runs on.</summary>
    public Verdict? StoppedWith { get; private set; }

    private int _probing;

    /// <summary>
    /// While the returned scope lives, checks record nothing: used to produce traffic whose own problems other items
    /// judge (group E's background exchange). A stop still throws, so the caller decides how far to go.
    /// </summary>
    public IDisposable Probing()
    {
        Interlocked.Increment(ref _probing);
        return new ProbeScope(this);
    }

    public void Cite(IEnumerable<EvidenceRef> evidence)
    {
        lock (_gate)
        {
            _evidence.AddRange(evidence);
        }
    }

    public void Note(string note)
    {
        lock (_gate)
        {
            _notes.Add(note);
        }
    }

    public void Pass(string message, params EvidenceRef[] evidence) => Record(Verdict.Passed, message, null, null, [], evidence);

    /// <summary>A SHOULD-level check was broken: recorded as Warning, and the scenario goes on.</summary>
    public void Warn(string message, string? expected = null, string? actual = null, IReadOnlyList<Finding>? findings = null, params EvidenceRef[] evidence) =>
        Record(Verdict.Warning, message, expected, actual, findings ?? [], evidence);

    /// <summary>
    /// A check of the item failed: Failed for a MUST item, Warning for a SHOULD item. Returns the exception to throw,
    /// so that call sites read <c>throw verdict.Fail(…)</c> and the compiler knows the scenario stops there.
    /// </summary>
    public Exception Fail(string message, string? expected = null, string? actual = null, IReadOnlyList<Finding>? findings = null, params EvidenceRef[] evidence)
    {
        var outcome = Level == RequirementLevel.Should ? Verdict.Warning : Verdict.Failed;
        Record(outcome, message, expected, actual, findings ?? [], evidence);
        return StopWith(outcome, Describe(message, expected, actual), null);
    }

    /// <summary>A SHOULD-level shortfall that ends the scenario (e.g. the lower-grade pass of C5): Warning whatever the item's level.</summary>
    public Exception FailShould(string message, string? expected = null, string? actual = null, params EvidenceRef[] evidence)
    {
        Record(Verdict.Warning, message, expected, actual, [], evidence);
        return StopWith(Verdict.Warning, Describe(message, expected, actual), null);
    }

    public Exception NotApplicable(string reason)
    {
        Record(Verdict.NotApplicable, reason, null, null, [], []);
        return StopWith(Verdict.NotApplicable, reason, null);
    }

    /// <summary>The harness broke, or the SUT became unreachable: not a verdict on the SUT's conformance.</summary>
    public Exception Error(string message, Exception? cause = null)
    {
        Record(Verdict.Error, message, null, null, [], []);
        return StopWith(Verdict.Error, message, cause);
    }

    /// <summary>Called after the last step when nothing stopped the scenario.</summary>
    public void Complete() => _signals.Completed(this, ExpectedDeviation);

    /// <summary>The verdict from the checks alone: the worst recorded outcome, Passed when every check passed.</summary>
    public Verdict Outcome
    {
        get
        {
            var checks = Checks;
            if (checks.Any(c => c.Outcome == Verdict.NotApplicable))
            {
                return Verdict.NotApplicable;
            }

            foreach (var verdict in new[] { Verdict.Error, Verdict.Failed, Verdict.Warning })
            {
                if (checks.Any(c => c.Outcome == verdict))
                {
                    return verdict;
                }
            }

            return Verdict.Passed;
        }
    }

    private static string Describe(string message, string? expected, string? actual) =>
        expected is null && actual is null ? message : $"{message} Expected: {expected ?? "-"}. Actual: {actual ?? "-"}.";

    private void Record(Verdict outcome, string message, string? expected, string? actual, IReadOnlyList<Finding> findings, IReadOnlyList<EvidenceRef> evidence)
    {
        if (Volatile.Read(ref _probing) > 0)
        {
            return;
        }

        lock (_gate)
        {
            _checks.Add(new CheckRecord(outcome, message, expected, actual, findings, evidence));
            _evidence.AddRange(evidence);
        }
    }

    private Exception StopWith(Verdict verdict, string message, Exception? cause)
    {
        if (Volatile.Read(ref _probing) > 0)
        {
            return new ScenarioStopException(verdict, message, cause);
        }

        StoppedWith ??= verdict;
        return _signals.StopWith(verdict, message, ExpectedDeviation, cause);
    }

    private sealed class ProbeScope(ScenarioVerdict owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref owner._probing);
            }
        }
    }
}
