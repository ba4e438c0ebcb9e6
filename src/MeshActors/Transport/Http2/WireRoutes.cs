namespace MeshActors.Transport.Http2;

/// <summary>The HTTP surface of the mesh listener.</summary>
internal static class WireRoutes
{
    /// <summary>POST a <c>Hello</c>; 200 with <c>HelloReply.accepted</c> or 403 with <c>HelloReply.refused</c>.</summary>
    public const string Hello = "/mesh/v1/hello";

    /// <summary>POST an <c>Envelope</c>; 202 for one-way, 200 with the response envelope for a request.</summary>
    public const string Envelope = "/mesh/v1/envelope";

    /// <summary>The session token from the accepted Hello.</summary>
    public const string SessionHeader = "mesh-session";

    /// <summary>How long the caller waits for a response, in milliseconds.</summary>
    public const string TimeoutHeader = "mesh-timeout-ms";

    /// <summary>The longest a request may ask the server to wait for its handler.</summary>
    public static readonly TimeSpan MaxRequestWait = TimeSpan.FromMinutes(1);
}
