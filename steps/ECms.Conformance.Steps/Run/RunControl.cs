using ECms.Conformance.Steps.Drivers.Sut;
using ECms.Conformance.Steps.Session;

namespace ECms.Conformance.Steps.Run;

/// <summary>A handle on a running run, for tests that interrupt it.</summary>
public sealed class RunControl
{
    private readonly ConformanceSession _session;

    internal RunControl(ConformanceSession session)
    {
        _session = session;
    }

    /// <summary>Stops the embedded SUT as a crash would; the rest of the run must still produce a complete report.</summary>
    public Task KillSutAsync() =>
        _session.Sut is EmbeddedSutDriver embedded
            ? embedded.KillAsync()
            : throw new InvalidOperationException("Only the embedded SUT can be killed from the harness.");
}
