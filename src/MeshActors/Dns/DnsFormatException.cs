namespace MeshActors.Dns;

/// <summary>A packet broke the wire format; caught inside <see cref="DnsCodec.Decode"/>, never thrown to callers.</summary>
internal sealed class DnsFormatException(string message) : Exception(message);
