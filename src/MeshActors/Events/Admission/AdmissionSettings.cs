namespace MeshActors.Events.Admission;

/// <summary>The bounds <see cref="EventAdmission"/> applies.</summary>
/// <param name="MaxAge">How old an event may be on arrival, by its timestamp; older is <c>too-old</c>. Default 5 minutes.</param>
/// <param name="MaxFutureSkew">How far ahead of this node's clock a timestamp may be; further is <c>from-the-future</c>. Default 30 seconds.</param>
/// <param name="SeenCacheCapacity">How many event ids the seen-cache holds; about 56 bytes each. Default 32,768 (under 2 MiB).</param>
/// <param name="MaxSources">How many sources' replay windows are kept; the least recently advanced is forgotten beyond it. Default 4,096.</param>
public sealed record AdmissionSettings(
    TimeSpan MaxAge,
    TimeSpan MaxFutureSkew,
    int SeenCacheCapacity = AdmissionSettings.DefaultSeenCacheCapacity,
    int MaxSources = AdmissionSettings.DefaultMaxSources)
{
    /// <summary>The default <see cref="SeenCacheCapacity"/>.</summary>
    public const int DefaultSeenCacheCapacity = 32_768;

    /// <summary>The default <see cref="MaxSources"/>.</summary>
    public const int DefaultMaxSources = 4_096;

    /// <summary>The largest <see cref="SeenCacheCapacity"/> or <see cref="MaxSources"/> accepted: 2²⁰.</summary>
    public const int CapacityCeiling = 1 << 20;

    /// <summary>Every default: 5 minutes, 30 seconds, 32,768 ids, 4,096 sources.</summary>
    public static readonly AdmissionSettings Default = new(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(30));

    /// <summary>Every problem with these settings, each naming the setting and the fix; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxAge <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(MaxAge)} is {MaxAge}; set a positive duration, e.g. 5 minutes");
        }

        if (MaxFutureSkew < TimeSpan.Zero)
        {
            errors.Add($"{nameof(MaxFutureSkew)} is {MaxFutureSkew}; set zero or a positive duration, e.g. 30 seconds");
        }

        if (SeenCacheCapacity is < 1 or > CapacityCeiling)
        {
            errors.Add($"{nameof(SeenCacheCapacity)} is {SeenCacheCapacity}; set 1 to {CapacityCeiling} event ids");
        }

        if (MaxSources is < 1 or > CapacityCeiling)
        {
            errors.Add($"{nameof(MaxSources)} is {MaxSources}; set 1 to {CapacityCeiling} sources");
        }

        return errors;
    }
}
