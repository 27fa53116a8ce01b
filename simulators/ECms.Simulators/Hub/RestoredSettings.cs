using System.Globalization;
using ECms.Protocol;
using ECms.Protocol.Rules;
using ECms.Simulators.Faults;

namespace ECms.Simulators.Hub;

/// <summary>
/// What a hub on a data file took over from its last run: the strictness and clock offset last set at run time (null
/// when never set, or an offset set back to zero), the injected faults still active with their hits, and the faults
/// that ended while the hub was down — their window closed in hub time — which are dropped, not restored.
/// </summary>
public sealed record RestoredSettings(
    ValidationProfile? Strictness,
    TimeSpan? ClockOffset,
    IReadOnlyList<FaultHandle> Faults,
    IReadOnlyList<FaultHandle> DroppedFaults)
{

    public bool IsEmpty => Strictness is null && ClockOffset is null && Faults.Count == 0 && DroppedFaults.Count == 0;

    /// <summary>One line per setting, for the start-up console and the monitor.</summary>
    public IReadOnlyList<string> Describe()
    {
        var lines = new List<string>();
        if (Strictness is { } strictness)
        {
            lines.Add($"strictness {strictness}");
        }

        if (ClockOffset is { } offset)
        {
            lines.Add($"clock offset {(offset < TimeSpan.Zero ? "-" : "+")}{offset.Duration():c} (hub time {(offset < TimeSpan.Zero ? "behind" : "ahead of")} real time)");
        }

        lines.AddRange(Faults.Select(f => $"fault {Describe(f)}"));
        lines.AddRange(DroppedFaults.Select(f => $"dropped, ended while the hub was down: fault {Describe(f)}"));
        return lines;
    }

    public override string ToString() => string.Join("; ", Describe());

    private static string Describe(FaultHandle fault) =>
        $"{fault.Fault}, {fault.Hits} hit(s)" +
        (fault.Remaining is { } remaining ? $", {remaining} left" : "") +
        (fault.Until is { } until ? $", until {until.ToOffset(WireFormats.ThailandOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} (hub time, Thai)" : "");
}
