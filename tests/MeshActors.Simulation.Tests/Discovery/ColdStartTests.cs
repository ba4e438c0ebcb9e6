using MeshActors.Configuration;
using MeshActors.Discovery;
using MeshActors.Discovery.Bootstrap;
using MeshActors.Membership;
using MeshActors.Simulation;

namespace MeshActors.Simulation.Tests.Discovery;

/// <summary>
/// A fleet that starts at once, every node finding the others through one name (as behind a DNS
/// name or a headless service), must form exactly one cluster: not two, not none. Each node
/// appears under the name only once it runs, so early nodes see partial sets.
/// </summary>
public sealed class ColdStartTests
{
    private static readonly MembershipSettings Lan = MembershipSettings.FromProfile("lan");

    private static readonly BootstrapOptions Bootstrap = MeshConfigLoader.Load(new ConfigSources()).Options.Discovery.Bootstrap;

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 0; seed < 200; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Five_nodes_starting_within_100ms_form_exactly_one_cluster(int seed)
    {
        const int n = 5;
        var cluster = new SimulatedCluster((ulong)seed, Lan);
        var random = new Random(seed);
        for (var i = 0; i < n; i++)
        {
            cluster.Simulation.At(TimeSpan.FromMilliseconds(random.Next(0, 101)), () => cluster.AddDiscovering(Bootstrap));
        }

        var converged = cluster.Simulation.RunUntil(() => cluster.Count == n && Enumerable.Range(0, n).All(i => cluster.IsUp(i)), TimeSpan.FromSeconds(30)) &&
                        cluster.RunUntilConverged(n, TimeSpan.FromSeconds(30));

        converged.Should().BeTrue($"seed {seed}: all {n} nodes should be up in one cluster");
        var decisions = Enumerable.Range(0, n).Select(i => cluster.Discovery(i)!.GetReport().Bootstrap).ToList();
        decisions.Count(d => d.Decision?.Kind == BootstrapVerdictKind.Form).Should().Be(1, $"seed {seed}: exactly one node forms");
        var former = Enumerable.Range(0, n).Single(i => decisions[i].Decision!.Kind == BootstrapVerdictKind.Form);
        Enumerable.Range(0, n).Should().OnlyContain(i => string.CompareOrdinal(cluster.Address(former).ToString(), cluster.Address(i).ToString()) <= 0, "the lowest address forms");
        decisions.Should().OnlyContain(d => d.State == BootstrapState.Joined);
    }

    [Fact]
    public void A_late_node_joins_the_formed_cluster_instead_of_waiting_for_the_margin()
    {
        var cluster = new SimulatedCluster(7, Lan);
        for (var i = 0; i < 3; i++)
        {
            cluster.AddDiscovering(Bootstrap);
        }

        cluster.RunUntilConverged(3, TimeSpan.FromSeconds(30)).Should().BeTrue();
        var late = cluster.AddDiscovering(Bootstrap);
        var started = cluster.Simulation.Now;

        cluster.RunUntilConverged(4, TimeSpan.FromSeconds(30)).Should().BeTrue();

        var report = cluster.Discovery(late)!.GetReport().Bootstrap;
        report.Decision!.Kind.Should().Be(BootstrapVerdictKind.Join);
        report.UpAfter.Should().BeLessThan(Bootstrap.StableMargin, "a node that finds a formed cluster joins at once");
        (cluster.Simulation.Now - started).Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void The_same_seed_makes_the_same_decisions()
    {
        static string Run()
        {
            var cluster = new SimulatedCluster(99, Lan);
            for (var i = 0; i < 5; i++)
            {
                var at = TimeSpan.FromMilliseconds(i * 17);
                cluster.Simulation.At(at, () => cluster.AddDiscovering(Bootstrap));
            }

            cluster.Simulation.RunFor(TimeSpan.FromSeconds(20));
            return string.Join(";", Enumerable.Range(0, 5).Select(i => cluster.Discovery(i)!.GetReport().Bootstrap).Select(b => $"{b.Decision?.Kind}:{b.UpAfter}")) + cluster.Simulation.Trace;
        }

        Run().Should().Be(Run());
    }
}
