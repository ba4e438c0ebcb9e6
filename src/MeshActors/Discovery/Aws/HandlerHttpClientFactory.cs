using Amazon.Runtime;

namespace MeshActors.Discovery.Aws;

/// <summary>
/// Gives the AWS SDK <see cref="HttpClient"/>s over one handler the provider owns: the handler
/// trusts <c>meshactors.discovery.aws.ca</c> (a private CA of a private endpoint) or the system
/// store, and is never told to skip validation. The SDK keeps the client per SDK client, so
/// two providers never share a trust decision.
/// </summary>
internal sealed class HandlerHttpClientFactory(HttpMessageHandler handler) : HttpClientFactory
{
    /// <inheritdoc/>
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
        new(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

    /// <inheritdoc/>
    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => true;

    /// <inheritdoc/>
    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    /// <inheritdoc/>
    public override string? GetConfigUniqueString(IClientConfig clientConfig) => null;
}
