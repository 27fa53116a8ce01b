namespace ECms.Simulators.Persistence;

/// <summary>The store could not keep a change; the request that made it is answered with E900 and the change is undone.</summary>
public sealed class HubStoreException : Exception
{
    public HubStoreException()
    {
    }

    public HubStoreException(string message)
        : base(message)
    {
    }

    public HubStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
