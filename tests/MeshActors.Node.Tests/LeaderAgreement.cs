using System.Text.Json;

namespace MeshActors.Node.Tests;

/// <summary>Waits until nodes agree on a scope's leader, each read through its own <c>GET /control/leaders</c>.</summary>
internal static class LeaderAgreement
{
    /// <summary>A node as the wait reads it: its id and how to ask it for <c>/control/leaders?scope=…</c>.</summary>
    public sealed record Reader(string Id, Func<string, Task<JsonElement?>> Get);

    /// <summary>Waits until every one of <paramref name="nodes"/> names the same leader of <paramref name="scope"/>
    /// with a fencing token above <paramref name="after"/>; the timeout's message shows each node's last answer.</summary>
    public static async Task<(string Leader, long Token)> UntilAgreedAsync(IReadOnlyList<Reader> nodes, string scope, long after, TimeSpan deadline)
    {
        var last = new Dictionary<string, string>();
        (string, long) agreed = default;
        await NodeControl.EventuallyAsync($"{string.Join(", ", nodes.Select(n => n.Id))} agree on a leader of {scope} with a token above {after}", deadline, async () =>
        {
            var seen = new List<(string, long)>();
            foreach (var node in nodes)
            {
                var body = await node.Get("/control/leaders?scope=" + scope);
                last[node.Id] = body?.GetRawText() ?? "no answer";
                if (body is { } list && list.EnumerateArray().SingleOrDefault() is { ValueKind: JsonValueKind.Object } entry
                    && entry.GetProperty("leaderId").GetString() is { } leader && entry.GetProperty("fencingToken").GetInt64() is var token && token > after)
                {
                    seen.Add((leader, token));
                }
            }

            if (seen.Count == nodes.Count && seen.Distinct().Count() == 1)
            {
                agreed = seen[0];
                return true;
            }

            return false;
        }, () => Task.FromResult(string.Join('\n', last.Select(l => $"{l.Key}: {l.Value}"))));
        return agreed;
    }
}
