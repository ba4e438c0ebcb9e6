using System.Net.Security;
using System.Security.Authentication;
using System.Text;

namespace MeshActors.Discovery.Http;

/// <summary>
/// The HTTP call shared by the Kubernetes, AWS and HTTP providers: one request with a deadline,
/// a bounded body, and every transport failure (refused, TLS, timeout) turned into a
/// <see cref="DiscoveryException"/> that names the provider and the setting to change.
/// </summary>
internal static class DiscoveryHttp
{
    /// <summary>The largest body read; a bigger answer is refused rather than buffered.</summary>
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    /// <summary>Sends the request built by <paramref name="build"/> and reads the whole answer.</summary>
    /// <exception cref="DiscoveryException">The server was unreachable, timed out, or sent too much.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<HttpAnswer> SendAsync(
        HttpClient client, Func<HttpRequestMessage> build, HttpCallSettings call, TimeProvider time, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var deadline = new CancellationTokenSource(call.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using var request = build();
        var url = request.RequestUri!;
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var body = await ReadBodyAsync(response.Content, call, url, linked.Token).ConfigureAwait(false);
            return new HttpAnswer(url, response.StatusCode, response.Headers, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DiscoveryException($"{call.Provider}: {Describe(url)} did not answer within {call.Timeout.TotalSeconds:0.###} s; check that it is reachable from this node, or raise {call.TimeoutSetting}");
        }
        catch (HttpRequestException ex)
        {
            throw new DiscoveryException($"{call.Provider}: cannot reach {Describe(url)}: {Explain(ex, call)}", ex);
        }
    }

    /// <summary>The error for a non-2xx answer that has no more specific meaning.</summary>
    public static DiscoveryException StatusError(HttpCallSettings call, HttpAnswer answer, string fix)
    {
        var excerpt = answer.Excerpt();
        return new DiscoveryException(
            $"{call.Provider}: {Describe(answer.Url)} answered {(int)answer.Status} {answer.Status}" +
            (excerpt.Length > 0 ? $" (\"{excerpt}\")" : string.Empty) + $"; {fix}");
    }

    /// <summary>The URL without its query, which may be long or carry tokens.</summary>
    public static string Describe(Uri url) => url.GetLeftPart(UriPartial.Path);

    private static async Task<string> ReadBodyAsync(HttpContent content, HttpCallSettings call, Uri url, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxBodyBytes)
        {
            throw TooLarge(call, url);
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw TooLarge(call, url);
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static DiscoveryException TooLarge(HttpCallSettings call, Uri url) =>
        new($"{call.Provider}: {Describe(url)} sent more than {MaxBodyBytes / (1024 * 1024)} MiB; narrow the query (selector, tags) or check that the URL is the right server");

    private static string Explain(HttpRequestException ex, HttpCallSettings call)
    {
        var root = ex.InnerException?.Message ?? ex.Message;
        if (ex.HttpRequestError == HttpRequestError.SecureConnectionError || ex.InnerException is AuthenticationException)
        {
            return $"the TLS handshake failed ({root}); if the server uses a private CA, set {call.CaSetting} to that CA's PEM file";
        }

        return ex.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => $"the host name does not resolve ({root}); check the URL",
            HttpRequestError.ConnectionError => $"the connection failed ({root}); check that the server runs and the host and port are right",
            _ => root,
        };
    }

    /// <summary>Whether <paramref name="errors"/> leaves only a chain error that a custom trust store may settle.</summary>
    internal static bool OnlyChainErrors(SslPolicyErrors errors) => (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None;
}
