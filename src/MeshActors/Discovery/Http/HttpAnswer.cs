using System.Net;
using System.Net.Http.Headers;

namespace MeshActors.Discovery.Http;

/// <summary>A complete HTTP answer read by <see cref="DiscoveryHttp"/>: status, headers and the (size-limited) body.</summary>
/// <param name="Url">The URL that was asked.</param>
/// <param name="Status">The status code.</param>
/// <param name="Headers">The response headers.</param>
/// <param name="Body">The body as UTF-8 text.</param>
internal sealed record HttpAnswer(Uri Url, HttpStatusCode Status, HttpResponseHeaders Headers, string Body)
{
    /// <summary>Whether the status is 2xx.</summary>
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>The start of the body, on one line and without control characters, for error messages.</summary>
    public string Excerpt(int max = 200)
    {
        var text = new string(Body.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        return text.Length <= max ? text : text[..max] + "…";
    }
}
