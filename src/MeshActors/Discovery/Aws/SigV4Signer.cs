using System.Globalization;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace MeshActors.Discovery.Aws;

/// <summary>
/// Signs a form POST with AWS Signature Version 4: builds the canonical request for the host,
/// content type and date headers (and the session token when there is one) and lets
/// AWSSDK.Core's <see cref="AWS4Signer"/> derive the key and the signature.
/// </summary>
internal static class SigV4Signer
{
    /// <summary>The content type of every EC2 Query API request.</summary>
    public const string FormContentType = "application/x-www-form-urlencoded; charset=utf-8";

    /// <summary>The headers to send: <c>Authorization</c>, <c>X-Amz-Date</c> and, with temporary credentials, <c>X-Amz-Security-Token</c>.</summary>
    public static List<KeyValuePair<string, string>> Sign(
        Uri url, byte[] body, ImmutableCredentials credentials, string region, string service, DateTimeOffset now)
    {
        var amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-type"] = FormContentType,
            ["host"] = url.IsDefaultPort ? url.Host : $"{url.Host}:{url.Port}",
            ["x-amz-date"] = amzDate,
        };
        if (credentials.UseToken)
        {
            headers["x-amz-security-token"] = credentials.Token;
        }

        var signedHeaders = string.Join(';', headers.Keys);
        var canonicalRequest = string.Join('\n',
            "POST",
            url.AbsolutePath.Length == 0 ? "/" : url.AbsolutePath,
            string.Empty,
            string.Concat(headers.Select(h => $"{h.Key}:{h.Value.Trim()}\n")),
            signedHeaders,
            Convert.ToHexStringLower(SHA256.HashData(body)));
        var result = AWS4Signer.ComputeSignature(credentials.AccessKey, credentials.SecretKey, region, now.UtcDateTime, service, signedHeaders, canonicalRequest);

        var send = new List<KeyValuePair<string, string>>
        {
            new("Authorization", result.ForAuthorizationHeader),
            new("X-Amz-Date", amzDate),
        };
        if (credentials.UseToken)
        {
            send.Add(new("X-Amz-Security-Token", credentials.Token));
        }

        return send;
    }
}
