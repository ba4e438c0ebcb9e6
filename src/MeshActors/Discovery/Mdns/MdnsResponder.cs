using MeshActors.Dns;

namespace MeshActors.Discovery.Mdns;

/// <summary>
/// Answers mDNS queries about this node's records (RFC 6762 §6): each question matching a record
/// by name and type (or ANY) gets it as an answer; the records a PTR or SRV answer leads to ride
/// along as additionals (RFC 6763 §12); answers the asker already lists with at least half their
/// TTL left are left out (known-answer suppression, §7.1). Pure.
/// </summary>
internal static class MdnsResponder
{
    /// <summary>The response to <paramref name="query"/>, or null when nothing in it is ours.
    /// <paramref name="legacyUnicast"/> (the asker's port is not 5353, §6.7) echoes the id and
    /// questions and caps TTLs at 10 s.</summary>
    public static DnsMessage? Answer(DnsMessage query, IReadOnlyList<DnsRecord> ours, bool legacyUnicast)
    {
        if (query.IsResponse || query.Opcode != 0)
        {
            return null;
        }

        var answers = new List<DnsRecord>();
        foreach (var question in query.Questions)
        {
            answers.AddRange(ours.Where(r => Matches(question, r) && !answers.Contains(r) && !KnownToAsker(query, r)));
        }

        if (answers.Count == 0)
        {
            return null;
        }

        var additionals = ours.Where(r => !answers.Contains(r) && answers.Any(a => LeadsTo(a, r))).ToList();
        return new DnsMessage
        {
            Id = legacyUnicast ? query.Id : (ushort)0,
            IsResponse = true,
            Authoritative = true,
            Questions = legacyUnicast ? query.Questions : [],
            Answers = legacyUnicast ? answers.Select(Legacy).ToList() : answers,
            Additionals = legacyUnicast ? additionals.Select(Legacy).ToList() : additionals,
        };
    }

    private static bool Matches(DnsQuestion question, DnsRecord record) =>
        DnsName.Equal(question.Name, record.Name) && (question.Type == DnsRecordType.ANY || question.Type == record.Type);

    private static bool KnownToAsker(DnsMessage query, DnsRecord record) =>
        query.Answers.Any(k => k.Type == record.Type && DnsName.Equal(k.Name, record.Name) && Equals(k.Data, record.Data) && k.EffectiveTtl * 2 >= record.Ttl);

    private static bool LeadsTo(DnsRecord answer, DnsRecord other) => answer.Data switch
    {
        PtrData ptr => DnsName.Equal(ptr.Name, other.Name) || (other.Type is DnsRecordType.A or DnsRecordType.AAAA),
        SrvData srv => DnsName.Equal(srv.Target, other.Name),
        _ => false,
    };

    private static DnsRecord Legacy(DnsRecord record) => record with { Ttl = Math.Min(record.Ttl, 10), CacheFlush = false };
}
