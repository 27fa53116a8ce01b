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

    /// <summary>Stops a SUT the harness started (embedded or container) as a crash would; the run must still report.</summary>
    public Task KillSutAsync() =>
        _session.Sut is HostedSutDriver hosted
            ? hosted.KillAsync()
            : throw new InvalidOperationException("Only a SUT the harness started itself can be killed from the harness.");
}
