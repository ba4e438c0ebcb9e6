namespace MeshActors.Benchmarks.PubSub;

/// <summary>Messages and bytes of one type in the measured interval.</summary>
internal sealed record TypeCount(long Messages, long Bytes);
