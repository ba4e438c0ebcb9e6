namespace MeshActors.Dns;

/// <summary>The RDATA of a record type without a decoder, kept as the bytes on the wire (RFC 3597).
/// Equality compares the bytes.</summary>
/// <param name="Bytes">The RDATA. Names inside it may hold compression pointers that only mean
/// something within the packet they came from.</param>
public sealed record UnknownData(byte[] Bytes) : DnsRecordData
{
    /// <inheritdoc/>
    public bool Equals(UnknownData? other) =>
        other is not null && Bytes.AsSpan().SequenceEqual(other.Bytes);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }
}
