using MeshActors.Discovery.Http;

namespace MeshActors.Discovery.Aws;

/// <summary>Turns an EC2 error answer (XML <c>&lt;Errors&gt;&lt;Error&gt;&lt;Code&gt;</c>) into a message that says what to fix.</summary>
internal static class Ec2Errors
{
    /// <summary>The exception for a non-2xx answer.</summary>
    public static DiscoveryException From(HttpAnswer answer, HttpCallSettings call, string region)
    {
        if (Ec2ResponseParser.Error(answer.Body) is not var (code, message))
        {
            return DiscoveryHttp.StatusError(call, answer, "check meshactors.discovery.aws.endpoint and .region");
        }

        var status = (int)answer.Status;
        var fix = code switch
        {
            "AuthFailure" or "SignatureDoesNotMatch" or "InvalidClientTokenId" or "InvalidAccessKeyId" or "IncompleteSignature" =>
                $"AWS rejected the credentials; check the access key and secret the credential chain found ({AwsCredentialChain.SourcesChecked}), and that the clock is right",
            "ExpiredToken" or "RequestExpired" =>
                "the credentials or the request expired; check the clock, and that temporary credentials are refreshed",
            "UnauthorizedOperation" or "AccessDenied" =>
                "the credentials may not call ec2:DescribeInstances; allow it in the IAM policy of the role or user",
            "RequestLimitExceeded" or "Throttling" =>
                "EC2 throttled the account; raise meshactors.discovery.aws.refresh-interval",
            "InvalidParameterValue" or "InvalidFilter" =>
                "check meshactors.discovery.aws.tags (\"key=value\")",
            _ => $"check meshactors.discovery.aws.region ({region}) and .endpoint",
        };
        return new DiscoveryException($"aws: DescribeInstances failed ({status} {code}: {message.Trim()}); {fix}");
    }
}
