using MeshActors.Dns;

namespace MeshActors.Discovery.Mdns;

/// <summary>
/// Judges one received mDNS message against the unique records this node probes for or owns
/// (RFC 6762 §8.1, §8.2, §9). Records with TTL 0 (goodbyes) and records identical to ours (our own
/// packets looped back, or another host agreeing with us) never conflict. Pure.
/// </summary>
internal static class MdnsConflicts
{
    /// <summary>While probing: the names of <paramref name="proposed"/> a response shows in use by
    /// someone else (any record with that name whose data is not ours: a probe asks for every type),
    /// and the names for which a simultaneous probe's authority records beat ours (§8.2).</summary>
    public static MdnsVerdict WhileProbing(DnsMessage message, IReadOnlyList<DnsRecord> proposed)
    {
        var names = Names(proposed);
        if (message.IsResponse)
        {
            return new MdnsVerdict(names.Where(n => Records(message).Any(r => DnsName.Equal(r.Name, n) && !IsOurs(r, proposed))).ToList(), []);
        }

        var lost = names.Where(n =>
        {
            var theirs = message.Authorities.Where(r => DnsName.Equal(r.Name, n)).ToList();
            return theirs.Count > 0 && MdnsTieBreak.Compare(proposed.Where(r => DnsName.Equal(r.Name, n)), theirs) < 0;
        }).ToList();
        return new MdnsVerdict([], lost);
    }

    /// <summary>After probing: the names of <paramref name="owned"/> a response claims with the
    /// same name and type but other data (§9). Queries, even probes for our names, are answered by
    /// the responder instead: the prober then sees our records and renames itself.</summary>
    public static MdnsVerdict WhileOwned(DnsMessage message, IReadOnlyList<DnsRecord> owned)
    {
        if (!message.IsResponse)
        {
            return MdnsVerdict.None;
        }

        var conflicts = Names(owned).Where(n => Records(message).Any(r =>
            DnsName.Equal(r.Name, n) && owned.Any(o => o.Type == r.Type && DnsName.Equal(o.Name, n)) && !IsOurs(r, owned))).ToList();
        return new MdnsVerdict(conflicts, []);
    }

    private static List<string> Names(IReadOnlyList<DnsRecord> records)
    {
        var names = new List<string>();
        foreach (var r in records.Where(r => !names.Any(n => DnsName.Equal(n, r.Name))))
        {
            names.Add(r.Name);
        }

        return names;
    }

    private static IEnumerable<DnsRecord> Records(DnsMessage response) =>
        response.Answers.Concat(response.Additionals).Where(r => r.IsInternetClass && r.EffectiveTtl > 0);

    private static bool IsOurs(DnsRecord record, IReadOnlyList<DnsRecord> ours) =>
        ours.Any(o => o.Type == record.Type && DnsName.Equal(o.Name, record.Name) && Equals(o.Data, record.Data));
}
