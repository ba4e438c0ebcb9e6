using Akka.Actor;
using Akka.Configuration;
using Akka.Coordination;
using MeshActors.Diagnostics;
using MeshActors.Leadership;
using MeshActors.Leadership.Election;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeshActors.Tests.Leadership.Election;

/// <summary>
/// The elector actor over a real SQLite lease file: two electors (two owners, as two nodes would be)
/// share the file. Eligibility is a switch the test turns; the store's clock is a manual one, so
/// the test can make the store end a term early and show what a holder does when it finds out.
/// </summary>
public sealed class LeaderElectorTests : Akka.TestKit.Xunit2.TestKit, IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly string _dir = Directory.CreateTempSubdirectory("meshactors-elector-").FullName;
    private readonly ManualClock _storeClock = new(DateTimeOffset.UtcNow);
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly RecordingAudit _audit = new();

    public LeaderElectorTests()
        : base(ConfigurationFactory.ParseString("akka.loglevel = WARNING"))
    {
    }

    // A long renewal interval: within the few hundred milliseconds each test takes after an
    // acquisition no renewal runs, so a term ends only the way the test makes it end.
    private static Config LeaseConfig => ConfigurationFactory.ParseString("""
        lease-class = "MeshActors.Leadership.MeshLease, MeshActors"
        heartbeat-timeout = 20s
        heartbeat-interval = 8s
        lease-operation-timeout = 500ms
        clock-skew-margin = 250ms
        """);

    private static Config RenewingLeaseConfig => ConfigurationFactory.ParseString("""
        lease-class = "MeshActors.Leadership.MeshLease, MeshActors"
        heartbeat-timeout = 20s
        heartbeat-interval = 200ms
        lease-operation-timeout = 500ms
        clock-skew-margin = 250ms
        """);

    [Fact]
    public void One_of_two_eligible_owners_leads_and_an_owner_that_stops_being_eligible_releases_at_once()
    {
        var (eligibleA, eligibleB) = (true, false);
        var (leadersA, _) = Start("a", () => eligibleA, out var metricsA);
        var (leadersB, _) = Start("b", () => eligibleB, out _);

        AwaitAssert(() => leadersA.IsLeader("global").Should().BeTrue(), Deadline);
        eligibleB = true;
        AwaitAssert(() => leadersB.LeaderOf("global").Should().NotBeNull(), Deadline);
        leadersB.IsLeader("global").Should().BeFalse("the lease has one holder");
        AwaitAssert(() => leadersB.LeaderOf("global")!.LeaderId.Should().Be("a"), Deadline);
        leadersA.FencingToken("global").Should().Be(1);
        metricsA.IsLeader.WithLabels("global").Value.Should().Be(1);

        eligibleA = false;
        AwaitAssert(() => leadersB.IsLeader("global").Should().BeTrue(), Deadline);
        leadersB.FencingToken("global").Should().Be(2, "every new term gets a higher token");
        leadersA.IsLeader("global").Should().BeFalse();
        AwaitAssert(() => leadersA.LeaderOf("global")!.LeaderId.Should().Be("b"), Deadline);
        metricsA.IsLeader.WithLabels("global").Value.Should().Be(0);
        _audit.Kinds.Should().Contain(["leadership-acquired", "leadership-lost", "leader-elected"]);
    }

    [Fact]
    public void A_holder_that_finds_a_later_term_in_the_store_counts_two_holders_and_steps_down()
    {
        var eligibleB = false;
        var (leadersA, _) = Start("a", () => true, out var metricsA);
        var (leadersB, _) = Start("b", () => eligibleB, out _);
        AwaitAssert(() => leadersA.IsLeader("global").Should().BeTrue(), Deadline);

        // The store's clock jumps past a's term (a store restored, a clock stepped): by the store, the
        // lease is free although a's own safe deadline has not passed, and b takes it.
        _storeClock.Advance(TimeSpan.FromMinutes(1));
        eligibleB = true;
        AwaitAssert(() => leadersB.IsLeader("global").Should().BeTrue(), Deadline);

        AwaitAssert(() => metricsA.SplitBrainDetections.WithLabels("global").Value.Should().Be(1), Deadline);
        AwaitAssert(() => leadersA.IsLeader("global").Should().BeFalse(), Deadline);
        _audit.Kinds.Should().Contain("leadership-two-holders");
    }

    [Fact]
    public void A_holder_whose_renewal_the_store_rejects_steps_down_naming_the_token_of_the_term_it_lost()
    {
        // Renewals every 200 ms: the first one after the store's clock jumps past the term is rejected,
        // and the lease reports the loss (forgetting its grant) before the elector logs the step-down.
        var (leaders, _) = Start("a", () => true, out _, RenewingLeaseConfig);
        AwaitAssert(() => leaders.IsLeader("global").Should().BeTrue(), Deadline);
        leaders.FencingToken("global").Should().Be(1);

        _storeClock.Advance(TimeSpan.FromMinutes(1));
        AwaitAssert(() => _audit.Details.Should().Contain(d => d.StartsWith("leadership-lost: ", StringComparison.Ordinal)), Deadline);
        _audit.Details.First(d => d.StartsWith("leadership-lost: ", StringComparison.Ordinal))
            .Should().Contain("stepped down as leader of global (fencing token 1)").And.Contain("rejected renewal");
    }

    [Fact]
    public void Every_node_knows_the_leader_even_when_it_may_not_lead()
    {
        Start("a", () => true, out _);
        var (observer, _) = Start("b", () => false, out _);

        AwaitAssert(() => observer.LeaderOf("global")!.LeaderId.Should().Be("a"), Deadline);
        observer.Snapshot.Version.Should().BeGreaterThan(0);
        observer.IsLeader("global").Should().BeFalse();
    }

    public new void Dispose()
    {
        Shutdown();
        foreach (var owned in _owned)
        {
            owned.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        Directory.Delete(_dir, recursive: true);
        base.Dispose();
    }

    private (MeshLeaders Leaders, IActorRef Elector) Start(string owner, Func<bool> eligible, out NodeMetrics metrics, Config? leaseConfig = null)
    {
        var store = new SqliteLeaseStore(Path.Combine(_dir, "leases.db"), _storeClock);
        var lease = new MeshLease(LeaseSettings.Create(leaseConfig ?? LeaseConfig, "c/leader/global", owner), store);
        _owned.Add(lease);
        _owned.Add(store);
        var leaders = new MeshLeaders(owner, ["global"]);
        metrics = new NodeMetrics();
        var context = new LeaderElector.ElectorContext(metrics, _audit, NullLogger.Instance, TimeProvider.System, TimeSpan.FromMilliseconds(50));
        var elector = Sys.ActorOf(Props.Create(() => new LeaderElector("global", lease, leaders, eligible, TimeSpan.FromMilliseconds(50), context)), "leader-" + owner);
        return (leaders, elector);
    }

    private sealed class RecordingAudit : IAuditSink
    {
        private readonly List<AuditEvent> _events = [];

        public IReadOnlyList<string> Kinds
        {
            get
            {
                lock (_events)
                {
                    return [.. _events.Select(e => e.Kind)];
                }
            }
        }

        /// <summary>"kind: detail" of each event.</summary>
        public IReadOnlyList<string> Details
        {
            get
            {
                lock (_events)
                {
                    return [.. _events.Select(e => $"{e.Kind}: {e.Detail}")];
                }
            }
        }

        public void Write(AuditEvent auditEvent)
        {
            lock (_events)
            {
                _events.Add(auditEvent);
            }
        }
    }
}
