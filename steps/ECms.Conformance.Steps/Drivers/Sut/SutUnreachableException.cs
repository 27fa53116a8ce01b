namespace ECms.Conformance.Steps.Drivers.Sut;

/// <summary>The SUT did not answer (connection refused, timeout, not its API): the harness cannot judge, so Error.</summary>
public sealed class SutUnreachableException : Exception
{
    public SutUnreachableException()
    {
    }

    public SutUnreachableException(string message)
        : base(message)
    {
    }

    public SutUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
