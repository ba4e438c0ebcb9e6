using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Google.Protobuf;
using MeshActors.Actors;
using MeshActors.Transport;

namespace MeshActors.Membership;

/// <summary>
/// A node's view of its cluster, for embedders: the member list, a stream of changes, metadata
/// updates and a graceful leave. Backed by the node's membership actor; every call is safe from
/// any thread.
/// </summary>
public sealed class ClusterMembership
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);
    private readonly IActorRef<MembershipActor.Protocol.Message> _actor;
    private readonly MembershipSettings _settings;

    private ClusterMembership(string nodeId, IActorRef<MembershipActor.Protocol.Message> actor, MembershipSettings settings)
    {
        NodeId = nodeId;
        _actor = actor;
        _settings = settings;
    }

    /// <summary>This node's id.</summary>
    public string NodeId { get; }

    /// <summary>The current member list.</summary>
    public Task<MembershipSnapshot> GetSnapshotAsync() =>
        _actor.Ask((IActorRef<MembershipSnapshot> r) => new MembershipActor.Protocol.GetSnapshot(r), AskTimeout);

    /// <summary>
    /// The member list now, then after every change, with the changes — until
    /// <paramref name="cancellationToken"/> is cancelled or the node stops. A consumer that falls
    /// more than 256 updates behind skips the oldest (each update carries the whole list).
    /// </summary>
    public async IAsyncEnumerable<MembershipUpdate> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var reader = await _actor.Ask((IActorRef<ChannelReader<MembershipUpdate>> r) => new MembershipActor.Protocol.Subscribe(r), AskTimeout).ConfigureAwait(false);
        while (true)
        {
            MembershipUpdate update;
            try
            {
                if (!await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield break;
                }

                if (!reader.TryRead(out update!))
                {
                    continue;
                }
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            yield return update;
        }
    }

    /// <summary>Announces new metadata; it spreads like a status change (at a higher incarnation).</summary>
    public Task<Member> UpdateMetadataAsync(MemberMetadata metadata) =>
        _actor.Ask((IActorRef<Member> r) => new MembershipActor.Protocol.UpdateMetadata(metadata, r), AskTimeout);

    /// <summary>
    /// Leaves gracefully: marks this node left, tells the live members directly and waits up to
    /// the profile's leave-timeout for their acknowledgements. Returns how many acknowledged.
    /// </summary>
    public Task<int> LeaveAsync() =>
        _actor.Ask((IActorRef<int> r) => new MembershipActor.Protocol.Leave(r), _settings.LeaveTimeout + AskTimeout);

    internal static ClusterMembership Start(ActorSystem system, MembershipActorOptions options, SupervisionStrategy? supervision = null)
    {
        var actor = system.Spawn("membership", () => new MembershipActor(options), supervision);
        return new ClusterMembership(options.NodeId, actor, options.Settings);
    }

    /// <summary>Whether <paramref name="message"/> is a membership message this component handles.</summary>
    internal static bool Handles(IMessage message) => message is Transport.Wire.BootstrapQuery or Transport.Wire.SwimPing or Transport.Wire.SwimAck or
        Transport.Wire.SwimIndirectPing or Transport.Wire.SwimNack or Transport.Wire.SwimGossip or Transport.Wire.SwimPushPull;

    /// <summary>Forms a new cluster of this node (the bootstrap's decision; only while waiting).</summary>
    internal void Form() => _actor.Tell(MembershipActor.Protocol.Form.Instance);

    /// <summary>Joins an existing cluster through <paramref name="seeds"/> (the bootstrap's decision).</summary>
    internal void JoinThrough(IReadOnlyList<NodeAddress> seeds) => _actor.Tell(new MembershipActor.Protocol.JoinThrough(seeds));

    /// <summary>Starts a push-pull with <paramref name="address"/> unless <paramref name="nodeId"/> is already a live member.</summary>
    internal void Introduce(NodeAddress address, string? nodeId) => _actor.Tell(new MembershipActor.Protocol.Introduce(address, nodeId));

    /// <summary>Hands an inbound membership message to the actor.</summary>
    internal void Deliver(InboundMessage message) => _actor.Tell(new MembershipActor.Protocol.Inbound(message));
}
