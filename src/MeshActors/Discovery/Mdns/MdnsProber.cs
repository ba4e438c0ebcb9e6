using MeshActors.Dns;
using MeshActors.Randomness;

namespace MeshActors.Discovery.Mdns;

/// <summary>
/// Claims this node's names before using them (RFC 6762 §8): three probe queries 250 ms apart,
/// the first after a random 0–250 ms and asking for unicast replies (QU), each proposing the
/// unique records in its authority section. A response showing a probed name in use renames it
/// (<see cref="MdnsNames"/>) and starts over; a simultaneous probe with lexicographically later
/// records (§8.2) makes it wait a second and probe again; 250 ms after the third probe the names
/// are ours, and two announcements a second apart follow (§8.3). After fifteen conflicts within
/// ten seconds each further probe series waits five seconds (§8.1). Once the names are owned, a
/// response contradicting one of our records starts probing again (§9). Time is passed in; the
/// loop that sends and waits is the provider's. Pure; not thread-safe.
/// </summary>
internal sealed class MdnsProber
{
    /// <summary>The gap between probes, and from the last probe to the end of probing.</summary>
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>The gap between the two announcements.</summary>
    public static readonly TimeSpan AnnounceInterval = TimeSpan.FromSeconds(1);

    /// <summary>How long the loser of a simultaneous probe waits before probing again.</summary>
    public static readonly TimeSpan TieBreakDeferral = TimeSpan.FromSeconds(1);

    /// <summary>How long each probe series waits once conflicts come too fast.</summary>
    public static readonly TimeSpan RateLimitedDelay = TimeSpan.FromSeconds(5);

    /// <summary>The window in which <see cref="RateLimitConflicts"/> conflicts start the rate limit.</summary>
    public static readonly TimeSpan RateLimitWindow = TimeSpan.FromSeconds(10);

    /// <summary>Conflicts within <see cref="RateLimitWindow"/> that start the rate limit.</summary>
    public const int RateLimitConflicts = 15;

    /// <summary>Probes per series.</summary>
    public const int ProbeCount = 3;

    /// <summary>Announcements once probing succeeded.</summary>
    public const int AnnounceCount = 2;

    private readonly MdnsAdvertisement _original;
    private readonly IRandomSource _random;
    private readonly Queue<DateTimeOffset> _conflicts = new();
    private int _instanceAttempt = 1;
    private int _hostAttempt = 1;
    private Phase _phase = Phase.Probing;
    private int _sent;
    private DateTimeOffset _next;

    /// <summary>Starts probing <paramref name="original"/>'s names; the first probe is due within 250 ms of <paramref name="now"/>.</summary>
    public MdnsProber(MdnsAdvertisement original, IRandomSource random, DateTimeOffset now)
    {
        _original = original;
        _random = random;
        Advertisement = original;
        _next = now + InitialDelay();
    }

    private enum Phase
    {
        Probing,
        Announcing,
        Owned,
    }

    /// <summary>The names and records being probed for, or owned.</summary>
    public MdnsAdvertisement Advertisement { get; private set; }

    /// <summary>Whether probing succeeded: the responder may answer with the records.</summary>
    public bool OwnsNames => _phase != Phase.Probing;

    /// <summary>Whether the current names were announced, so a goodbye is due on shutdown.</summary>
    public bool HasAnnounced { get; private set; }

    /// <summary>Conflicts seen so far (renames, and re-probes after §9 conflicts).</summary>
    public int ConflictCount { get; private set; }

    /// <summary>What to do at <paramref name="now"/>: wait, send a probe, announce, or nothing. A
    /// returned probe or announcement counts as sent.</summary>
    public MdnsStep Poll(DateTimeOffset now)
    {
        if (_phase == Phase.Owned)
        {
            return MdnsStep.Idle;
        }

        if (now < _next)
        {
            return new MdnsStep(MdnsStepKind.Wait, _next);
        }

        if (_phase == Phase.Probing)
        {
            if (_sent < ProbeCount)
            {
                _sent++;
                _next = now + ProbeInterval;
                return new MdnsStep(_sent == 1 ? MdnsStepKind.ProbeUnicast : MdnsStepKind.Probe);
            }

            (_phase, _sent) = (Phase.Announcing, 0);
        }

        _sent++;
        HasAnnounced = true;
        if (_sent >= AnnounceCount)
        {
            _phase = Phase.Owned;
        }
        else
        {
            _next = now + AnnounceInterval;
        }

        return new MdnsStep(MdnsStepKind.Announce);
    }

    /// <summary>Takes in a message received at <paramref name="now"/>; <paramref name="ours"/> are
    /// <see cref="Advertisement"/>'s unique records (as sent on the interfaces it may come from).</summary>
    public MdnsProbeOutcome Observe(DnsMessage message, IReadOnlyList<DnsRecord> ours, DateTimeOffset now)
    {
        if (_phase != Phase.Probing)
        {
            return MdnsConflicts.WhileOwned(message, ours).Conflicts.Count == 0
                ? MdnsProbeOutcome.None
                : Restart(now, MdnsProbeOutcomeKind.Reprobing, Advertisement.InstanceName);
        }

        if (_sent == 0)
        {
            // §8.1: apparent conflicts heard before the first probe of a series are ignored.
            return MdnsProbeOutcome.None;
        }

        var verdict = MdnsConflicts.WhileProbing(message, ours);
        if (verdict.Conflicts.Count > 0)
        {
            var previous = Advertisement;
            _instanceAttempt += verdict.Conflicts.Any(n => DnsName.Equal(n, previous.InstanceName)) ? 1 : 0;
            _hostAttempt += verdict.Conflicts.Any(n => DnsName.Equal(n, previous.HostName)) ? 1 : 0;
            Advertisement = _original.Renamed(MdnsNames.Instance(_original.InstanceLabel, _instanceAttempt), MdnsNames.Host(_original.HostLabel, _hostAttempt));
            HasAnnounced = false;
            return Restart(now, MdnsProbeOutcomeKind.Renamed, previous.InstanceName);
        }

        if (verdict.LostTieBreaks.Count > 0)
        {
            (_sent, _next) = (0, now + TieBreakDeferral);
            return new MdnsProbeOutcome(MdnsProbeOutcomeKind.Deferred, Advertisement.InstanceName, Advertisement.InstanceName, TieBreakDeferral);
        }

        return MdnsProbeOutcome.None;
    }

    private MdnsProbeOutcome Restart(DateTimeOffset now, MdnsProbeOutcomeKind kind, string previous)
    {
        ConflictCount++;
        _conflicts.Enqueue(now);
        while (_conflicts.Peek() <= now - RateLimitWindow)
        {
            _conflicts.Dequeue();
        }

        var delay = _conflicts.Count >= RateLimitConflicts ? RateLimitedDelay : InitialDelay();
        (_phase, _sent, _next) = (Phase.Probing, 0, now + delay);
        return new MdnsProbeOutcome(kind, previous, Advertisement.InstanceName, delay);
    }

    private TimeSpan InitialDelay() => TimeSpan.FromMilliseconds(_random.Next((int)ProbeInterval.TotalMilliseconds + 1));
}
