namespace ECms.Conformance.Steps.Session;

/// <summary>
/// The session the scenarios of this async flow run in. The run engine sets it around each pickle, so several runs can
/// share one process (the fault matrix); under `dotnet test` nothing sets it and <see cref="DotnetTestSession"/> is used.
/// </summary>
public static class SessionScope
{
    private static readonly AsyncLocal<ConformanceSession?> Ambient = new();

    public static ConformanceSession? Current => Ambient.Value;

    /// <summary>Makes <paramref name="session"/> current until the returned scope is disposed.</summary>
    public static IDisposable Enter(ConformanceSession session)
    {
        var previous = Ambient.Value;
        Ambient.Value = session;
        return new Restore(previous);
    }

    private sealed class Restore(ConformanceSession? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
