namespace ECms.Conformance.NUnitBridge.Runner;

/// <summary>Thrown by the default runtime provider when Reqnroll asks to ignore or leave a scenario inconclusive.</summary>
public sealed class PickleSkippedException : Exception
{
    public PickleSkippedException()
    {
    }

    public PickleSkippedException(string message)
        : base(message)
    {
    }

    public PickleSkippedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
