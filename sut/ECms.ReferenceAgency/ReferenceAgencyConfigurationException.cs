namespace ECms.ReferenceAgency;

/// <summary>The agency cannot start with this configuration; the message says what to change.</summary>
public sealed class ReferenceAgencyConfigurationException : Exception
{
    public ReferenceAgencyConfigurationException(string message)
        : base(message)
    {
    }

    public ReferenceAgencyConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ReferenceAgencyConfigurationException()
    {
    }
}
