using System.Collections.Immutable;

namespace MeshActors.Membership;

/// <summary>
/// This node's member list and SWIM's rules for changing it: pure state, no timers, no I/O, so
/// the rules are table-tested directly. Claims about other members follow
/// <see cref="MemberPrecedence"/> with memberlist's exceptions (suspect and dead claims about an
/// unknown member are ignored; only the member itself announces alive or left). Claims about this
/// node itself are not applied here: <see cref="RefutationFor"/> says whether the node must answer
/// them by announcing itself alive at a higher incarnation.
/// </summary>
internal sealed class MemberTable
{
    private readonly Dictionary<string, Member> _members = new(StringComparer.Ordinal);
    private int _live;

    public MemberTable(Member self)
    {
        Self = self;
        _members[self.NodeId] = self;
        _live = 1;
    }

    /// <summary>This node's own record.</summary>
    public Member Self { get; private set; }

    /// <summary>Rises by one with every change.</summary>
    public long Version { get; private set; }

    /// <summary>Alive and suspect members, this node included: the N of the formulas.</summary>
    public int LiveCount => _live;

    /// <summary>Every member, this node included, tombstones too.</summary>
    public int Count => _members.Count;

    /// <summary>All records, in no particular order.</summary>
    public IEnumerable<Member> Members => _members.Values;

    public bool TryGet(string nodeId, out Member member) => _members.TryGetValue(nodeId, out member!);

    /// <summary>The list as an immutable snapshot, ordered by node id.</summary>
    public MembershipSnapshot Snapshot() =>
        new(Version, Self.NodeId, _members.Values.OrderBy(m => m.NodeId, StringComparer.Ordinal).ToImmutableArray());

    /// <summary>Adds records as they are, for a node that starts with a known list (a warm start
    /// in benchmarks, where records are shared between nodes to save memory).</summary>
    public void Seed(IReadOnlyCollection<Member> members)
    {
        _members.EnsureCapacity(members.Count + 1);
        foreach (var member in members)
        {
            if (member.NodeId != Self.NodeId && _members.TryAdd(member.NodeId, member) && member.IsLive)
            {
                _live++;
            }
        }
    }

    /// <summary>Applies a claim about another member; claims about this node are ignored (see <see cref="RefutationFor"/>).</summary>
    public ApplyResult Apply(MemberUpdate update, DateTimeOffset now)
    {
        if (update.NodeId == Self.NodeId)
        {
            return ApplyResult.Ignored(Self);
        }

        _members.TryGetValue(update.NodeId, out var current);
        if (current is null)
        {
            // A member's own alive announcement introduces it, and so does a suspect record of a
            // full-state exchange (it carries the metadata). Death of an unknown member is old news
            // about someone already removed, and a bare suspicion cannot say who the member is.
            return update.Status switch
            {
                MemberStatus.Alive => Put(null, new Member(update.NodeId, update.Address, MemberStatus.Alive, update.Incarnation, update.Metadata ?? MemberMetadata.ForCluster(string.Empty), now), MemberEventKind.Joined),
                MemberStatus.Suspect when update.Metadata is { } metadata => Put(null, new Member(update.NodeId, update.Address, MemberStatus.Suspect, update.Incarnation, metadata, now), MemberEventKind.Suspect),
                _ => ApplyResult.Ignored(null),
            };
        }

        if (!MemberPrecedence.Overrides(update.Claim, current.Claim))
        {
            return ApplyResult.Ignored(current);
        }

        if (update.Status == MemberStatus.Alive)
        {
            var metadata = update.Metadata ?? current.Metadata;
            var next = new Member(update.NodeId, update.Address, MemberStatus.Alive, update.Incarnation, metadata, now);
            MemberEventKind? kind = current.Status switch
            {
                MemberStatus.Suspect => MemberEventKind.Alive,
                MemberStatus.Dead or MemberStatus.Left => MemberEventKind.Joined,
                _ when !metadata.Equals(current.Metadata) || update.Address != current.Address => MemberEventKind.MetadataChanged,
                _ => null,
            };
            return Put(current, next, kind);
        }

        var changed = current with { Status = update.Status, Incarnation = update.Incarnation, LastChange = now };
        return Put(current, changed, update.Status switch
        {
            MemberStatus.Suspect => MemberEventKind.Suspect,
            MemberStatus.Dead => MemberEventKind.Dead,
            _ => MemberEventKind.Left,
        });
    }

    /// <summary>
    /// Whether a claim about this node needs an answer, and at which incarnation to announce itself
    /// alive: a suspicion or death at or above the current incarnation; an alive or left claim
    /// above it, or at it with another address (a previous life of this node id, or a second
    /// process using the same id). Null: nothing to refute.
    /// </summary>
    public ulong? RefutationFor(MemberUpdate update)
    {
        if (update.NodeId != Self.NodeId || Self.Status == MemberStatus.Left)
        {
            return null;
        }

        return update.Status switch
        {
            MemberStatus.Suspect or MemberStatus.Dead when update.Incarnation >= Self.Incarnation => update.Incarnation + 1,
            MemberStatus.Alive or MemberStatus.Left when update.Incarnation > Self.Incarnation ||
                (update.Incarnation == Self.Incarnation && (update.Address != Self.Address || update.Status == MemberStatus.Left)) => update.Incarnation + 1,
            _ => null,
        };
    }

    /// <summary>Changes this node's own record: a new incarnation, status or metadata.</summary>
    public Member SetSelf(MemberStatus status, ulong incarnation, MemberMetadata metadata, DateTimeOffset now)
    {
        var previous = Self;
        Self = new Member(Self.NodeId, Self.Address, status, incarnation, metadata, now);
        Put(previous, Self, null);
        return Self;
    }

    /// <summary>Removes dead and left members whose status is older than <paramref name="ttl"/>.</summary>
    public List<Member> RemoveTombstones(DateTimeOffset now, TimeSpan ttl)
    {
        var removed = new List<Member>();
        foreach (var member in _members.Values)
        {
            if (!member.IsLive && member.NodeId != Self.NodeId && now - member.LastChange >= ttl)
            {
                removed.Add(member);
            }
        }

        foreach (var member in removed)
        {
            _members.Remove(member.NodeId);
            Version++;
        }

        return removed;
    }

    private ApplyResult Put(Member? previous, Member next, MemberEventKind? kind)
    {
        _members[next.NodeId] = next;
        _live += (next.IsLive ? 1 : 0) - (previous is { IsLive: true } ? 1 : 0);
        Version++;
        return new ApplyResult(true, kind, next, previous);
    }
}
