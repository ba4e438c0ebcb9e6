using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using MeshActors.Diagnostics;

namespace MeshActors.Dns;

public sealed partial class DnsClient
{
    private async Task<DnsResponse> ExchangeAsync(IPEndPoint server, DnsQuestion question, CancellationToken cancellationToken)
    {
        var id = NextId();
        var query = DnsCodec.Encode(DnsMessage.Query(id, question, options.EdnsUdpPayloadSize));
        var response = await WithTimeoutAsync(server, question, overTcp: false, t => UdpAsync(server, query, id, question, t, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (response.Message.Truncated)
        {
            Stats.Truncated();
            MeshLog.DnsTruncated(logger, question.Name, question.Type.ToString(), server.ToString());
            response = await WithTimeoutAsync(server, question, overTcp: true, t => TcpAsync(server, query, id, question, t), cancellationToken).ConfigureAwait(false);
        }

        if (response.DecodeError is { } problem)
        {
            MeshLog.DnsPartlyMalformed(logger, question.Name, question.Type.ToString(), server.ToString(),
                response.Message.Answers.Count + response.Message.Authorities.Count + response.Message.Additionals.Count, problem);
        }

        MeshLog.DnsAnswered(logger, question.Name, question.Type.ToString(), server.ToString(), response.Message.ResponseCode.ToString(),
            response.Message.Answers.Count, response.OverTcp ? "TCP" : "UDP");
        return response;
    }

    private async Task<DnsResponse> WithTimeoutAsync(
        IPEndPoint server, DnsQuestion question, bool overTcp, Func<CancellationToken, Task<DnsResponse>> exchange, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var protocol = overTcp ? "TCP" : "UDP";
        try
        {
            return await exchange(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Stats.TimedOut();
            throw new DnsQueryException(DnsFailure.Timeout,
                $"{server} did not answer {question.Name} {question.Type} over {protocol} within {options.Timeout.TotalSeconds:0.###} s ({options.Attempts} attempt(s)): check that the DNS server runs and is reachable");
        }
        catch (SocketException ex)
        {
            throw new DnsQueryException(DnsFailure.Unreachable,
                $"{server} is unreachable over {protocol} for {question.Name} {question.Type} ({ex.SocketErrorCode}): check the server address and that it runs", ex);
        }
    }

    private async Task<DnsResponse> UdpAsync(IPEndPoint server, byte[] query, ushort id, DnsQuestion question, CancellationToken cancellationToken, CancellationToken callerToken)
    {
        using var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        await socket.ConnectAsync(server, cancellationToken).ConfigureAwait(false);
        Stats.UdpQuery();
        await socket.SendAsync(query, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        var buffer = ArrayPool<byte>.Shared.Rent(DnsCodec.MaxMessageLength);
        string? lastProblem = null;
        try
        {
            while (true)
            {
                var length = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                var result = DnsCodec.Decode(buffer.AsSpan(0, length));
                if (DnsResponseCheck.Mismatch(result, id, question) is not { } problem)
                {
                    return new DnsResponse(result.Message!, server, OverTcp: false, result.Error);
                }

                Stats.Ignored();
                lastProblem = problem;
                MeshLog.DnsIgnoredPacket(logger, question.Name, question.Type.ToString(), server.ToString(), problem);
            }
        }
        catch (OperationCanceledException) when (lastProblem is not null && !callerToken.IsCancellationRequested)
        {
            throw new DnsQueryException(DnsFailure.Malformed,
                $"{server} answered {question.Name} {question.Type} only with packets that are malformed or do not match the query (last: {lastProblem})");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<DnsResponse> TcpAsync(IPEndPoint server, byte[] query, ushort id, DnsQuestion question, CancellationToken cancellationToken)
    {
        using var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(server, cancellationToken).ConfigureAwait(false);
        Stats.TcpQuery();
        var framed = new byte[2 + query.Length];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)query.Length);
        query.CopyTo(framed, 2);
        for (var sent = 0; sent < framed.Length;)
        {
            sent += await socket.SendAsync(framed.AsMemory(sent), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        }

        var prefix = new byte[2];
        await ReceiveExactlyAsync(socket, prefix, server, cancellationToken).ConfigureAwait(false);
        var packet = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
        await ReceiveExactlyAsync(socket, packet, server, cancellationToken).ConfigureAwait(false);
        var result = DnsCodec.Decode(packet);
        if (DnsResponseCheck.Mismatch(result, id, question) is { } problem)
        {
            throw new DnsQueryException(DnsFailure.Malformed, $"{server} answered {question.Name} {question.Type} over TCP with a packet that is malformed or does not match the query: {problem}");
        }

        return new DnsResponse(result.Message!, server, OverTcp: true, result.Error);
    }

    private static async Task ReceiveExactlyAsync(Socket socket, byte[] buffer, IPEndPoint server, CancellationToken cancellationToken)
    {
        for (var received = 0; received < buffer.Length;)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(received), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                throw new DnsQueryException(DnsFailure.Malformed, $"{server} closed the TCP connection after {received} of {buffer.Length} bytes");
            }

            received += n;
        }
    }
}
