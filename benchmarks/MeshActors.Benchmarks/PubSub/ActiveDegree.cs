namespace MeshActors.Benchmarks.PubSub;

/// <summary>Active-view sizes over a system's nodes: Plumtree's announcements per publish follow the mean (see README).</summary>
internal sealed record ActiveDegree(int Min, double Mean, int Max);
