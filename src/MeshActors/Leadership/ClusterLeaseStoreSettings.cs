using Akka.Actor;
using Akka.Configuration;

namespace MeshActors.Leadership;

/// <summary>
/// Settings of the <c>cluster</c> lease store (<c>meshactors.leadership.stores.cluster</c>; every key is
/// documented in <c>hocon/reference.conf</c>).
/// </summary>
/// <param name="ArbiterName">The arbiter singleton's actor name under <c>/user</c>; it also names the replicated
/// token counter. Stores with different names are independent lease spaces.</param>
/// <param name="Role">The Akka.Cluster role whose oldest member runs the arbiter; empty: every member.</param>
/// <param name="MaxTtl">The longest term the arbiter grants, and the grace a new arbiter waits before it grants a
/// lease name its predecessor issued tokens for.</param>
/// <param name="MajorityTimeout">How long the arbiter waits for a majority to confirm a write or read before the
/// operation fails.</param>
/// <param name="RequestTimeout">How long one store call waits for the arbiter when the caller sets no earlier deadline.</param>
/// <param name="MajorityMinCap">The fewest replicas a majority write or read must reach, whatever the current
/// membership (Akka's <c>majority-min-cap</c>); 0: a plain majority of the members the replicator knows.</param>
public sealed record ClusterLeaseStoreSettings(string ArbiterName, string Role, TimeSpan MaxTtl, TimeSpan MajorityTimeout, TimeSpan RequestTimeout, int MajorityMinCap = 0)
{
    /// <summary>The defaults of <c>reference.conf</c>.</summary>
    public static ClusterLeaseStoreSettings Default { get; } = new("meshactors-lease-arbiter", "", TimeSpan.FromSeconds(4), TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(5), 0);

    /// <summary>
    /// Reads the settings from a <c>cluster</c> block, adding one message per invalid key to
    /// <paramref name="errors"/>; <c>null</c> when there was any.
    /// </summary>
    /// <param name="cluster">The block (<c>arbiter-name</c>, <c>role</c>, <c>max-ttl</c>, <c>majority-timeout</c>, <c>majority-min-cap</c>, <c>request-timeout</c>); missing keys take the defaults.</param>
    /// <param name="settingsPath">Where the block was read from, for the messages.</param>
    /// <param name="errors">Collects every problem.</param>
    public static ClusterLeaseStoreSettings? FromConfig(Config cluster, string settingsPath, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var d = Default;
        var settings = cluster.IsNullOrEmpty()
            ? d
            : new ClusterLeaseStoreSettings(
                cluster.GetString("arbiter-name", d.ArbiterName),
                cluster.GetString("role", d.Role),
                cluster.GetTimeSpan("max-ttl", d.MaxTtl),
                cluster.GetTimeSpan("majority-timeout", d.MajorityTimeout),
                cluster.GetTimeSpan("request-timeout", d.RequestTimeout),
                cluster.GetInt("majority-min-cap", d.MajorityMinCap));
        var before = errors.Count;
        errors.AddRange(settings.Problems().Select(p => $"{settingsPath}.{p}"));
        return errors.Count == before ? settings : null;
    }

    /// <summary>Throws one <see cref="ArgumentException"/> listing every invalid setting.</summary>
    public void Validate()
    {
        var problems = Problems().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid cluster lease store settings:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)));
        }
    }

    private IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(ArbiterName) || !ActorPath.IsValidPathElement(ArbiterName))
        {
            yield return $"arbiter-name ('{ArbiterName}') must be a valid Akka actor name (letters, digits, '-', no '/' or spaces)";
        }

        if (MaxTtl <= TimeSpan.Zero)
        {
            yield return $"max-ttl ({MaxTtl}) must be positive: it bounds every term and the grace after an arbiter change";
        }

        if (MajorityTimeout <= TimeSpan.Zero)
        {
            yield return $"majority-timeout ({MajorityTimeout}) must be positive";
        }

        if (MajorityMinCap < 0)
        {
            yield return $"majority-min-cap ({MajorityMinCap}) must be 0 or more";
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            yield return $"request-timeout ({RequestTimeout}) must be positive";
        }
    }
}
