using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MeshActors.Tests.Discovery.Fixtures;

namespace MeshActors.Tests.Discovery.Aws;

/// <summary>
/// The server side of AWS Signature Version 4, written from the published algorithm and not
/// with the SDK: rebuild the canonical request from what arrived on the wire, hash it into the
/// string to sign, derive the key by the HMAC chain (date, region, service, "aws4_request")
/// and compare signatures in constant time.
/// </summary>
internal static class SigV4Verifier
{
    private const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>Null when the request is signed with <paramref name="secrets"/>' key; otherwise the EC2 error code and message.</summary>
    public static (string Code, string Message)? Verify(RecordedRequest request, IReadOnlyDictionary<string, string> secrets, string region, string service, DateTimeOffset now)
    {
        if (!request.Headers.TryGetValue("Authorization", out var authorization) || !authorization.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return ("AuthFailure", "AWS was not able to validate the provided access credentials");
        }

        var fields = authorization[(Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries)
            .Select(f => f.Split('=', 2)).Where(f => f.Length == 2).ToDictionary(f => f[0], f => f[1]);
        if (!fields.TryGetValue("Credential", out var credential) || !fields.TryGetValue("SignedHeaders", out var signedHeaders) || !fields.TryGetValue("Signature", out var signature))
        {
            return ("IncompleteSignature", "Authorization header requires Credential, SignedHeaders and Signature");
        }

        var scope = credential.Split('/');
        if (scope.Length != 5 || scope[2] != region || scope[3] != service || scope[4] != "aws4_request")
        {
            return ("AuthFailure", $"Credential should be scoped to a valid region/service ('{region}'/'{service}')");
        }

        if (!secrets.TryGetValue(scope[0], out var secret))
        {
            return ("AuthFailure", "AWS was not able to validate the provided access credentials");
        }

        var amzDate = request.Headers.GetValueOrDefault("X-Amz-Date") ?? string.Empty;
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt) ||
            Math.Abs((now - signedAt).TotalMinutes) > 15 || scope[1] != amzDate[..8])
        {
            return ("RequestExpired", "Request has expired or X-Amz-Date does not match the credential scope");
        }

        var names = signedHeaders.Split(';');
        if (!names.Contains("host") || !names.Contains("x-amz-date"))
        {
            return ("IncompleteSignature", "host and x-amz-date must be signed");
        }

        var canonical = CanonicalRequest(request, names, signedHeaders);
        var stringToSign = $"{Algorithm}\n{amzDate}\n{scope[1]}/{region}/{service}/aws4_request\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Hmac(Hmac(Hmac(Hmac(Encoding.UTF8.GetBytes("AWS4" + secret), scope[1]), region), service), "aws4_request");
        var expected = Hex(Hmac(key, stringToSign));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature))
            ? null
            : ("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.");
    }

    private static string CanonicalRequest(RecordedRequest request, string[] names, string signedHeaders)
    {
        var queryStart = request.PathAndQuery.IndexOf('?');
        var path = queryStart < 0 ? request.PathAndQuery : request.PathAndQuery[..queryStart];
        var query = queryStart < 0 ? string.Empty : string.Join('&', request.PathAndQuery[(queryStart + 1)..].Split('&').Order(StringComparer.Ordinal));
        var headers = string.Concat(names.Select(n => $"{n}:{string.Join(' ', (request.Headers.GetValueOrDefault(n) ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))}\n"));
        return $"{request.Method}\n{(path.Length == 0 ? "/" : path)}\n{query}\n{headers}\n{signedHeaders}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(request.Body)))}";
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
