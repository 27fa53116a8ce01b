using System.Diagnostics;
using ECms.Simulators.Client;

namespace ECms.Simulators.Benchmarks;

/// <summary>Times every request a loop makes and counts them; one per agency, merged at the end.</summary>
internal sealed class LatencyRecorder
{
    private readonly List<double> _milliseconds = [];

    public int Requests => _milliseconds.Count;

    public IReadOnlyList<double> Milliseconds => _milliseconds;

    public async Task<EcmsCallResult> Time(Func<Task<EcmsCallResult>> call)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await call().ConfigureAwait(false);
        _milliseconds.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"A benchmark call failed: {result.Describe()}");
        }

        return result;
    }

    public static double Percentile(IEnumerable<LatencyRecorder> recorders, double percentile)
    {
        var all = recorders.SelectMany(r => r.Milliseconds).Order().ToArray();
        return all.Length == 0 ? double.NaN : all[(int)Math.Min(all.Length - 1, Math.Ceiling(percentile / 100 * all.Length) - 1)];
    }
}
