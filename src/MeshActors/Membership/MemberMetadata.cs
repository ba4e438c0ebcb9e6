using System.Text.Json;

namespace MeshActors.Membership;

/// <summary>What a member says about itself beyond Akka's roles and app version, replicated with
/// Akka.DistributedData. Labels can change while the node runs.</summary>
/// <param name="NodeId">The node's MeshActors id.</param>
/// <param name="Region">Region; empty when unknown.</param>
/// <param name="Zone">Availability zone; empty when unknown.</param>
/// <param name="Capacity">Relative weight for placing work; 100 is an ordinary node.</param>
/// <param name="Labels">Free-form labels.</param>
public sealed record MemberMetadata(string NodeId, string Region, string Zone, uint Capacity, IReadOnlyDictionary<string, string> Labels)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The replicated form.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads the replicated form; null when it is not metadata (a newer or corrupt writer).</summary>
    public static MemberMetadata? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<MemberMetadata>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Equal content, labels compared by value.</summary>
    public bool SameAs(MemberMetadata? other) =>
        other is not null && NodeId == other.NodeId && Region == other.Region && Zone == other.Zone && Capacity == other.Capacity &&
        Labels.Count == other.Labels.Count && Labels.All(l => other.Labels.TryGetValue(l.Key, out var v) && v == l.Value);
}
