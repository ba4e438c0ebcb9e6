namespace MeshActors.Benchmarks.PubSub;

/// <summary>The bytes one publish carries, as an Akka message (for a system under test that sends messages rather than bytes).</summary>
/// <param name="Bytes">The payload: <see cref="PayloadCodec"/>'s header, then filler.</param>
internal sealed record PayloadMessage(byte[] Bytes);
