using System.Collections.Concurrent;

namespace MeshActors.Transport.Http2;

/// <summary>Every open mesh connection, both directions, with live counters.</summary>
public sealed class ConnectionRegistry(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Connection> _open = new();
    private long _next;

    /// <summary>A snapshot, oldest first.</summary>
    public IReadOnlyList<ConnectionInfo> Snapshot() =>
        [.. _open.Values.OrderBy(c => c.Since).Select(c => c.ToInfo())];

    internal Connection Open(string direction, string remote, string httpProtocol, string tlsVersion, string? key = null, PeerCounters? peer = null)
    {
        var connection = new Connection(key ?? $"{direction[0]}{Interlocked.Increment(ref _next)}", direction, remote, httpProtocol, tlsVersion, time.GetUtcNow(), peer, this);
        _open[connection.Id] = connection;
        return connection;
    }

    internal bool TryGet(string id, out Connection connection) => _open.TryGetValue(id, out connection!);

    internal void Close(Connection connection) => _open.TryRemove(connection.Id, out _);

    /// <summary>Message counts kept per outbound peer, shared by that peer's connections.</summary>
    internal sealed class PeerCounters
    {
        public string? NodeId;
        public long MessagesIn;
        public long MessagesOut;
    }

    /// <summary>One connection's live state.</summary>
    internal sealed class Connection(string id, string direction, string remote, string httpProtocol, string tlsVersion, DateTimeOffset since, PeerCounters? peer, ConnectionRegistry owner)
    {
        public long BytesIn;
        public long BytesOut;
        public long MessagesIn;
        public long MessagesOut;

        public string Id { get; } = id;

        public DateTimeOffset Since { get; } = since;

        public string? PeerNodeId { get; set; }

        public string? ClientFingerprint { get; set; }

        public void Close() => owner.Close(this);

        public ConnectionInfo ToInfo() => new(
            Id,
            direction,
            peer?.NodeId ?? PeerNodeId,
            remote,
            httpProtocol,
            tlsVersion,
            Since,
            Interlocked.Read(ref BytesIn),
            Interlocked.Read(ref BytesOut),
            peer is null ? Interlocked.Read(ref MessagesIn) : Interlocked.Read(ref peer.MessagesIn),
            peer is null ? Interlocked.Read(ref MessagesOut) : Interlocked.Read(ref peer.MessagesOut));
    }
}
