using System.Text;
using System.Text.Json;

namespace MeshActors.Cli.Discovery;

/// <summary><c>meshctl discovery explain</c>: why this node joined whom, and from which provider,
/// in sentences built from <c>GET /control/discovery</c>.</summary>
internal static class DiscoveryExplanation
{
    public static string Explain(JsonElement body)
    {
        var text = new StringBuilder();
        var bootstrap = body.GetProperty("bootstrap");
        var node = DiscoveryView.Text(body, "nodeId");
        var state = DiscoveryView.Text(bootstrap, "state");
        var decision = bootstrap.GetProperty("decision");
        if (decision.ValueKind == JsonValueKind.Null)
        {
            text.AppendLine($"{node} is not in a cluster yet: {DiscoveryView.Text(bootstrap, "reason")}.");
        }
        else if (DiscoveryView.Text(decision, "kind") == "form")
        {
            text.AppendLine($"{node} formed a new cluster{(state == "joined" ? string.Empty : " (still starting it)")}{DiscoveryView.UpAfter(bootstrap)}.");
            text.AppendLine($"  Why: {DiscoveryView.Text(decision, "reason")}.");
        }
        else
        {
            var through = DiscoveryView.Text(decision, "throughNodeId");
            var provider = DiscoveryView.Text(decision, "provider");
            text.AppendLine($"{node} {(state == "joined" ? "joined" : "is joining")} the cluster through {through} at {DiscoveryView.Text(decision, "throughAddress")}{DiscoveryView.UpAfter(bootstrap)}.");
            text.AppendLine($"  {through} was reached through a contact point from the \"{provider}\" provider{SourceOf(body, bootstrap, through)} and answered that it is in a cluster.");
            text.AppendLine($"  Seeds used: {string.Join(", ", decision.GetProperty("seeds").EnumerateArray().Select(s => s.GetString()))}.");
        }

        text.AppendLine("Providers:");
        foreach (var p in body.GetProperty("providers").EnumerateArray())
        {
            var error = p.GetProperty("lastError").GetString();
            if (!p.GetProperty("enabled").GetBoolean())
            {
                text.AppendLine($"  {DiscoveryView.Text(p, "name")}: off");
                continue;
            }

            text.AppendLine($"  {DiscoveryView.Text(p, "name")} ({DiscoveryView.Text(p, "tier")}): {p.GetProperty("targetsFound").GetInt32()} contact point(s)" +
                            (error is null ? string.Empty : $"; last run failed: {error}"));
        }

        return text.ToString();
    }

    /// <summary>How the provider found the contact point that reached <paramref name="nodeId"/>, e.g. an SRV record.</summary>
    private static string SourceOf(JsonElement body, JsonElement bootstrap, string nodeId)
    {
        var contact = bootstrap.GetProperty("contacts").EnumerateArray().FirstOrDefault(c => c.GetProperty("nodeId").GetString() == nodeId);
        if (contact.ValueKind != JsonValueKind.Object)
        {
            return string.Empty;
        }

        var address = DiscoveryView.Text(contact, "address");
        var source = body.GetProperty("providers").EnumerateArray()
            .SelectMany(p => p.GetProperty("contactPoints").EnumerateArray())
            .Where(c => c.GetProperty("address").GetString() == address)
            .Select(c => c.GetProperty("source").GetString())
            .FirstOrDefault(s => s is not null);
        return source is null ? $" ({address})" : $" ({address}, from {source})";
    }
}
