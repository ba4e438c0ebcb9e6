using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace MeshActors.Discovery.Aws;

/// <summary>
/// The standard AWS credential chain (AWSSDK.Core's <see cref="DefaultAWSCredentialsIdentityResolver"/>):
/// environment variables, the shared profile, web identity, the container credentials endpoint,
/// then EC2 instance metadata. A failure names every source that was tried.
/// </summary>
internal sealed class AwsCredentialChain : IDisposable
{
    /// <summary>The sources the chain tries, for error messages.</summary>
    public const string SourcesChecked =
        "environment (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN), the shared profile (AWS_PROFILE, ~/.aws/credentials and ~/.aws/config), " +
        "web identity (AWS_WEB_IDENTITY_TOKEN_FILE), the container endpoint (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI/FULL_URI) and EC2 instance metadata";

    private readonly DefaultAWSCredentialsIdentityResolver _resolver = new();

    /// <summary>Resolves the current credentials (the SDK caches and refreshes them).</summary>
    public async Task<ImmutableCredentials> ResolveAsync(CancellationToken cancellationToken)
    {
        var identity = await _resolver.ResolveIdentityAsync(null, cancellationToken).ConfigureAwait(false);
        return await identity.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Dispose() => _resolver.Dispose();
}
