using System.Net;
using MeshActors.Diagnostics;
using MeshActors.Dns;
using MeshActors.Discovery;
using Microsoft.Extensions.Logging;

namespace MeshActors.Discovery.Dns;

/// <summary>One discovery run's lookups: turns SRV and A/AAAA answers into contact points, each
/// address once, and keeps the smallest TTL of the records it used.</summary>
internal sealed class DnsLookup(MeshActors.Dns.DnsClient client, ILogger logger, CancellationToken cancellationToken)
{
    private readonly List<ContactPoint> contactPoints = [];
    private readonly HashSet<NodeAddress> seen = [];

    /// <summary>What was found, in the order found.</summary>
    public IReadOnlyList<ContactPoint> ContactPoints => contactPoints;

    /// <summary>The smallest effective TTL (seconds) among the records used; null when none was used.</summary>
    public uint? SmallestTtl { get; private set; }

    /// <summary>Adds each SRV target's addresses on its port.</summary>
    public async Task SrvAsync(string srvName)
    {
        var response = await client.QueryAsync(srvName, DnsRecordType.SRV, cancellationToken).ConfigureAwait(false);
        var message = response.Message;
        var records = message.Answers.Where(r => r is { IsInternetClass: true, Data: SrvData }).ToList();
        var failures = new List<string>();
        foreach (var record in records)
        {
            var srv = (SrvData)record.Data;
            if (srv.Target.Length == 0 || srv.Port == 0)
            {
                continue;
            }

            var glue = message.Additionals.Where(r => r.IsInternetClass && r.Data is AddressData && DnsName.Equal(r.Name, srv.Target)).ToList();
            if (glue.Count == 0)
            {
                try
                {
                    glue = await AddressesAsync(srv.Target).ConfigureAwait(false);
                }
                catch (DnsQueryException ex)
                {
                    failures.Add($"SRV target {srv.Target}: {ex.Message}");
                    continue;
                }
            }

            Use(record);
            foreach (var address in glue)
            {
                Use(address);
                Add(((AddressData)address.Data).Address, srv.Port, $"SRV {srvName} → {srv.Target}:{srv.Port} (priority {srv.Priority}, weight {srv.Weight})", srv.Priority, srv.Weight, srv.Target.TrimEnd('.'));
            }
        }

        if (failures.Count > 0 && contactPoints.Count == 0)
        {
            throw new DnsQueryException(DnsFailure.NameNotFound, $"no SRV target of {srvName} resolved: {string.Join("; ", failures)}");
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
            Add(((AddressData)record.Data).Address, port, $"{record.Type} {host}", 0, 0);
        }
    }

    private async Task<List<DnsRecord>> AddressesAsync(string name)
    {
        var a = client.QueryAsync(name, DnsRecordType.A, cancellationToken);
        var aaaa = client.QueryAsync(name, DnsRecordType.AAAA, cancellationToken);
        var responses = await Task.WhenAll(a, aaaa).ConfigureAwait(false);
        return responses
            .SelectMany(r => r.Message.Answers)
            .Where(r => r is { IsInternetClass: true, Data: AddressData } && r.Type is DnsRecordType.A or DnsRecordType.AAAA && DnsName.Equal(r.Name, name) || IsAliasTarget(r, responses))
            .ToList();
    }

    /// <summary>Addresses reached through a CNAME chain in the same answer count too.</summary>
    private static bool IsAliasTarget(DnsRecord record, DnsResponse[] responses) =>
        record is { IsInternetClass: true, Data: AddressData } && responses.Any(r => r.Message.Answers.Any(c => c.Data is PtrData p && c.Type == DnsRecordType.CNAME && DnsName.Equal(p.Name, record.Name)));

    private void Use(DnsRecord record) => SmallestTtl = Math.Min(SmallestTtl ?? uint.MaxValue, record.EffectiveTtl);

    private void Add(IPAddress address, int port, string source, int priority, int weight, string? hostName = null)
    {
        var nodeAddress = new NodeAddress(address.ToString(), port);
        if (seen.Add(nodeAddress))
        {
            contactPoints.Add(new ContactPoint(nodeAddress, DnsDiscoveryProvider.ProviderName) { Source = source, Priority = priority, Weight = weight, HostName = hostName });
        }
    }
}
