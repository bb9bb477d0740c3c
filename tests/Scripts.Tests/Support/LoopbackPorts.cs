using System.Net;
using System.Net.Sockets;

namespace CorsFunctions.Scripts.Tests.Support;

/// <summary>Loopback ports for the scripts' services: never the defaults another Azurite on this machine may hold.</summary>
internal static class LoopbackPorts
{
    /// <summary>Distinct ports free right now (all held at once while choosing, so no two are equal).</summary>
    public static int[] Free(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(listener => listener.Start());
            return listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(listener => listener.Stop());
        }
    }

    public static bool Accepts(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
