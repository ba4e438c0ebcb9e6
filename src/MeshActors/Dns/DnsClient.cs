using System.Net;
using MeshActors.Randomness;
using MeshActors.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeshActors.Dns;

/// <summary>
/// A stub resolver: asks over UDP with EDNS0, asks the same server again over TCP when the answer
/// was truncated, and goes through the servers in order for each of <see cref="DnsClientOptions.Attempts"/>
/// rounds, each exchange limited by <see cref="DnsClientOptions.Timeout"/>. Query ids are random;
/// a packet whose id or question does not match is ignored. NXDOMAIN ends the query at once;
/// other failures move on to the next server. Thread-safe.
/// </summary>
public sealed partial class DnsClient
{
    private readonly DnsClientOptions options;
    private readonly IRandomSource random;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Lock idLock = new();

    /// <summary>Creates a client.</summary>
    /// <param name="options">The servers, timeout and attempts.</param>
    /// <param name="random">Draws the query ids.</param>
    /// <param name="time">Measures the timeouts.</param>
    /// <param name="logger">Where exchanges are logged (debug) and partly malformed answers (warning).</param>
    public DnsClient(DnsClientOptions options, IRandomSource random, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        if (options.Servers.Count == 0 || options.Attempts < 1 || options.Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("a DNS client needs at least one server, one attempt and a positive timeout", nameof(options));
        }

        this.options = options;
        this.random = random;
        this.time = time ?? TimeProvider.System;
        this.logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Counters for tests and diagnostics.</summary>
    public DnsClientStats Stats { get; } = new();

    /// <summary>The servers asked, in order.</summary>
    public IReadOnlyList<IPEndPoint> Servers => options.Servers;

    /// <summary>Asks for the <paramref name="type"/> records of <paramref name="name"/>.</summary>
    /// <returns>A NOERROR response (possibly with no answers: the name exists without such records).</returns>
    /// <exception cref="DnsQueryException">NXDOMAIN, or every server failed; <see cref="DnsQueryException.Failure"/> says how.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<DnsResponse> QueryAsync(string name, DnsRecordType type, CancellationToken cancellationToken)
    {
        var question = new DnsQuestion(name, type);
        _ = DnsName.ParseLabels(name);
        var failures = new Dictionary<IPEndPoint, DnsQueryException>();
        for (var attempt = 0; attempt < options.Attempts; attempt++)
        {
            foreach (var server in options.Servers)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    var response = await ExchangeAsync(server, question, cancellationToken).ConfigureAwait(false);
                    if (DnsResponseCheck.Failure(response.Message, question, server) is { } failure)
                    {
                        throw failure;
                    }

                    return response;
                }
                catch (DnsQueryException ex) when (ex.Failure != DnsFailure.NameNotFound)
                {
                    MeshLog.DnsServerFailed(logger, name, type.ToString(), server.ToString(), ex.Failure.ToString(), ex.Message);
                    failures[server] = ex;
                }
            }
        }

        throw Summarize(failures);
    }

    private static DnsQueryException Summarize(Dictionary<IPEndPoint, DnsQueryException> failures)
    {
        var worst = failures.Values.OrderBy(f => Rank(f.Failure)).First();
        return failures.Count == 1
            ? worst
            : new DnsQueryException(worst.Failure, string.Join("; ", failures.Values.Select(f => f.Message)));
    }

    /// <summary>Which failure says the most about the problem when several servers fail differently.</summary>
    private static int Rank(DnsFailure failure) => failure switch
    {
        DnsFailure.Refused or DnsFailure.ServerFailure or DnsFailure.FormatError or DnsFailure.OtherResponseCode => 0,
        DnsFailure.Malformed => 1,
        DnsFailure.Unreachable => 2,
        _ => 3,
    };

    private ushort NextId()
    {
        lock (idLock)
        {
            return (ushort)random.Next(65536);
        }
    }
}
