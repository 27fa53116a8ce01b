namespace ECms.Simulators.DevHub;

/// <summary>The dev hub cannot start as configured (bad file, refused bind address); the message says what to change.</summary>
public sealed class DevHubConfigurationException : Exception
{
    public DevHubConfigurationException()
    {
    }

    public DevHubConfigurationException(string message)
        : base(message)
    {
    }

    public DevHubConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
