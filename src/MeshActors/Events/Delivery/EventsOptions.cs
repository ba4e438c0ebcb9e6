using MeshActors.Configuration;
using MeshActors.Events.Admission;
using MeshActors.Events.Dissemination;
using MeshActors.Events.Envelope;
using MeshActors.Events.Topics;

namespace MeshActors.Events.Delivery;

/// <summary><c>meshactors.events</c>: signed, interest-based events over the overlay.
/// Every setting is documented in <c>hocon/reference.conf</c>.</summary>
public sealed record EventsOptions
{
    /// <summary><c>max-payload-bytes</c>: the largest payload published or accepted, in bytes.</summary>
    public int MaxPayloadBytes { get; init; } = EnvelopeLimits.DefaultMaxPayloadBytes;

    /// <summary><c>allowed-topics</c>: the topic patterns this cluster carries; other topics are refused as <c>unknown-topic</c>.</summary>
    public IReadOnlyList<TopicPattern> AllowedTopics { get; init; } = [TopicPattern.Parse(TopicPattern.TrailingWildcard)];

    /// <summary><c>seen-cache-size</c>: event ids remembered for duplicate suppression.</summary>
    public int SeenCacheSize { get; init; } = AdmissionSettings.DefaultSeenCacheCapacity;

    /// <summary><c>max-sources</c>: sources whose replay window is kept.</summary>
    public int MaxSources { get; init; } = AdmissionSettings.DefaultMaxSources;

    /// <summary><c>max-age</c>: how old an event may be on arrival.</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary><c>max-future-skew</c>: how far ahead of this node's clock an event's timestamp may be.</summary>
    public TimeSpan MaxFutureSkew { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><c>reply-window</c>: the window <c>MeshEvents.ReplyAsync</c> spreads replies over (burst etiquette).</summary>
    public TimeSpan ReplyWindow { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary><c>subscriber-buffer</c>: events buffered per <c>IAsyncEnumerable</c> subscriber; beyond it the oldest is dropped.</summary>
    public int SubscriberBuffer { get; init; } = 1024;

    /// <summary><c>certificate-cache-size</c>: validated source certificates kept.</summary>
    public int CertificateCacheSize { get; init; } = 4096;

    /// <summary><c>certificate-wait-buffer</c>: events held while their source's certificate is asked for.</summary>
    public int CertificateWaitBuffer { get; init; } = 256;

    /// <summary><c>plumtree.missing-timeout</c>: wait for an announced event before grafting its announcer.</summary>
    public TimeSpan MissingTimeout { get; init; } = PlumtreeOptions.Default.MissingTimeout;

    /// <summary><c>plumtree.graft-retry</c>: wait after a graft before grafting the next announcer.</summary>
    public TimeSpan GraftRetry { get; init; } = PlumtreeOptions.Default.GraftRetryTimeout;

    /// <summary><c>plumtree.announce-on-link-up</c>: events received this recently are announced over a new link; 0 turns it off.</summary>
    public TimeSpan AnnounceOnLinkUp { get; init; } = PlumtreeOptions.Default.AnnounceOnNeighborUp;

    /// <summary><c>plumtree.received-cache-size</c>: envelopes kept to spot duplicates and answer grafts.</summary>
    public int ReceivedCacheSize { get; init; } = PlumtreeOptions.Default.ReceivedCapacity;

    /// <summary><c>plumtree.ihave-batch-interval</c>: how long IHAVEs wait to go out together per link; 0 sends each at once.</summary>
    public TimeSpan IHaveBatchInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary><c>plumtree.max-missing</c>: announced-but-missing events tracked at once; further announcements are ignored.</summary>
    public int MaxMissing { get; init; } = 4096;

    /// <summary>The envelope limits these options imply.</summary>
    public EnvelopeLimits Limits => new(MaxPayloadBytes);

    /// <summary>The admission bounds these options imply.</summary>
    public AdmissionSettings Admission => new(MaxAge, MaxFutureSkew, SeenCacheSize, MaxSources);

    /// <summary>The Plumtree timers and bounds these options imply.</summary>
    public PlumtreeOptions Plumtree => new()
    {
        MissingTimeout = MissingTimeout,
        GraftRetryTimeout = GraftRetry,
        AnnounceOnNeighborUp = AnnounceOnLinkUp,
        ReceivedCapacity = ReceivedCacheSize,
    };

    /// <summary>Whether <paramref name="topic"/> is one this cluster carries (<see cref="AllowedTopics"/>).</summary>
    public bool Allows(string topic) => AllowedTopics.Any(p => p.Matches(topic));

    internal static EventsOptions Bind(ConfigReader r)
    {
        const string p = "meshactors.events.";
        const int cap = AdmissionSettings.CapacityCeiling;
        var allowed = new List<TopicPattern>();
        var patterns = r.StringList(p + "allowed-topics", "list topic patterns, e.g. [\"infrastructure.#\", \"deployment.*\"], or [\"#\"] for every topic");
        for (var i = 0; i < patterns.Count; i++)
        {
            if (TopicPattern.TryParse(patterns[i], out var pattern, out var problem))
            {
                allowed.Add(pattern);
            }
            else
            {
                r.Add($"{p}allowed-topics.{i}", $"\"{patterns[i]}\" is not a topic pattern: {problem}", "write a pattern such as infrastructure.* or deployment.# (" + TopicName.Rule + ")");
            }
        }

        return new EventsOptions
        {
            MaxPayloadBytes = (int)r.Long(p + "max-payload-bytes", 0, EnvelopeLimits.PayloadCeiling, $"set 0 to {EnvelopeLimits.PayloadCeiling} bytes, e.g. 65536"),
            AllowedTopics = allowed,
            SeenCacheSize = (int)r.Long(p + "seen-cache-size", 1, cap, $"set 1 to {cap} event ids, e.g. 32768"),
            MaxSources = (int)r.Long(p + "max-sources", 1, cap, $"set 1 to {cap} sources, e.g. 4096"),
            MaxAge = r.Duration(p + "max-age", TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), "set a duration such as 5m"),
            MaxFutureSkew = r.Duration(p + "max-future-skew", TimeSpan.Zero, TimeSpan.FromHours(1), "set a duration such as 30s"),
            ReplyWindow = r.Duration(p + "reply-window", TimeSpan.Zero, TimeSpan.FromHours(1), "set a duration such as 2s (0s replies at once)"),
            SubscriberBuffer = (int)r.Long(p + "subscriber-buffer", 1, cap, $"set 1 to {cap} events, e.g. 1024"),
            CertificateCacheSize = (int)r.Long(p + "certificate-cache-size", 1, cap, $"set 1 to {cap} certificates, e.g. 4096"),
            CertificateWaitBuffer = (int)r.Long(p + "certificate-wait-buffer", 0, 65_536, "set 0 to 65536 events, e.g. 256"),
            MissingTimeout = r.Duration(p + "plumtree.missing-timeout", TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(5), "set a positive duration such as 2s"),
            GraftRetry = r.Duration(p + "plumtree.graft-retry", TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(5), "set a positive duration such as 1s"),
            AnnounceOnLinkUp = r.Duration(p + "plumtree.announce-on-link-up", TimeSpan.Zero, TimeSpan.FromHours(1), "set a duration such as 10s, or 0s to turn it off"),
            ReceivedCacheSize = (int)r.Long(p + "plumtree.received-cache-size", 1, 65_536, "set 1 to 65536 envelopes, e.g. 1024"),
            IHaveBatchInterval = r.Duration(p + "plumtree.ihave-batch-interval", TimeSpan.Zero, TimeSpan.FromSeconds(1), "set a duration such as 50ms, or 0s to send each IHAVE at once"),
            MaxMissing = (int)r.Long(p + "plumtree.max-missing", 1, cap, $"set 1 to {cap} events, e.g. 4096"),
        };
    }
}
