namespace MeshActors.Benchmarks;

/// <summary>
/// How the benchmark sees each node's member list: by polling <c>GET /control/members</c>
/// (<see cref="PolledMemberViews"/>) or from the <c>/control/members/watch</c> event stream
/// (<see cref="WatchedMemberViews"/>). A view maps node id to status.
/// </summary>
internal interface IMemberViews : IDisposable
{
    /// <summary>Begins observing a node that has just become ready.</summary>
    void Attach(NodeProcess node);

    /// <summary>Stops observing a node and closes anything open to it.</summary>
    Task DetachAsync(NodeProcess node);

    /// <summary>
    /// The node's views from <paramref name="since"/> on, oldest first, each with the time it was
    /// seen (never earlier than <paramref name="since"/>). <paramref name="statuses"/> narrows a
    /// polled list (e.g. "dead"); predicates must hold on a full list as well as on a narrowed one.
    /// </summary>
    Task<IReadOnlyList<(TimeSpan At, IReadOnlyDictionary<string, string> View)>> SinceAsync(NodeProcess node, string statuses, TimeSpan since);
}
