using System.Security.Authentication;
using System.Xml;
using Amazon.EC2;
using Amazon.Runtime;

namespace MeshActors.Discovery.Aws;

/// <summary>Turns what AWSSDK.EC2 throws into a <see cref="DiscoveryException"/> that names the
/// provider, what failed (EC2's error code and message) and the setting or permission to check.</summary>
internal static class Ec2Errors
{
    /// <summary>Where the standard AWS credential chain looks, for error messages.</summary>
    public const string SourcesChecked =
        "environment (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN), the shared profile (AWS_PROFILE, ~/.aws/credentials and ~/.aws/config), " +
        "web identity (AWS_WEB_IDENTITY_TOKEN_FILE), the container endpoint (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI/FULL_URI) and EC2 instance metadata";

    private const string Setting = "meshactors.discovery.aws.";

    /// <summary>The exception for a failed DescribeInstances call.</summary>
    public static DiscoveryException From(Exception error, AmazonEC2Client client, string region)
    {
        var endpoint = Describe(client);
        if (error is AmazonServiceException { ErrorCode.Length: > 0 } service and not AmazonUnmarshallingException)
        {
            var status = (int)service.StatusCode;
            return new DiscoveryException($"aws: DescribeInstances at {endpoint} failed ({status} {service.ErrorCode}: {service.Message.Trim().TrimEnd('.')}); {Fix(service.ErrorCode, region)}", error);
        }

        if (Find<HttpRequestException>(error) is { } http)
        {
            return new DiscoveryException($"aws: cannot reach {endpoint}: {Explain(http)}", error);
        }

        if (error is AmazonUnmarshallingException or AmazonServiceException or XmlException or FormatException)
        {
            var status = error is AmazonServiceException { StatusCode: var code } && (int)code > 0 ? $" (HTTP {(int)code})" : string.Empty;
            return new DiscoveryException($"aws: {endpoint} did not answer with a DescribeInstances response{status}: {Innermost(error)}; check {Setting}endpoint (an EC2-compatible URL, or \"\")", error);
        }

        return new DiscoveryException($"aws: DescribeInstances at {endpoint} failed in the AWS SDK ({Innermost(error)}); check {Setting}region ({region}) and {Setting}endpoint", error);
    }

    /// <summary>The standard chain found no credentials (or failed to read them).</summary>
    public static DiscoveryException NoCredentials(Exception error) =>
        new(
            $"aws: no usable AWS credentials ({(error is OperationCanceledException ? "none found within " + Setting + "request-timeout" : Innermost(error))}); checked {SourcesChecked}. " +
            "Attach an IAM role allowing ec2:DescribeInstances to the instance or task, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
            error);

    /// <summary>The SDK could not tell which region (and so which endpoint) to call.</summary>
    public static DiscoveryException NoRegion(Exception error) =>
        new($"aws: no EC2 region or endpoint ({Innermost(error)}); set {Setting}region (e.g. \"eu-west-1\") or AWS_REGION, or {Setting}endpoint", error);

    /// <summary>The client's endpoint for messages: the service URL, or the region's.</summary>
    public static string Describe(AmazonEC2Client client) =>
        client.Config.ServiceURL is { Length: > 0 } url ? url : $"EC2 in {client.Config.RegionEndpoint?.SystemName ?? "an unknown region"}";

    private static string Fix(string code, string region) => code switch
    {
        "AuthFailure" or "SignatureDoesNotMatch" or "InvalidClientTokenId" or "InvalidAccessKeyId" or "IncompleteSignature" or "UnrecognizedClientException" =>
            $"AWS rejected the credentials; check the access key and secret the standard chain found ({SourcesChecked}), and that the clock is right",
        "ExpiredToken" or "RequestExpired" =>
            "the credentials or the request expired; check the clock, and that temporary credentials are refreshed",
        "UnauthorizedOperation" or "AccessDenied" or "AccessDeniedException" =>
            "the credentials may not call ec2:DescribeInstances; allow it in the IAM policy of the role or user",
        "RequestLimitExceeded" or "Throttling" =>
            $"EC2 throttled the account; raise {Setting}refresh-interval",
        "InvalidParameterValue" or "InvalidFilter" or "InvalidParameterCombination" =>
            $"EC2 refused a filter; check {Setting}filters and {Setting}tag-key",
        _ => $"check {Setting}region ({region}) and {Setting}endpoint",
    };

    private static string Explain(HttpRequestException ex)
    {
        var root = ex.InnerException?.Message ?? ex.Message;
        if (ex.HttpRequestError == HttpRequestError.SecureConnectionError || ex.InnerException is AuthenticationException)
        {
            return $"the TLS handshake failed ({root}); if the endpoint uses a private CA, set {Setting}ca to that CA's PEM file";
        }

        return ex.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => $"the host name does not resolve ({root}); check {Setting}endpoint and {Setting}region",
            HttpRequestError.ConnectionError => $"the connection failed ({root}); check {Setting}endpoint and that EC2 is reachable from here",
            _ => $"{root}; check {Setting}endpoint",
        };
    }

    private static T? Find<T>(Exception error)
        where T : Exception
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static string Innermost(Exception error)
    {
        var e = error;
        while (e.InnerException is not null && e.Message.Length == 0)
        {
            e = e.InnerException;
        }

        // SDK messages may span lines (one per credential source) and end with a full stop.
        return string.Join(' ', e.Message.Split((char[])['\r', '\n', ' '], StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
    }
}
