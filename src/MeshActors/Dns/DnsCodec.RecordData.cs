namespace MeshActors.Dns;

public static partial class DnsCodec
{
    /// <summary>The RDATA of <paramref name="record"/> as it goes on the wire with no name
    /// compressed: the "raw uncompressed rdata" mDNS compares to break a simultaneous-probe tie
    /// (RFC 6762 §8.2).</summary>
    /// <exception cref="ArgumentException">The record's data does not fit its type.</exception>
    internal static byte[] EncodeRecordData(DnsRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);

        // A fresh writer has no earlier name to point to, so even the names WriteData would
        // compress are written whole.
        var writer = new DnsPacketWriter();
        WriteData(writer, record);
        return writer.ToArray();
    }
}
