using MeshActors.Configuration;

namespace MeshActors.Discovery.PeerCache;

/// <summary><c>meshactors.discovery.peer-cache</c>: every peer this node accepted, persisted in
/// the data folder, offered as contact points after a restart.</summary>
public sealed record PeerCacheOptions : IProviderOptions
{
    /// <inheritdoc/>
    public required bool Enabled { get; init; }

    /// <inheritdoc/>
    public required TimeSpan RefreshInterval { get; init; }

    /// <summary><c>file</c>: the SQLite file, relative to the data folder.</summary>
    public required string File { get; init; }

    /// <summary><c>max-peers</c>: how many peers are kept (the lowest-scored are dropped first).</summary>
    public required int MaxPeers { get; init; }

    /// <summary><c>max-contact-points</c>: how many of the best-scored peers are offered per run.</summary>
    public required int MaxContactPoints { get; init; }

    /// <summary><c>forget-after</c>: a peer not seen for this long is dropped.</summary>
    public required TimeSpan ForgetAfter { get; init; }

    internal static PeerCacheOptions Bind(ConfigReader r)
    {
        const string p = "meshactors.discovery.peer-cache.";
        return new PeerCacheOptions
        {
            Enabled = r.Bool(p + "enabled", "set true or false"),
            RefreshInterval = r.Duration(p + "refresh-interval", TimeSpan.FromMilliseconds(100), TimeSpan.FromDays(1), "set a duration such as 30s"),
            File = r.String(p + "file", "set a file name such as \"peers.db\""),
            MaxPeers = (int)r.Long(p + "max-peers", 1, 1_000_000, "set a whole number such as 1024"),
            MaxContactPoints = (int)r.Long(p + "max-contact-points", 1, 10_000, "set a whole number such as 16"),
            ForgetAfter = r.Duration(p + "forget-after", TimeSpan.FromMinutes(1), TimeSpan.FromDays(3650), "set a duration such as 7d"),
        };
    }
}
