using MeshActors.Dns;

namespace MeshActors.Discovery.Mdns;

/// <summary>
/// The simultaneous-probe tie-break (RFC 6762 §8.2): two hosts probing the same name compare the
/// records each proposes in its authority section. Each side's records are sorted, then compared
/// pairwise by class (without the cache-flush bit), then type, then the raw uncompressed RDATA as
/// unsigned bytes; the first difference decides, and the side with records left over once the other
/// runs out is the later. The lexicographically later side wins; identical sets are no conflict
/// (a host hearing its own probe). Pure.
/// </summary>
internal static class MdnsTieBreak
{
    /// <summary>Below zero when <paramref name="ours"/> is lexicographically earlier than
    /// <paramref name="theirs"/> (we lose), above zero when later (we win), zero when identical.</summary>
    public static int Compare(IEnumerable<DnsRecord> ours, IEnumerable<DnsRecord> theirs)
    {
        var left = Sorted(ours);
        var right = Sorted(theirs);
        for (var i = 0; i < Math.Min(left.Count, right.Count); i++)
        {
            var c = CompareRecord(left[i], right[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return left.Count.CompareTo(right.Count);
    }

    private static List<(DnsRecord Record, byte[] Data)> Sorted(IEnumerable<DnsRecord> records)
    {
        var list = records.Select(r => (r, Data(r))).ToList();
        list.Sort(CompareRecord);
        return list;
    }

    private static int CompareRecord((DnsRecord Record, byte[] Data) a, (DnsRecord Record, byte[] Data) b)
    {
        var c = a.Record.Class.CompareTo(b.Record.Class);
        if (c == 0)
        {
            c = ((ushort)a.Record.Type).CompareTo((ushort)b.Record.Type);
        }

        return c != 0 ? c : a.Data.AsSpan().SequenceCompareTo(b.Data);
    }

    private static byte[] Data(DnsRecord record)
    {
        try
        {
            return DnsCodec.EncodeRecordData(record);
        }
        catch (ArgumentException)
        {
            // Data that does not fit its type cannot be sent; it sorts first and so never wins.
            return [];
        }
    }
}
