using System.Collections.Immutable;
using Akka.Cluster;

namespace MeshActors.Membership;

/// <summary>
/// The member list as immutable state: Akka's members (by address), their reachability, and the
/// replicated metadata (by <c>address#uid</c>, so a restarted node's entry never mixes with its
/// previous incarnation's). Every change returns a new state with the <see cref="MemberEvent"/>s
/// it caused in <see cref="Pending"/>; the actor publishes them and clears them.
/// </summary>
internal sealed record MembershipState(
    string Self,
    ImmutableSortedDictionary<string, MembershipState.Entry> Members,
    ImmutableDictionary<string, MemberMetadata> Metadata,
    ImmutableList<MemberEvent> Pending,
    long Version)
{
    /// <summary>Akka's statuses as <see cref="MemberView.Status"/> spells them.</summary>
    public static readonly string[] StatusNames = ["joining", "weaklyup", "up", "leaving", "exiting", "down", "removed", "preparingforshutdown", "readyforshutdown"];

    public static MembershipState Empty(string self) =>
        new(self, ImmutableSortedDictionary.Create<string, Entry>(StringComparer.Ordinal), ImmutableDictionary<string, MemberMetadata>.Empty, [], 0);

    /// <summary>The metadata key of a member incarnation.</summary>
    public static string Key(UniqueAddress address) => address.Address + "#" + address.Uid;

    public static string StatusName(MemberStatus status) => status.ToString().ToLowerInvariant();

    public MembershipState WithMember(MemberFacts member, MemberEventKind kind, DateTimeOffset at)
    {
        var address = member.Address;
        var reachable = !Members.TryGetValue(address, out var old) || old.Reachable;
        var entry = new Entry(member.Key, kind == MemberEventKind.Removed ? "removed" : member.Status, reachable, member.Roles, member.AppVersion);
        var members = kind == MemberEventKind.Removed ? Members.Remove(address) : Members.SetItem(address, entry);
        var metadata = kind == MemberEventKind.Removed ? Metadata.Remove(entry.Key) : Metadata;

        // The event shows the member as it was last known, its metadata included, even when removed.
        return this with { Members = members, Metadata = metadata, Pending = Pending.Add(new MemberEvent(kind, View(address, entry, Metadata), at)), Version = Version + 1 };
    }

    public MembershipState WithReachability(string address, bool reachable, DateTimeOffset at)
    {
        if (!Members.TryGetValue(address, out var entry) || entry.Reachable == reachable)
        {
            return this;
        }

        var updated = entry with { Reachable = reachable };
        var kind = reachable ? MemberEventKind.Reachable : MemberEventKind.Unreachable;
        return this with { Members = Members.SetItem(address, updated), Pending = Pending.Add(new MemberEvent(kind, View(address, updated, Metadata), at)), Version = Version + 1 };
    }

    public MembershipState WithMetadata(string key, MemberMetadata metadata, DateTimeOffset at)
    {
        if (metadata.SameAs(Metadata.GetValueOrDefault(key)))
        {
            return this;
        }

        var all = Metadata.SetItem(key, metadata);
        var member = Members.FirstOrDefault(m => m.Value.Key == key);
        var pending = member.Value is null ? Pending : Pending.Add(new MemberEvent(MemberEventKind.MetadataChanged, View(member.Key, member.Value, all), at));
        return this with { Metadata = all, Pending = pending, Version = Version + 1 };
    }

    public MembershipState WithoutPending() => Pending.IsEmpty ? this : this with { Pending = [] };

    public MembershipSnapshot ToSnapshot() =>
        new(Self, [.. Members.Select(m => View(m.Key, m.Value, Metadata))], Version);

    private static MemberView View(string address, Entry entry, ImmutableDictionary<string, MemberMetadata> metadata)
    {
        var meta = metadata.GetValueOrDefault(entry.Key);
        return new MemberView(meta?.NodeId ?? string.Empty, address, entry.Status, entry.Reachable, entry.Roles, entry.AppVersion, meta);
    }

    /// <summary>What an Akka member event says about a member, as plain values.</summary>
    internal sealed record MemberFacts(string Address, string Key, string Status, IReadOnlyList<string> Roles, string AppVersion)
    {
        public static MemberFacts From(Member member) =>
            new(member.Address.ToString(), MembershipState.Key(member.UniqueAddress), StatusName(member.Status), [.. member.Roles.Order(StringComparer.Ordinal)], member.AppVersion.ToString());
    }

    /// <summary>One member as Akka reports it.</summary>
    internal sealed record Entry(string Key, string Status, bool Reachable, IReadOnlyList<string> Roles, string AppVersion);
}
