namespace ECms.Simulators.Journal;

/// <summary>A journal wait ran out of time. The message names what was awaited and what the journal holds.</summary>
public sealed class JournalWaitTimeoutException : TimeoutException
{
    public JournalWaitTimeoutException()
    {
    }

    public JournalWaitTimeoutException(string message)
        : base(message)
    {
    }

    public JournalWaitTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? Awaited { get; init; }

    public TimeSpan Timeout { get; init; }
}
