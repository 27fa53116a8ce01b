using ECms.Conformance.Steps.Verdicts;

namespace ECms.Conformance.Steps.Session;

/// <summary>Which pulls the harness caused: E10 judges only the polling a SUT does on its own initiative.</summary>
public sealed partial class ConformanceSession
{
    private readonly List<(string Hub, long From, long To)> _pollWindows = [];

    internal void RecordPollWindow(string hub, long from, long to)
    {
        lock (_gate)
        {
            _pollWindows.Add((hub, from, to));
        }
    }

    /// <summary>Two pulls belong to one cycle when one poll action of the harness caused both (the SUT's own cycles are not told apart).</summary>
    internal bool SamePollCycle(EvidenceRef first, EvidenceRef second)
    {
        lock (_gate)
        {
            return first.Hub == second.Hub && _pollWindows.Any(w => w.Hub == first.Hub && first.Sequence > w.From && second.Sequence <= w.To);
        }
    }

    internal bool IsTriggeredPull(EvidenceRef entry)
    {
        lock (_gate)
        {
            return _pollWindows.Any(w => w.Hub == entry.Hub && entry.Sequence > w.From && entry.Sequence <= w.To);
        }
    }
}
