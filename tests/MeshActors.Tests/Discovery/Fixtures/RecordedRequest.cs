namespace MeshActors.Tests.Discovery.Fixtures;

/// <summary>A request as <see cref="FixtureHttpsServer"/> received it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The path and the raw query string.</param>
/// <param name="Headers">The headers, by case-insensitive name.</param>
/// <param name="Body">The body as text.</param>
internal sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);
