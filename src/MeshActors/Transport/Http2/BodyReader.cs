using Microsoft.AspNetCore.Http;

namespace MeshActors.Transport.Http2;

/// <summary>Reads a request body of at most a given size without trusting what the peer claims:
/// a declared length over the limit is refused before reading, and an undeclared one is read in
/// steps and abandoned at the limit, so a peer can never make this node allocate more than that.</summary>
internal static class BodyReader
{
    /// <summary>The body, or null when it is larger than <paramref name="limit"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        try
        {
            if (request.ContentLength is { } declared)
            {
                var exact = new byte[declared];
                await request.Body.ReadExactlyAsync(exact, request.HttpContext.RequestAborted).ConfigureAwait(false);
                return exact;
            }

            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        catch (BadHttpRequestException)
        {
            return null;
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }
}
