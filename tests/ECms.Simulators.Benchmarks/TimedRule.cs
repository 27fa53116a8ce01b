using System.Diagnostics;
using ECms.Protocol;
using ECms.Protocol.Rules;

namespace ECms.Simulators.Benchmarks;

/// <summary>A rule that measures the rule it wraps, so that the hub loop can print what each rule costs in place.</summary>
internal sealed class TimedRule(Rule inner) : Rule
{
    private long _ticks;
    private long _calls;

    public override string Id => inner.Id;

    public override RuleLevel Level => inner.Level;

    public override string Title => inner.Title;

    public double MicrosecondsPerCall => _calls == 0 ? 0 : _ticks * 1e6 / Stopwatch.Frequency / _calls;

    public long Calls => _calls;

    public override bool AppliesTo(Operation operation) => inner.AppliesTo(operation);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var start = Stopwatch.GetTimestamp();
        var findings = inner.Check(context).ToList();
        Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - start);
        Interlocked.Increment(ref _calls);
        return findings;
    }
}
