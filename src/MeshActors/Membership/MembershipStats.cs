namespace MeshActors.Membership;

/// <summary>Counters and hooks a membership actor updates as it runs, read by benchmarks and the
/// simulator's scenario tests (the actor owns the writes; readers run on the same loop or
/// tolerate a stale value).</summary>
internal sealed class MembershipStats
{
    public long MessagesSent { get; set; }

    public long BytesSent { get; set; }

    /// <summary>Probes that failed directly and were answered through another member.</summary>
    public long IndirectAcks { get; set; }

    /// <summary>When the node joined (or started as a single-node cluster); null while joining.</summary>
    public DateTimeOffset? UpAt { get; set; }

    /// <summary>The live table, for in-process observers on the actor's own loop (the simulator).</summary>
    public MemberTable? Members { get; set; }

    /// <summary>Called on the actor's thread for every member event.</summary>
    public Action<MemberEventKind, Member>? OnEvent { get; set; }
}
