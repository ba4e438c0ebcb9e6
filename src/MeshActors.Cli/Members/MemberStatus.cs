namespace MeshActors.Cli.Members;

/// <summary>Akka.Cluster's member statuses as the control endpoint names them (lower case), in lifecycle order.</summary>
internal static class MemberStatus
{
    /// <summary>Every status, in the order a member passes through them.</summary>
    public static readonly IReadOnlyList<string> All =
        ["joining", "weaklyup", "up", "preparingforshutdown", "readyforshutdown", "leaving", "exiting", "down", "removed"];

    /// <summary>The Spectre colour a status is shown in: green when serving, yellow on the way out, red when downed.</summary>
    public static string Colour(string status) => status switch
    {
        "up" => "green",
        "joining" or "weaklyup" => "cyan",
        "preparingforshutdown" or "readyforshutdown" or "leaving" or "exiting" => "yellow",
        "down" => "red",
        _ => "grey",
    };

    /// <summary>
    /// Reads <c>--status</c> values (comma-separated or repeated, any case; <c>weakly-up</c> is
    /// read as <c>weaklyup</c>); the first word that is not a status is returned as <paramref name="bad"/>.
    /// </summary>
    public static IReadOnlyList<string> Parse(IEnumerable<string> values, out string? bad)
    {
        var statuses = values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(s => (Given: s, Name: s.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant()))
            .ToList();
        bad = statuses.FirstOrDefault(s => !All.Contains(s.Name)).Given;
        return [.. statuses.Select(s => s.Name).Distinct()];
    }
}
