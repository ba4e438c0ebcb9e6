using System.Net;
using DnsClient;
using DnsClient.Protocol;
using MeshActors.Diagnostics;
using Microsoft.Extensions.Logging;

namespace MeshActors.Discovery.Dns;

/// <summary>One discovery run's lookups: turns SRV and A/AAAA answers into contact points, each
/// address once, and keeps the smallest TTL of the records it used. CNAMEs are followed: records
/// reached through a CNAME chain in the answer count, and a chain that ends without addresses is
/// asked for again at its end (at most <see cref="MaxAliasHops"/> times).</summary>
internal sealed class DnsLookup(DnsResolver resolver, ILogger logger, CancellationToken cancellationToken)
{
    /// <summary>How many times a CNAME chain is followed with a new question before giving up.</summary>
    public const int MaxAliasHops = 8;

    private static readonly QueryType[] SrvOnly = [QueryType.SRV];
    private static readonly QueryType[] Addresses = [QueryType.A, QueryType.AAAA];

    private readonly List<ContactPoint> contactPoints = [];
    private readonly HashSet<NodeAddress> seen = [];

    /// <summary>What was found, in the order found.</summary>
    public IReadOnlyList<ContactPoint> ContactPoints => contactPoints;

    /// <summary>The smallest TTL (seconds) among the records used; null when none was used.</summary>
    public int? SmallestTtl { get; private set; }

    /// <summary>Adds each SRV target's addresses on its port; a target's addresses come from the
    /// additional section when the server sent them, else from an A and AAAA question.</summary>
    public async Task SrvAsync(string srvName)
    {
        var (name, responses) = await resolver.QueryAsync(srvName, SrvOnly, cancellationToken).ConfigureAwait(false);
        var response = responses[0];
        var owners = Owners(name, response.Answers, out _);
        var failures = new List<string>();
        foreach (var srv in response.Answers.OfType<SrvRecord>().Where(r => owners.Contains(Plain(r.DomainName))))
        {
            var target = Plain(srv.Target);
            if (target.Length == 0 || srv.Port == 0)
            {
                continue;
            }

            List<AddressRecord> glue = [.. response.Additionals.OfType<AddressRecord>().Where(a => Same(a.DomainName, target))];
            if (glue.Count == 0)
            {
                try
                {
                    glue = await AddressesAsync(target).ConfigureAwait(false);
                }
                catch (DnsLookupException ex)
                {
                    failures.Add($"SRV target {target}: {ex.Message}");
                    continue;
                }
            }

            Use(srv);
            foreach (var address in glue)
            {
                Use(address);
                Add(address.Address, srv.Port, $"SRV {name} → {target}:{srv.Port} (priority {srv.Priority}, weight {srv.Weight})", srv.Priority, srv.Weight, target);
            }
        }

        if (failures.Count > 0 && contactPoints.Count == 0)
        {
            throw new DnsLookupException(DnsLookupFailure.NameNotFound, $"no SRV target of {srvName} resolved: {string.Join("; ", failures)}");
        }

        foreach (var failure in failures)
        {
            MeshLog.DnsDiscoveryProblem(logger, failure);
        }
    }

    /// <summary>Adds the A and AAAA addresses of <paramref name="host"/> on <paramref name="port"/>.</summary>
    public async Task HostAsync(string host, int port)
    {
        foreach (var record in await AddressesAsync(host).ConfigureAwait(false))
        {
            Use(record);
            Add(record.Address, port, $"{record.RecordType} {host}", 0, 0);
        }
    }

    private async Task<List<AddressRecord>> AddressesAsync(string host)
    {
        var name = host;
        for (var hop = 0; ; hop++)
        {
            var (answered, responses) = await resolver.QueryAsync(name, Addresses, cancellationToken).ConfigureAwait(false);
            var answers = responses.SelectMany(r => r.Answers).ToList();
            var owners = Owners(answered, answers, out var end);
            List<AddressRecord> addresses = [.. answers.OfType<AddressRecord>().Where(a => owners.Contains(Plain(a.DomainName)))];
            if (addresses.Count > 0 || Same(end, answered) || hop == MaxAliasHops)
            {
                return addresses;
            }

            name = end;
        }
    }

    /// <summary>The names that stand for <paramref name="name"/> in <paramref name="answers"/>:
    /// itself and every CNAME target reached from it; <paramref name="end"/> is the last one. The
    /// CNAMEs followed count for the TTL.</summary>
    private HashSet<string> Owners(string name, IEnumerable<DnsResourceRecord> answers, out string end)
    {
        var aliases = answers.OfType<CNameRecord>().ToList();
        var owners = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Plain(name) };
        var last = Plain(name);
        while (aliases.FirstOrDefault(c => Same(c.DomainName, last)) is { } cname && owners.Add(Plain(cname.CanonicalName)))
        {
            Use(cname);
            last = Plain(cname.CanonicalName);
        }

        end = last;
        return owners;
    }

    private static string Plain(DnsString name) => Plain(name.Value);

    private static string Plain(string name) => name.TrimEnd('.');

    private static bool Same(DnsString a, string b) => Same(a.Value, b);

    private static bool Same(string a, string b) => string.Equals(Plain(a), Plain(b), StringComparison.OrdinalIgnoreCase);

    private void Use(DnsResourceRecord record) => SmallestTtl = Math.Min(SmallestTtl ?? int.MaxValue, Math.Max(0, record.InitialTimeToLive));

    private void Add(IPAddress address, int port, string source, int priority, int weight, string? hostName = null)
    {
        var nodeAddress = new NodeAddress(address.ToString(), port);
        if (seen.Add(nodeAddress))
        {
            contactPoints.Add(new ContactPoint(nodeAddress, DnsDiscoveryProvider.ProviderName) { Source = source, Priority = priority, Weight = weight, HostName = hostName });
        }
    }
}
