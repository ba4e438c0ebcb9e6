using Akka.Actor;
using Akka.Cluster;
using Akka.Coordination;
using MeshActors.Configuration;
using MeshActors.Diagnostics;
using MeshActors.Hosting;
using Microsoft.Extensions.Logging;

namespace MeshActors.Leadership.Election;

/// <summary>
/// Starts one <see cref="LeaderElector"/> per elected scope on a node, each with its own
/// <see cref="MeshLease"/> named <c>{cluster-id}/leader/{scope}</c> and owned by the node id, and
/// makes a leaving node release its leases before it leaves the cluster (Akka's
/// <c>before-cluster-shutdown</c> phase), so the next leader takes over at once instead of after expiry.
/// </summary>
internal sealed class NodeLeadership : IAsyncDisposable
{
    private const string LeaseConfigPath = "meshactors.leadership.lease";
    private readonly List<MeshLease> _leases = [];
    private readonly List<ILeaseStore> _stores = [];

    private NodeLeadership()
    {
    }

    /// <summary>Starts the electors under <paramref name="mesh"/>.</summary>
    /// <exception cref="ConfigValidationException">The lease settings are invalid.</exception>
    public static async Task<NodeLeadership> StartAsync(MeshNode node, ActorSystem system, IActorRef mesh, IAuditSink audit, ILogger log)
    {
        var options = node.Config.Options.Leadership;
        var running = new NodeLeadership();
        var cluster = Cluster.Get(system);
        var roles = options.Roles;
        Func<bool> eligible = () => cluster.SelfMember.Status == MemberStatus.Up && (roles.Count == 0 || cluster.SelfRoles.Overlaps(roles));
        var context = new LeaderElector.ElectorContext(node.Metrics, audit, log, node.Time, options.RetryInterval);
        var electors = new List<IActorRef>();
        var leaseConfig = system.Settings.Config.GetConfig(LeaseConfigPath);
        foreach (var scope in options.AllScopes)
        {
            MeshLease lease;
            try
            {
                var store = LeaseStores.Create(options.Store, system.Settings.Config.GetConfig("meshactors.leadership.stores"), node.Config.Options.Node.DataDir, system);
                running._stores.Add(store);
                lease = new MeshLease(LeaseSettings.Create(leaseConfig, LeadershipOptions.LeaseName(node.ClusterId, scope), node.NodeId), store, node.Time);
            }
            catch (ArgumentException e)
            {
                await running.DisposeAsync().ConfigureAwait(false);
                throw new ConfigValidationException([new ConfigError(LeaseConfigPath, node.Config.Layers.OriginOf(LeaseConfigPath + ".store"), e.Message, "fix the settings named above")]);
            }

            running._leases.Add(lease);
            var props = Props.Create(() => new LeaderElector(scope, lease, node.Leaders, eligible, options.RetryInterval, context));
            electors.Add(await MeshGuardian.StartChildAsync(mesh, system, props, "leader-" + scope).ConfigureAwait(false));
        }

        CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseBeforeClusterShutdown, "meshactors-leadership-release", async () =>
        {
            var timeout = leaseConfig.GetTimeSpan("lease-operation-timeout", TimeSpan.FromSeconds(1)) + TimeSpan.FromSeconds(1);
            await Task.WhenAll(electors.Select(e => e.Ask<Akka.Done>(LeaderElector.Protocol.StepDown.Instance, timeout).ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
            return Akka.Done.Instance;
        });
        return running;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var lease in _leases)
        {
            await lease.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var store in _stores)
        {
            await store.DisposeAsync().ConfigureAwait(false);
        }
    }
}
