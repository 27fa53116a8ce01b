namespace ECms.Conformance.Steps.Session;

/// <summary>
/// Pre-flight failed: the SUT or the harness is not set up to run, so no conformance verdict can be given. The message
/// says what is wrong and <see cref="Fix"/> what to do about it.
/// </summary>
public sealed class ConfigurationErrorException : Exception
{
    public ConfigurationErrorException()
    {
    }

    public ConfigurationErrorException(string message)
        : base(message)
    {
    }

    public ConfigurationErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConfigurationErrorException(string message, string fix, Exception? innerException = null)
        : base(message, innerException)
    {
        Fix = fix;
    }

    public string? Fix { get; }

    public override string ToString() => Fix is null ? Message : $"{Message} Fix: {Fix}";
}
