using System.Text.Json;

namespace MeshActors.Benchmarks.Harness;

/// <summary>One node's <c>GET /control/members</c> answer: its own address and its members by address.</summary>
internal sealed record MemberView(string Self, IReadOnlyDictionary<string, MemberState> Members)
{
    public int UpCount => Members.Values.Count(m => m.Status == "up");

    public bool Lists(string address) => Members.ContainsKey(address);

    public bool IsUp(string address) => Members.TryGetValue(address, out var m) && m.Status == "up";

    /// <summary>Absent, unreachable, or marked down: no longer counted as a healthy member.</summary>
    public bool Suspects(string address) => !Members.TryGetValue(address, out var m) || !m.Reachable || m.Status == "down";

    /// <summary>A short line for error messages: self, then each member's address and status.</summary>
    public string Describe()
    {
        var text = $"self {Self}; members " + string.Join(", ", Members.Select(m => $"{m.Key} {m.Value.Status}{(m.Value.Reachable ? string.Empty : " unreachable")}"));
        return text.Length <= 400 ? text : text[..400] + "…";
    }

    public static MemberView Parse(JsonElement document) => new(
        document.GetProperty("self").GetString() ?? throw new FormatException("members document without self"),
        document.GetProperty("members").EnumerateArray().ToDictionary(
            m => m.GetProperty("address").GetString()!,
            m => new MemberState(
                m.GetProperty("status").GetString()!.ToLowerInvariant(),
                !m.TryGetProperty("reachable", out var r) || r.GetBoolean()),
            StringComparer.Ordinal));
}
