using System.Text.Json;
using MeshActors.Discovery;

namespace MeshActors.Control;

/// <summary>The JSON shapes of the discovery endpoints (also what meshctl reads).</summary>
internal static class DiscoveryDocument
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static object Of(DiscoveryReport report) => new
    {
        nodeId = report.NodeId,
        startedAt = report.StartedAt,
        providers = report.Providers.Select(p => new
        {
            name = p.Name,
            tier = Lower(p.Tier),
            enabled = p.Enabled,
            runs = p.Runs,
            lastRun = p.LastRun,
            lastDurationMs = p.LastDuration?.TotalMilliseconds,
            nextRun = p.NextRun,
            targetsFound = p.TargetsFound,
            contactPoints = p.ContactPoints.Select(Of),
            lastError = p.LastError,
            consecutiveFailures = p.ConsecutiveFailures,
            firstContactAfterMs = p.FirstContactAfter?.TotalMilliseconds,
        }),
        bootstrap = new
        {
            state = Lower(report.Bootstrap.State),
            reason = report.Bootstrap.Reason,
            decision = report.Bootstrap.Decision is { } d ? new
            {
                kind = Lower(d.Kind),
                reason = d.Reason,
                seeds = d.Seeds.Select(s => s.ToString()),
                throughNodeId = d.Through?.NodeId,
                throughAddress = d.Through?.Address.ToString(),
                provider = d.Through?.Provider,
            }
            : null,
            decidedAt = report.Bootstrap.DecidedAt,
            upAfterMs = report.Bootstrap.UpAfter?.TotalMilliseconds,
            contacts = report.Bootstrap.Contacts.Select(c => new
            {
                address = c.Address.ToString(),
                provider = c.Provider,
                nodeId = c.NodeId,
                joined = c.Joined,
                self = c.Self,
                failures = c.Failures,
                lastError = c.LastError,
                nextDial = c.NextDial,
            }),
        },
    };

    public static object Of(IntroductionResult r) => new
    {
        address = r.Address.ToString(),
        nodeId = r.NodeId,
        reachable = r.Reachable,
        joined = r.Joined,
        refused = r.Refused,
        error = r.Error,
    };

    private static object Of(ContactPoint c) => new
    {
        address = c.Address.ToString(),
        provider = c.Provider,
        nodeId = c.NodeId,
        fingerprint = c.Fingerprint,
        source = c.Source,
        priority = c.Priority,
        weight = c.Weight,
    };

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
