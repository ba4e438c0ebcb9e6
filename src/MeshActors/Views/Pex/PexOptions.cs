namespace MeshActors.Views.Pex;

/// <summary>Peer exchange. Defaults: at most 16 peers per answer and per accepted response, peers
/// last seen within the hour, one request per requester every 10 s with bursts of 2, at most 1,024
/// requesters remembered.</summary>
public sealed record PexOptions
{
    /// <summary>The default options.</summary>
    public static PexOptions Default { get; } = new();

    /// <summary>The most peers in an answer, and the most a response may carry before it is refused whole.</summary>
    public int MaxEntries { get; init; } = 16;

    /// <summary>A peer not seen for longer is not offered.</summary>
    public TimeSpan MaxEntryAge { get; init; } = TimeSpan.FromHours(1);

    /// <summary>A requester may ask once per this interval on average.</summary>
    public TimeSpan RequestInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Requests a requester may make at once after a quiet spell.</summary>
    public int RequestBurst { get; init; } = 2;

    /// <summary>The most requesters whose rate is remembered; beyond it the least recently seen is forgotten.</summary>
    public int MaxRequesters { get; init; } = 1024;

    /// <summary>Every inconsistency at once, each naming the setting and the fix; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxEntries is < 1 or > Wire.OverlayCodec.MaxEntries)
        {
            errors.Add($"MaxEntries is {MaxEntries}: it must lie between 1 and {Wire.OverlayCodec.MaxEntries} (what a message carries).");
        }

        if (MaxEntryAge <= TimeSpan.Zero || RequestInterval <= TimeSpan.Zero)
        {
            errors.Add($"MaxEntryAge ({MaxEntryAge}) and RequestInterval ({RequestInterval}) must be positive.");
        }

        if (RequestBurst < 1 || MaxRequesters < 1)
        {
            errors.Add($"RequestBurst ({RequestBurst}) and MaxRequesters ({MaxRequesters}) must be at least 1.");
        }

        return errors;
    }
}
