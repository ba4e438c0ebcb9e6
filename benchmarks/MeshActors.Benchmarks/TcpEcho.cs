using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MeshActors.Benchmarks;

/// <summary>The anchor: a 16-byte echo over a raw loopback TCP connection, no protocol at all.</summary>
internal sealed class TcpEcho : IDisposable
{
    private const int Size = 16;
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly Socket _client;
    private readonly byte[] _buffer = new byte[Size];

    public TcpEcho()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen();
        _ = AcceptLoopAsync();
        _client = Connect();
    }

    public async Task RoundTripAsync()
    {
        await _client.SendAsync(_buffer);
        await ReceiveExactlyAsync(_client, _buffer);
    }

    public async Task<double> ThroughputAsync(int connections, int seconds)
    {
        var sockets = Enumerable.Range(0, connections).Select(_ => Connect()).ToList();
        long done = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(sockets.Select(async s =>
        {
            var buffer = new byte[Size];
            while (watch.Elapsed.TotalSeconds < seconds)
            {
                await s.SendAsync(buffer);
                await ReceiveExactlyAsync(s, buffer);
                Interlocked.Increment(ref done);
            }
        }));
        var rate = done / watch.Elapsed.TotalSeconds;
        sockets.ForEach(s => s.Dispose());
        return rate;
    }

    public void Dispose()
    {
        _client.Dispose();
        _listener.Dispose();
    }

    private Socket Connect()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(_listener.LocalEndPoint!);
        return socket;
    }

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            Socket peer;
            try
            {
                peer = await _listener.AcceptAsync();
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }

            peer.NoDelay = true;
            _ = EchoAsync(peer);
        }
    }

    private static async Task EchoAsync(Socket peer)
    {
        using (peer)
        {
            var buffer = new byte[Size];
            try
            {
                while (await ReceiveExactlyAsync(peer, buffer))
                {
                    await peer.SendAsync(buffer);
                }
            }
            catch (SocketException)
            {
            }
        }
    }

    private static async Task<bool> ReceiveExactlyAsync(Socket socket, byte[] buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read));
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }
}
