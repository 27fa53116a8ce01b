namespace ECms.Simulators.Hub;

/// <summary>
/// The hub could not listen on its address: the port is taken, or the address is not on this machine. WireMock
/// reports this as its own exception around Kestrel's; the hub says it once, with the address, the reason and the fix.
/// </summary>
public sealed class HubBindException(string address, int port, string reason, Exception inner)
    : IOException($"The hub cannot listen on {address}:{port}: {reason}. Fix: stop what uses that port, or choose a free one (port 0 picks any free port).", inner)
{
    public string Address { get; } = address;

    public int Port { get; } = port;

    /// <summary>What the operating system said, e.g. "Address already in use".</summary>
    public string Reason { get; } = reason;
}
