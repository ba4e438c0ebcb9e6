using System.Net;
using System.Net.Sockets;
using MeshActors.Dns;
using MeshActors.Discovery;

namespace MeshActors.Discovery.Mdns;

/// <summary>
/// The service instances seen on the network (RFC 6762 §10, RFC 6763 §4): merges the PTR, SRV, TXT
/// and A/AAAA records of every response and unsolicited announcement, expires records when their
/// TTL runs out, drops an instance at once on a goodbye (TTL 0), and turns the complete instances
/// of this cluster into contact points. Bounded: at most <c>max-peers</c> instances and only hosts
/// an instance points to (new ones beyond the bound are dropped and counted). After a goodbye the
/// instance is held down for <see cref="GoodbyeHoldDown"/>: answers its responder queued before
/// leaving (python-zeroconf aggregates them for up to 500 ms) must not bring it back for the PTR's
/// 75-minute TTL. Pure; not thread-safe.
/// </summary>
internal sealed class MdnsBrowseCache(string serviceName, int maxPeers)
{
    /// <summary>How long records of an instance that said goodbye are ignored (RFC 6762 §10.1's one second).</summary>
    public static readonly TimeSpan GoodbyeHoldDown = TimeSpan.FromSeconds(1);

    private const int MaxAddressesPerHost = 8;
    private readonly Dictionary<string, DateTimeOffset> _goodbyes = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _droppedThisMessage = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, MdnsInstance> _instances = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Dictionary<IPAddress, DateTimeOffset>> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Instances not cached because the cache was full.</summary>
    public long Dropped { get; private set; }

    /// <summary>Instances cached now (complete or not).</summary>
    public int Count => _instances.Count;

    /// <summary>Hosts cached now.</summary>
    public int HostCount => _hosts.Count;

    /// <summary>Merges the records of response <paramref name="message"/>, received on <paramref name="interfaceName"/> at <paramref name="now"/>.</summary>
    public void Merge(DnsMessage message, string interfaceName, DateTimeOffset now)
    {
        if (!message.IsResponse)
        {
            return;
        }

        _droppedThisMessage.Clear();
        var records = message.Answers.Concat(message.Additionals).Where(r => r.IsInternetClass).ToList();
        foreach (var r in records.Where(r => r.Type == DnsRecordType.PTR && DnsName.Equal(r.Name, serviceName)))
        {
            if (r.Data is PtrData ptr && IsInstance(ptr.Name) && Find(ptr.Name, r, interfaceName, now) is { } instance)
            {
                instance.PtrExpires = now.AddSeconds(r.EffectiveTtl);
            }
        }

        foreach (var r in records.Where(r => r.Type is DnsRecordType.SRV or DnsRecordType.TXT && IsInstance(r.Name)))
        {
            if (Find(r.Name, r, interfaceName, now) is not { } instance)
            {
                continue;
            }

            var expires = now.AddSeconds(r.EffectiveTtl);
            switch (r.Data)
            {
                case SrvData srv:
                    (instance.Srv, instance.SrvExpires) = (srv, expires);
                    break;
                case TxtData txt:
                    (instance.Txt, instance.TxtExpires) = (txt.ReadAttributes(), expires);
                    break;
            }
        }

        MergeAddresses(records, now);
    }

    /// <summary>Forgets every record whose TTL has run out, instances left without a PTR or SRV, and hosts no instance points to.</summary>
    public void Expire(DateTimeOffset now)
    {
        foreach (var (name, until) in _goodbyes.ToList())
        {
            if (until <= now)
            {
                _goodbyes.Remove(name);
            }
        }

        foreach (var (name, instance) in _instances.ToList())
        {
            if (instance.PtrExpires <= now && instance.SrvExpires <= now)
            {
                _instances.Remove(name);
            }
        }

        foreach (var (host, addresses) in _hosts.ToList())
        {
            foreach (var expired in addresses.Where(a => a.Value <= now).Select(a => a.Key).ToList())
            {
                addresses.Remove(expired);
            }

            if (addresses.Count == 0 || !IsTarget(host))
            {
                _hosts.Remove(host);
            }
        }
    }

    /// <summary>The contact points of complete, live instances whose TXT <c>cluster</c> is
    /// <paramref name="clusterId"/>, leaving out the node whose TXT <c>id</c> is <paramref name="selfId"/>.</summary>
    public IReadOnlyList<ContactPoint> ContactPoints(string clusterId, string selfId, DateTimeOffset now)
    {
        Expire(now);
        var found = new Dictionary<NodeAddress, ContactPoint>();
        foreach (var (name, i) in _instances)
        {
            if (i.Srv is not { Port: > 0 } srv || i.SrvExpires <= now || i.Txt is not { } txt || i.TxtExpires <= now
                || !txt.TryGetValue("cluster", out var cluster) || cluster != clusterId
                || (txt.TryGetValue("id", out var id) && id == selfId)
                || !_hosts.TryGetValue(srv.Target, out var addresses) || addresses.Count == 0)
            {
                continue;
            }

            var ip = addresses.Keys.OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1).First();
            var address = new NodeAddress(ip.ToString(), srv.Port);
            found.TryAdd(address, new ContactPoint(address, "mdns")
            {
                NodeId = id,
                Fingerprint = txt.GetValueOrDefault("fp"),
                Source = $"mDNS {name} on {i.Interface}",
                Priority = srv.Priority,
                Weight = srv.Weight,
            });
        }

        return [.. found.Values];
    }

    /// <summary>The questions that would complete the cache: SRV and TXT of instances known only by
    /// their PTR, and the addresses of SRV targets not known yet.</summary>
    public IReadOnlyList<DnsQuestion> Unresolved()
    {
        var questions = new List<DnsQuestion>();
        foreach (var (name, i) in _instances)
        {
            if (i.Srv is null || i.Txt is null)
            {
                questions.Add(new DnsQuestion(name, DnsRecordType.ANY));
            }
            else if (!_hosts.ContainsKey(i.Srv.Target))
            {
                questions.Add(new DnsQuestion(i.Srv.Target, DnsRecordType.A));
            }
        }

        return questions;
    }

    private MdnsInstance? Find(string name, DnsRecord record, string interfaceName, DateTimeOffset now)
    {
        if (record.EffectiveTtl == 0)
        {
            if ((_instances.Remove(name) || _goodbyes.ContainsKey(name)) && _goodbyes.Count < maxPeers)
            {
                _goodbyes[name] = now + GoodbyeHoldDown;
            }

            return null;
        }

        if (_goodbyes.TryGetValue(name, out var heldUntil) && heldUntil > now)
        {
            return null;
        }

        if (_instances.TryGetValue(name, out var instance))
        {
            instance.Interface = interfaceName;
            return instance;
        }

        Expire(now);
        if (_instances.Count >= maxPeers)
        {
            Dropped += _droppedThisMessage.Add(name) ? 1 : 0;
            return null;
        }

        return _instances[name] = new MdnsInstance { Interface = interfaceName };
    }

    private void MergeAddresses(List<DnsRecord> records, DateTimeOffset now)
    {
        var flushed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in records.Where(r => r.Data is AddressData && IsTarget(r.Name)))
        {
            if (!_hosts.TryGetValue(r.Name, out var addresses))
            {
                addresses = _hosts[r.Name] = [];
            }

            if (r.CacheFlush && flushed.Add(r.Name))
            {
                addresses.Clear();
            }

            var ip = ((AddressData)r.Data).Address;
            if (r.EffectiveTtl == 0)
            {
                addresses.Remove(ip);
            }
            else if (addresses.ContainsKey(ip) || addresses.Count < MaxAddressesPerHost)
            {
                addresses[ip] = now.AddSeconds(r.EffectiveTtl);
            }
        }
    }

    private bool IsTarget(string host) => _instances.Values.Any(i => i.Srv is { } srv && DnsName.Equal(srv.Target, host));

    private bool IsInstance(string name) =>
        name.Length > serviceName.Length + 1 && name.EndsWith("." + serviceName, StringComparison.OrdinalIgnoreCase);
}
