using System.Text.Json;

namespace MeshActors.Benchmarks.Failover;

/// <summary>
/// The global scope's entry of one node's <c>GET /control/leaders?scope=global</c> answer: the leader
/// it names (null while it knows none) and that leader's fencing token (null for an Akka singleton).
/// </summary>
internal sealed record LeaderView(string? LeaderId, long? Token)
{
    /// <summary>The <c>global</c> entry of the answer's array, or the first entry if none says <c>global</c>.</summary>
    public static LeaderView Parse(JsonElement document)
    {
        var entries = document.EnumerateArray().ToList();
        var entry = entries.FirstOrDefault(e => e.TryGetProperty("scope", out var s) && s.GetString() == "global");
        if (entry.ValueKind != JsonValueKind.Object)
        {
            entry = entries.FirstOrDefault();
        }

        if (entry.ValueKind != JsonValueKind.Object)
        {
            return new LeaderView(null, null);
        }

        var leader = entry.TryGetProperty("leaderId", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
        var token = entry.TryGetProperty("fencingToken", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt64() : (long?)null;
        return new LeaderView(leader, token);
    }

    public override string ToString() => $"{LeaderId ?? "none"} (token {Token?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"})";
}
