using System.Net;
using System.Net.Http.Headers;
using MeshActors.Diagnostics;
using Microsoft.Extensions.Logging;

namespace MeshActors.Discovery.Http;

/// <summary>
/// Fetches a JSON seed list from a rendezvous URL. Sends the last ETag as <c>If-None-Match</c>;
/// a <c>304 Not Modified</c> reuses the last list, so an unchanged answer costs one round trip.
/// </summary>
public sealed class HttpDiscoveryProvider : IDiscoveryProvider
{
    private const string Setting = "meshactors.discovery.http.";
    private readonly HttpDiscoveryOptions _options;
    private readonly DiscoveryContext _context;
    private readonly HttpCallSettings _call;
    private readonly ILogger _logger;
    private readonly TrustedHttpClient _client;
    private (EntityTagHeaderValue ETag, IReadOnlyList<ContactPoint> Points)? _last;

    /// <summary>Creates the provider; nothing is contacted until the first run.</summary>
    public HttpDiscoveryProvider(HttpDiscoveryOptions options, DiscoveryContext context)
    {
        _options = options;
        _context = context;
        _call = new HttpCallSettings(Name, Setting + "timeout", Setting + "ca", options.Timeout);
        _client = new TrustedHttpClient(options.Ca, Name, Setting + "ca");
        _logger = context.LoggerFactory.CreateLogger<HttpDiscoveryProvider>();
    }

    /// <inheritdoc/>
    public string Name => "http";

    /// <inheritdoc/>
    public async Task<DiscoveryResult> DiscoverAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!Uri.TryCreate(_options.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new DiscoveryException($"http: \"{_options.Url}\" is not an http(s) URL; set {Setting}url");
        }

        var last = _last;
        var answer = await DiscoveryHttp.SendAsync(_client.Get(), () => Request(url, last?.ETag), _call, _context.Time, cancellationToken).ConfigureAwait(false);
        if (answer.Status == HttpStatusCode.NotModified && last is { } cached)
        {
            MeshLog.HttpSeedsNotModified(_logger, cached.Points.Count, DiscoveryHttp.Describe(url));
            return new DiscoveryResult(cached.Points);
        }

        if (!answer.IsSuccess)
        {
            throw DiscoveryHttp.StatusError(_call, answer, $"check {Setting}url and the rendezvous server");
        }

        List<ContactPoint> points;
        try
        {
            points = SeedListParser.Parse(answer.Body)
                .Select(a => new ContactPoint(a, Name) { Source = $"GET {DiscoveryHttp.Describe(url)} → {a}" })
                .DistinctBy(c => c.Address)
                .ToList();
        }
        catch (FormatException ex)
        {
            throw new DiscoveryException($"http: the seed list from {DiscoveryHttp.Describe(url)} is unusable: {ex.Message}; the server must answer [\"host:port\", …] or {{\"seeds\": [\"host:port\", …]}}", ex);
        }

        _last = answer.Headers.ETag is { } etag ? (etag, points) : null;
        MeshLog.HttpSeedsFetched(_logger, points.Count, DiscoveryHttp.Describe(url));
        return new DiscoveryResult(points);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private static HttpRequestMessage Request(Uri url, EntityTagHeaderValue? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (etag is not null)
        {
            request.Headers.IfNoneMatch.Add(etag);
        }

        return request;
    }

}
