using System.Net;
using System.Net.Sockets;

namespace MeshActors.Discovery.Mdns;

/// <summary>The one UDP socket on port 5353 (IPv4), shared with other mDNS responders on the host
/// through SO_REUSEADDR, joined to 224.0.0.251 on each chosen interface; multicast loopback on so
/// nodes on one host see each other, TTL 255 as RFC 6762 §11 requires. Thin IO, no protocol.</summary>
internal sealed class MdnsSocket : IDisposable
{
    /// <summary>The mDNS port.</summary>
    public const int Port = 5353;

    /// <summary>The IPv4 mDNS group and port.</summary>
    public static readonly IPEndPoint Group = new(IPAddress.Parse("224.0.0.251"), Port);

    private readonly Socket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    private MdnsSocket(Socket socket, IReadOnlyList<MdnsInterface> interfaces)
    {
        _socket = socket;
        Interfaces = interfaces;
    }

    /// <summary>The interfaces the socket joined the group on.</summary>
    public IReadOnlyList<MdnsInterface> Interfaces { get; }

    /// <summary>Resolves <paramref name="interfaceName"/> and opens the socket.</summary>
    /// <exception cref="DiscoveryException">No usable interface, or the port or group cannot be used.</exception>
    public static MdnsSocket Open(string interfaceName)
    {
        var interfaces = MdnsInterface.Resolve(interfaceName);
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.ExclusiveAddressUse = false;
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.PacketInformation, true);
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastTimeToLive, 255);
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastLoopback, true);
            socket.Bind(new IPEndPoint(IPAddress.Any, Port));
            foreach (var nic in interfaces)
            {
                socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(Group.Address, nic.Index));
            }

            return new MdnsSocket(socket, interfaces);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new DiscoveryException($"mdns: cannot listen on UDP {Port} and join {Group.Address} on {string.Join(", ", interfaces.Select(i => i.Name))}: {ex.Message}; check that the port is not held exclusively and that the interface has a multicast route (meshactors.discovery.mdns.interface)", ex);
        }
    }

    /// <summary>Sends <paramref name="packet"/> out of <paramref name="nic"/>, to the group or to <paramref name="to"/> (a unicast reply).</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> packet, MdnsInterface nic, IPEndPoint? to, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastInterface, nic.Address.GetAddressBytes());
            await _socket.SendToAsync(packet, SocketFlags.None, to ?? Group, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Receives one datagram into <paramref name="buffer"/>: its length, sender and the interface it arrived on (null when it is not one of ours).</summary>
    public async Task<(int Length, IPEndPoint From, MdnsInterface? Interface)> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var result = await _socket.ReceiveMessageFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cancellationToken).ConfigureAwait(false);
        var nic = Interfaces.FirstOrDefault(i => i.Index == result.PacketInformation.Interface);
        return (result.ReceivedBytes, (IPEndPoint)result.RemoteEndPoint, nic);
    }

    /// <summary>Closes the socket.</summary>
    public void Dispose()
    {
        _socket.Dispose();
        _sendLock.Dispose();
    }
}
