using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Akka.Configuration;
using Akka.Hosting;
using MeshActors.Security;
using Xunit.Abstractions;

namespace MeshActors.Tests.Hosting;

/// <summary>
/// <c>require-approval = on</c> through the control endpoint: a lone node takes every shard (nobody
/// served them, so no approval is needed); when a second node joins, the leader's plan waits in
/// <c>investigating</c> with the moves proposed and the table unchanged, a dry run on the other node
/// shows the same moves, and once approved over HTTP the shards move and the plan completes.
/// </summary>
public sealed class RebalanceApprovalTests(ITestOutputHelper output) : EmbeddedClusterTest
{
    private readonly HttpClient _http = new();

    public override async Task DisposeAsync()
    {
        _http.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Graceful_moves_wait_for_an_approved_plan_and_follow_it()
    {
        using var ca = CertificateAuthority.Create(EmbeddedNode.Cluster, TimeProvider.System, TimeSpan.FromDays(1));
        var (port1, port2) = (EmbeddedNode.FreePort(), EmbeddedNode.FreePort());
        Nodes.Add(await EmbeddedNode.StartAsync("approve-1", port1, port1, EmbeddedNode.TlsHocon(ca, Dir, "approve-1"), Path.Combine(Dir, "d1"), App));
        var one = Nodes[0];
        await Until("the lone node owns every shard", () => Task.FromResult(one.Mesh.Shards.Table("orders").Loads().Keys.SequenceEqual(["approve-1"])));

        Nodes.Add(await EmbeddedNode.StartAsync("approve-2", port2, port1, EmbeddedNode.TlsHocon(ca, Dir, "approve-2"), Path.Combine(Dir, "d2"), App));
        var two = Nodes[1];
        JsonElement plans = default;
        await Until("the plan waits for approval with moves proposed", async () =>
        {
            if (await PlansAsync(two) is not { } answer)
            {
                return false; // 409 until a leader is known and has loaded the table
            }

            plans = answer;
            var plan = plans.GetProperty("plans")[0];
            return plan.GetProperty("state").GetString() == "investigating" && plan.GetProperty("requiresApproval").GetBoolean() && plan.GetProperty("moves").GetInt32() > 0;
        });
        var proposed = plans.GetProperty("plans")[0].GetProperty("moves").GetInt32();
        one.Mesh.Shards.Table("orders").Loads().Keys.Should().Equal(["approve-1"], "nothing moves before the approval");
        var version = one.Mesh.Shards.Table("orders").Version;

        var dry = await (await _http.PostAsJsonAsync(new Uri(two.Mesh.ControlAddress!, "/control/rebalance-plans"), new { @namespace = "orders", dryRun = true })).Content.ReadFromJsonAsync<JsonElement>();
        dry.GetProperty("moves").GetArrayLength().Should().Be(proposed, "the dry run shows the proposed moves");
        dry.GetProperty("movedFraction").GetDouble().Should().BeApproximately(0.5, 0.01, "half of 16 shards go to the new member");
        one.Mesh.Shards.Table("orders").Version.Should().Be(version, "a dry run applies nothing");

        var bad = await _http.PostAsJsonAsync(new Uri(two.Mesh.ControlAddress!, "/control/rebalance-plans"), new { @namespace = "users" });
        ((int)bad.StatusCode).Should().Be(400);
        (await bad.Content.ReadAsStringAsync()).Should().Contain("must be one of: orders");

        foreach (var (body, status, says) in new (string, int, string)[]
        {
            ("{}", 400, "field 'node' must name a node id"),
            ("not json", 400, "the body is not JSON"),
            ("{\"node\": \"nobody\"}", 409, "node 'nobody' is not a member"),
        })
        {
            using var drain = await _http.PostAsync(new Uri(two.Mesh.ControlAddress!, "/control/shards/drain"), new StringContent(body));
            ((int)drain.StatusCode).Should().Be(status, body);
            (await drain.Content.ReadAsStringAsync()).Should().Contain(says, body);
        }

        using var badPage = await _http.GetAsync(new Uri(two.Mesh.ControlAddress!, "/control/shards?namespace=orders&page=0"));
        ((int)badPage.StatusCode).Should().Be(400);
        (await badPage.Content.ReadAsStringAsync()).Should().Contain("page must be 1 or more");
        one.Mesh.Shards.Table("orders").Version.Should().Be(version, "bad requests change nothing");

        var approved = await _http.PostAsJsonAsync(new Uri(two.Mesh.ControlAddress!, "/control/rebalance-plans"), new { @namespace = "orders", approvedBy = "ops-alice" });
        approved.IsSuccessStatusCode.Should().BeTrue(await approved.Content.ReadAsStringAsync());
        var clock = Stopwatch.StartNew();
        await Until("both nodes hold a table split between the two, all active", () => Task.FromResult(Nodes.All(n =>
            n.Mesh.Shards.Table("orders").Loads().Count == 2 && n.Mesh.Shards.Table("orders").Entries().All(e => e.State == MeshActors.Sharding.Table.ShardState.Active))));
        await Until("the plan completes and returns to steady", async () =>
            (await PlansAsync(one))?.GetProperty("plans")[0].GetProperty("state").GetString() == "steady");
        output.WriteLine($"{proposed} moves approved; the table was split {clock.Elapsed.TotalSeconds:0.0} s after the approval");
    }

    private async Task<JsonElement?> PlansAsync(EmbeddedNode node)
    {
        using var response = await _http.GetAsync(new Uri(node.Mesh.ControlAddress!, "/control/rebalance-plans"));
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
    }

    private void App(AkkaConfigurationBuilder akka) => akka.AddHocon(ConfigurationFactory.ParseString($$"""
        meshactors.sharding.namespaces.orders.shards = 16
        meshactors.sharding.cooldown = 200ms
        meshactors.sharding.require-approval = on
        meshactors.leadership.lease.store = sqlite
        meshactors.leadership.stores.sqlite.file = "{{Path.Combine(Dir, "mesh.db")}}"
        """), HoconAddMode.Prepend);

}
