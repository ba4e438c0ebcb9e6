using MeshActors.Configuration;

namespace MeshActors.Leadership.Election;

/// <summary><c>meshactors.leadership</c>: which leaders this cluster elects, who may lead, and the
/// lease they hold (<c>meshactors.leadership.lease</c>, read by <see cref="MeshLease"/>).</summary>
public sealed record LeadershipOptions
{
    /// <summary>The scope name of the cluster-wide leader.</summary>
    public const string GlobalScope = "global";

    /// <summary><c>global</c>: whether the cluster-wide leader (scope <c>global</c>) is elected.</summary>
    public bool Global { get; init; } = true;

    /// <summary><c>scopes</c>: further scopes, each with a leader of its own (e.g. one per region or tenant).</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary><c>roles</c>: a node may lead only if it has one of these Akka roles; empty = every node.</summary>
    public IReadOnlySet<string> Roles { get; init; } = new HashSet<string>();

    /// <summary><c>retry-interval</c>: how often a node that does not lead reads the lease and, if eligible, tries to take it.</summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary><c>lease.store</c>: the lease store's name (<see cref="LeaseStores.Names"/>).</summary>
    public string Store { get; init; } = LeaseStores.Cluster;

    /// <summary>Every scope elected here, <see cref="GlobalScope"/> first.</summary>
    public IReadOnlyList<string> AllScopes => Global ? [GlobalScope, .. Scopes] : Scopes;

    /// <summary>The lease name of <paramref name="scope"/> in <paramref name="clusterId"/>: one store may serve many clusters.</summary>
    public static string LeaseName(string clusterId, string scope) => $"{clusterId}/leader/{scope}";

    internal static LeadershipOptions Bind(ConfigReader r)
    {
        const string p = "meshactors.leadership.";
        var scopes = r.StringList(p + "scopes", "list scope names, e.g. [\"eu\", \"us\"]");
        for (var i = 0; i < scopes.Count; i++)
        {
            var scope = scopes[i];
            if (scope == GlobalScope)
            {
                r.Add(p + "scopes." + i, "\"global\" is the cluster-wide leader's scope", "remove it; meshactors.leadership.global turns that leader on or off");
            }
            else if (!ConfigReader.IsIdentifier(scope))
            {
                r.Add(p + "scopes." + i, $"\"{scope}\" is not a valid scope name", "use letters, digits, '-', '_' or '.', e.g. \"eu-west\"");
            }
            else if (scopes.IndexOf(scope) != i)
            {
                r.Add(p + "scopes." + i, $"\"{scope}\" is listed twice", "list each scope once");
            }
        }

        return new LeadershipOptions
        {
            Global = r.Bool(p + "global", "set on or off"),
            Scopes = scopes,
            Roles = r.StringList(p + "roles", "list Akka roles, e.g. [\"coordinator\"], or [] for every node").ToHashSet(StringComparer.Ordinal),
            RetryInterval = r.Duration(p + "retry-interval", TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1), "set a duration such as 200ms"),
            Store = r.Choice(p + "lease.store", [.. LeaseStores.Names]),
        };
    }
}
