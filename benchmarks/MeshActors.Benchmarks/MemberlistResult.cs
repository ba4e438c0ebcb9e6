namespace MeshActors.Benchmarks;

/// <summary>One memberlist anchor run.</summary>
internal sealed record MemberlistResult(TimeSpan JoinsReturned, TimeSpan FullView, TimeSpan Crash, TimeSpan Leave);
