namespace ECms.Conformance.Containers;

/// <summary>
/// Labels on every container the harness starts, so they can be found (<c>docker ps -a --filter
/// label=org.ecms-conformance.sut</c>) and, should their owner die before removing them, removed by a later run.
/// </summary>
public static class SutContainerLabels
{
    /// <summary>"true" on every system-under-test container.</summary>
    public const string Sut = "org.ecms-conformance.sut";

    /// <summary>machine/pid/start-ticks of the process that started it (<see cref="CurrentOwner"/>).</summary>
    public const string Owner = "org.ecms-conformance.owner";

    /// <summary>The <see cref="Owner"/> value of containers started by this process.</summary>
    public static string CurrentOwner => ProcessIdentity.Current;
}
