using System.Net;
using System.Net.Sockets;

namespace ECms.Conformance.Containers;

/// <summary>
/// A loopback port nobody listens on right now. With host networking the container binds the port itself, so the
/// harness picks one first and passes it in; the short window before the container binds it is the price of that.
/// </summary>
internal static class FreePort
{
    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
