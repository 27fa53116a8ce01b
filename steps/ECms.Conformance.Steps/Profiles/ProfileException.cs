namespace ECms.Conformance.Steps.Profiles;

/// <summary>A profile that cannot be used; the message names the file, the field and the fix.</summary>
public sealed class ProfileException : Exception
{
    public ProfileException()
    {
    }

    public ProfileException(string message)
        : base(message)
    {
    }

    public ProfileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
