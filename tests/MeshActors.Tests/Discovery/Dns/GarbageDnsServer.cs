using System.Net;
using System.Net.Sockets;

namespace MeshActors.Tests.Discovery.Dns;

/// <summary>A UDP responder that answers every query with the query's id but corrupt content:
/// odd queries get random bytes, even ones the query's question followed by answers whose
/// lengths run past the end. Seeded, so runs repeat.</summary>
internal sealed class GarbageDnsServer : IAsyncDisposable
{
    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private readonly Random random = new(20_260_101);

    public GarbageDnsServer()
    {
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        loop = Task.Run(RunAsync);
    }

    public string Server => socket.LocalEndPoint!.ToString()!;

    public int Answered { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        socket.Dispose();
        try
        {
            await loop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        stop.Dispose();
    }

    private async Task RunAsync()
    {
        var buffer = new byte[2048];
        while (!stop.IsCancellationRequested)
        {
            var received = await socket.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), stop.Token);
            var query = buffer.AsSpan(0, received.ReceivedBytes).ToArray();
            var reply = Answered++ % 2 == 0 ? Random(query) : CorruptAnswers(query);
            await socket.SendToAsync(reply, received.RemoteEndPoint, stop.Token);
        }
    }

    private byte[] Random(byte[] query)
    {
        var reply = new byte[random.Next(2, 600)];
        random.NextBytes(reply);
        reply[0] = query[0];
        reply[1] = query[1];
        return reply;
    }

    private byte[] CorruptAnswers(byte[] query)
    {
        // Header and question of the query (without its OPT record), flagged as a response with 3
        // answers, then a pointer to the question name, TYPE SRV, and an RDLENGTH past the end.
        var questionEnd = 12;
        while (questionEnd < query.Length && query[questionEnd] != 0)
        {
            questionEnd += query[questionEnd] + 1;
        }

        questionEnd += 5;
        var reply = query.AsSpan(0, Math.Min(questionEnd, query.Length)).ToArray().ToList();
        reply[2] = 0x81;
        reply[3] = 0x80;
        reply[7] = 3;
        reply[11] = 0;
        reply.AddRange([0xC0, 12, 0, 33, 0, 1, 0, 0, 0, 5, 0x40, 0, 0, 10, 0, 50]);
        return [.. reply];
    }
}
