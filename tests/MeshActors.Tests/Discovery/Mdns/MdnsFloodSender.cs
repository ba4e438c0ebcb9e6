using System.Net;
using System.Net.Sockets;
using MeshActors.Discovery.Mdns;
using MeshActors.Dns;

namespace MeshActors.Tests.Discovery.Mdns;

/// <summary>A hostile sender inside a namespace: many distinct announcements, or corrupt packets, to 224.0.0.251:5353.</summary>
internal sealed class MdnsFloodSender : IDisposable
{
    private readonly Socket _socket;

    public MdnsFloodSender(NetworkNamespace ns)
    {
        _socket = ns.RunInside(() =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastInterface, IPAddress.Loopback.GetAddressBytes());
            return socket;
        });
        ns.Track(this);
    }

    /// <summary>An announcement of instance <c>flood-&lt;n&gt;</c> of cluster <c>demo</c>.</summary>
    public static byte[] Announcement(int n) => DnsCodec.Encode(new DnsMessage
    {
        IsResponse = true,
        Answers =
        [
            new DnsRecord("_meshactors._tcp.local", DnsRecordType.PTR, 4500, new PtrData($"flood-{n}._meshactors._tcp.local")),
            new DnsRecord($"flood-{n}._meshactors._tcp.local", DnsRecordType.SRV, 120, new SrvData(0, 0, 9000, $"flood-{n}.local"), true),
            new DnsRecord($"flood-{n}._meshactors._tcp.local", DnsRecordType.TXT, 4500, TxtData.FromAttributes([new("cluster", "demo"), new("id", $"flood-{n}")]), true),
            new DnsRecord($"flood-{n}.local", DnsRecordType.A, 120, new AddressData(IPAddress.Parse("10.9.0.1")), true),
        ],
    });

    /// <summary>Corrupt packets: random bytes, a header promising records it lacks, a cut announcement.</summary>
    public static IEnumerable<byte[]> Garbage(int n)
    {
        var random = new Random(n);
        var bytes = new byte[random.Next(1, 600)];
        random.NextBytes(bytes);
        yield return bytes;
        yield return [0, 0, 0x84, 0, 0, 0, 0xFF, 0xFF, 0, 0, 0, 0];
        var announcement = Announcement(n);
        yield return announcement[..random.Next(12, announcement.Length - 1)];
    }

    /// <summary>Sends <paramref name="packet"/> to the mDNS group.</summary>
    public void Send(byte[] packet) => _socket.SendTo(packet, MdnsSocket.Group);

    /// <summary>Closes the socket.</summary>
    public void Dispose() => _socket.Dispose();
}
