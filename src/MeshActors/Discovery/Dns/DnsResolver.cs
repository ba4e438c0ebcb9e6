using System.Globalization;
using System.Net;
using DnsClient;
using MeshActors.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeshActors.Discovery.Dns;

/// <summary>
/// The dns provider's questions, asked through DnsClient's <see cref="LookupClient"/>: UDP with
/// EDNS0 (1232 bytes), TCP when an answer is truncated, each server asked up to
/// <c>attempts</c> times with <c>timeout</c> per try, servers in order, and no cache (every
/// question goes to the server, so records changed at run time are seen at once; the provider
/// itself refreshes by the records' TTL). With no server configured, the servers, search list and
/// ndots come from resolv.conf. Failures are <see cref="DnsLookupException"/>s whose message names
/// the question, the server and what went wrong.
/// </summary>
internal sealed class DnsResolver
{
    /// <summary>What EDNS0 advertises: the DNS Flag Day 2020 size, which avoids IP fragmentation.</summary>
    public const int EdnsUdpPayloadSize = 1232;

    private readonly LookupClient client;
    private readonly IReadOnlyList<IPEndPoint> servers;
    private readonly ResolvConf? resolvConf;
    private readonly TimeSpan timeout;
    private readonly int attempts;
    private readonly ILogger logger;

    private DnsResolver(IReadOnlyList<IPEndPoint> servers, TimeSpan timeout, int attempts, ResolvConf? resolvConf, ILogger logger)
    {
        this.logger = logger;
        this.servers = servers;
        this.timeout = timeout;
        this.attempts = attempts;
        this.resolvConf = resolvConf;
        client = new LookupClient(new LookupClientOptions(servers.ToArray())
        {
            AutoResolveNameServers = false,
            UseCache = false,
            Timeout = timeout,
            Retries = attempts - 1,
            UseTcpFallback = true,
            UseRandomNameServer = false,
            ThrowDnsErrors = false,
            ContinueOnDnsError = true,
            ContinueOnEmptyResponse = false,
            ExtendedDnsBufferSize = EdnsUdpPayloadSize,
            RequestDnsSecRecords = false,
            Recursion = true,
        });
    }

    /// <summary>The servers asked, in order.</summary>
    public IReadOnlyList<IPEndPoint> Servers => servers;

    /// <summary>A resolver for one explicit server ("ip:port"), or for the system resolvers of
    /// <paramref name="resolvConfPath"/> when <paramref name="server"/> is empty (whose
    /// <c>options timeout:N attempts:N</c> then replace <paramref name="timeout"/> and <paramref name="attempts"/>).</summary>
    /// <exception cref="DiscoveryException">resolv.conf is missing or names no server.</exception>
    /// <exception cref="FormatException"><paramref name="server"/> is not "ip:port".</exception>
    public static DnsResolver For(string server, TimeSpan timeout, int attempts, string resolvConfPath, ILogger? logger = null)
    {
        logger ??= NullLogger.Instance;
        if (!string.IsNullOrWhiteSpace(server))
        {
            return new DnsResolver([ParseServer(server)], timeout, attempts, resolvConf: null, logger);
        }

        var conf = ResolvConf.Load(resolvConfPath);
        foreach (var problem in conf.Problems)
        {
            MeshLog.ResolvConfProblem(logger, resolvConfPath, problem);
        }

        return new DnsResolver(conf.Nameservers, conf.Timeout ?? timeout, conf.Attempts ?? attempts, conf, logger);
    }

    /// <summary>Parses "ip:port" or "[ipv6]:port".</summary>
    /// <exception cref="FormatException">The text is not an IP address and port.</exception>
    public static IPEndPoint ParseServer(string text)
    {
        if (IPEndPoint.TryParse(text.Trim(), out var endpoint) && endpoint.Port != 0)
        {
            return endpoint;
        }

        throw new FormatException(string.Create(CultureInfo.InvariantCulture,
            $"\"{text}\" is not a DNS server address; write ip:port, e.g. 127.0.0.1:53 or [::1]:53, or \"\" for the system resolvers"));
    }

    /// <summary>Asks for the <paramref name="types"/> records of <paramref name="name"/> (in
    /// parallel), trying the search list's names in turn when the servers come from resolv.conf:
    /// the first name with any answer wins; a name that exists without such records ends the
    /// search with no answers (as glibc does when every name fails).</summary>
    /// <returns>The name that answered and one response per type.</returns>
    /// <exception cref="DnsLookupException">NXDOMAIN for every name tried, an error response code,
    /// no answer in time, or an answer DnsClient could not read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<(string Name, IReadOnlyList<IDnsQueryResponse> Responses)> QueryAsync(
        string name, IReadOnlyList<QueryType> types, CancellationToken cancellationToken)
    {
        var candidates = resolvConf?.Candidates(name) ?? [name];
        (string Name, IReadOnlyList<IDnsQueryResponse> Responses)? exists = null;
        IDnsQueryResponse? notFound = null;
        foreach (var candidate in candidates)
        {
            var responses = await Task.WhenAll(types.Select(t => AskAsync(candidate, t, cancellationToken))).ConfigureAwait(false);
            if (responses.Any(r => r.Answers.Count > 0))
            {
                return (candidate, responses);
            }

            if (responses.All(r => Code(r) == DnsResponseCode.NotExistentDomain))
            {
                notFound ??= responses[0];
            }
            else
            {
                exists ??= (candidate, responses);
            }
        }

        if (exists is { } empty)
        {
            return empty;
        }

        var tried = candidates.Count == 1 ? "" : $"; tried {string.Join(", ", candidates)}";
        throw new DnsLookupException(DnsLookupFailure.NameNotFound, $"{name} does not exist (NXDOMAIN from {Server(notFound!)}{tried})");
    }

    private async Task<IDnsQueryResponse> AskAsync(string name, QueryType type, CancellationToken cancellationToken)
    {
        IDnsQueryResponse response;
        try
        {
            response = await client.QueryAsync(name, type, QueryClass.IN, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested)
        {
            // DnsClient reports a cancelled query as a DnsResponseException (a "timeout").
            throw new OperationCanceledException($"the {type} question for {name} was cancelled", ex, cancellationToken);
        }
        catch (DnsResponseException ex)
        {
            throw Describe(ex.Code, name, type, AllServers(), ex.DnsError ?? ex.Message, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // DnsClient lets some read and socket errors escape as they are.
            throw Describe(DnsResponseCode.Unassigned, name, type, AllServers(), ex.Message, ex);
        }

        MeshLog.DnsAnswered(logger, name, type.ToString(), Server(response), Code(response).ToString(), response.Answers.Count, response.MessageSize);
        return Code(response) is DnsResponseCode.NoError or DnsResponseCode.NotExistentDomain
            ? response
            : throw Describe(Code(response), name, type, Server(response), response.ErrorMessage, inner: null);
    }

    /// <summary>DnsClient's response codes (as answered, or as <see cref="DnsResponseException.Code"/>)
    /// in words: who failed, at what, and what that usually means.</summary>
    internal DnsLookupException Describe(DnsResponseCode code, string name, QueryType type, string server, string? detail, Exception? inner)
    {
        var q = $"{name} {type}";
        var (failure, message) = code switch
        {
            DnsResponseCode.NotExistentDomain => (DnsLookupFailure.NameNotFound, $"{name} does not exist (NXDOMAIN from {server})"),
            DnsResponseCode.Refused => (DnsLookupFailure.Refused, $"{server} refused to answer {q} (REFUSED): it does not serve that zone or does not answer this client"),
            DnsResponseCode.ServerFailure => (DnsLookupFailure.ServerFailure, $"{server} failed to resolve {q} (SERVFAIL): the server or its upstream is failing"),
            DnsResponseCode.FormatError => (DnsLookupFailure.ServerFailure, $"{server} could not read the query for {q} (FORMERR)"),
            DnsResponseCode.ConnectionTimeout => (DnsLookupFailure.Timeout,
                $"{server} did not answer {q} within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s ({attempts} attempt(s) per server)"),
            DnsResponseCode.Unassigned => (DnsLookupFailure.Unreadable, $"asking {server} for {q} failed: {detail}"),
            _ => (DnsLookupFailure.ServerFailure, $"{server} answered {q} with response code {code} ({(int)code})"),
        };
        return inner is null ? new DnsLookupException(failure, message) : new DnsLookupException(failure, message, inner);
    }

    /// <summary>The header's RCODE in the same enum as <see cref="DnsResponseException.Code"/> (DnsClient keeps two with equal values).</summary>
    private static DnsResponseCode Code(IDnsQueryResponse response) => (DnsResponseCode)(int)response.Header.ResponseCode;

    private static string Server(IDnsQueryResponse response) =>
        response.NameServer is { } ns ? new IPEndPoint(IPAddress.Parse(ns.Address), ns.Port).ToString() : "the server";

    private string AllServers() => servers.Count == 1 ? servers[0].ToString() : string.Join(", ", servers);
}
