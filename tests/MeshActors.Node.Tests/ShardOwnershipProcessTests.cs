using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace MeshActors.Node.Tests;

/// <summary>
/// Shard ownership with real processes: three nodes keep namespace <c>orders</c> (64 shards) in one
/// SQLite file on this host. The leader writes the first table; every node holds the same version
/// and checksum. Draining a node with <c>meshctl shards drain</c> moves every shard off it within the
/// guardrails, and afterwards the version and checksum are equal on all nodes again. The history,
/// the ETag, the owner of a key and the dry run are read through meshctl and the control endpoint.
/// </summary>
[Collection(ExclusiveProcessesCollection.Name)]
public sealed class ShardOwnershipProcessTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly ContactPointNodes _nodes = new("shards-test");
    private readonly string _db = Path.Combine(Directory.CreateTempSubdirectory("meshactors-shards-").FullName, "mesh.db");

    public void Dispose()
    {
        _nodes.Dispose();
        Directory.Delete(Path.GetDirectoryName(_db)!, recursive: true);
    }

    [Fact]
    public async Task Draining_a_node_moves_its_shards_out_every_node_ends_on_the_same_version_and_checksum_and_a_crashed_members_shards_are_reassigned()
    {
        ContactPointNode[] all = [_nodes.Add("shard-1"), _nodes.Add("shard-2"), _nodes.Add("shard-3")];
        string[] settings =
        [
            ContactPointNodes.ContactPoints([.. all.Select(n => n.BootstrapEndpoint)]),
            "meshactors.leadership.lease.store=sqlite",
            $"meshactors.leadership.stores.sqlite.file=\"{_db}\"",
            "meshactors.sharding.namespaces.orders.shards=64",
            "meshactors.sharding.max-parallel-moves=8",
            "meshactors.sharding.cooldown=500ms",
        ];
        foreach (var node in all)
        {
            _nodes.Start(node, settings);
        }

        try
        {
            using var control = new NodeControl();
            await ContactPointNodes.UntilMembersAsync(control, all, all, Deadline);
            var first = await UntilSameTableAsync(control, all, "every shard is owned by one of the three, active",
                t => Owners(t).SetEquals(all.Select(n => n.Id)) && States(t).All(s => s == "active"));
            output.WriteLine($"first settled table: version {first.Version}, loads {first.Body.GetProperty("loads")}");

            var victim = all[2];
            var drained = await MeshctlProcess.RequireAsync(["shards", "drain", victim.Id, "--endpoint", all[0].ControlEndpoint]);
            drained.Should().Contain($"{victim.Id} cordoned");
            var last = await UntilSameTableAsync(control, all, $"no shard is owned by {victim.Id} and every shard is active",
                t => !Owners(t).Contains(victim.Id) && States(t).All(s => s == "active"));
            output.WriteLine($"after draining {victim.Id}: version {last.Version}, checksum {last.Checksum}, loads {last.Body.GetProperty("loads")}");
            last.Version.Should().BeGreaterThan(first.Version);

            var history = await MeshctlProcess.RequireAsync(["shards", "diff", first.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), last.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), "--endpoint", all[1].ControlEndpoint, "--json"]);
            var diffs = JsonSerializer.Deserialize<JsonElement>(history);
            diffs.GetArrayLength().Should().Be((int)(last.Version - first.Version), "the store keeps every version's diff");
            var moved = diffs.EnumerateArray().SelectMany(d => d.GetProperty("moves").EnumerateArray()).Where(m => m.GetProperty("fromOwner").GetString() == victim.Id && m.GetProperty("toOwner").GetString() != victim.Id).ToList();
            moved.Select(m => m.GetProperty("shard").GetInt32()).Distinct().Count().Should().Be(Owners(first.Body, victim.Id), "every shard the drained node owned moved out");
            diffs.EnumerateArray().Max(d => d.GetProperty("moves").EnumerateArray().Count(m => m.GetProperty("toState").GetString() == "moving")).Should().BeLessThanOrEqualTo(8, "max-parallel-moves");

            var owner = await MeshctlProcess.RequireAsync(["shards", "owner", "customer-42", "--endpoint", all[0].ControlEndpoint]);
            owner.Should().Contain("customer-42 -> shard").And.NotContain(victim.Id);
            var dry = await MeshctlProcess.RequireAsync(["shards", "plans", "--namespace", "orders", "--dry-run", "--endpoint", all[1].ControlEndpoint]);
            dry.Should().Contain("0 shard(s) would move in orders").And.Contain("nothing was applied");

            using var http = new HttpClient();
            var url = $"{all[0].ControlEndpoint}control/shards?namespace=orders";
            var firstGet = await http.GetAsync(url);
            var etag = firstGet.Headers.ETag!.Tag;
            using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
            conditional.Headers.TryAddWithoutValidation("If-None-Match", etag);
            (await http.SendAsync(conditional)).StatusCode.Should().Be(HttpStatusCode.NotModified, "the table did not change since the ETag");
            var (exit, unknown) = await MeshctlProcess.RunAsync(["shards", "list", "--namespace", "nope", "--endpoint", all[0].ControlEndpoint]);
            exit.Should().Be(1);
            unknown.Should().Contain("namespace 'nope' is not configured").And.Contain("orders");

            // Uncordon, then crash a member: its shards are reassigned without any operator.
            (await MeshctlProcess.RequireAsync(["shards", "drain", victim.Id, "--undo", "--endpoint", all[0].ControlEndpoint])).Should().Contain("uncordoned");
            await UntilSameTableAsync(control, all, "all three own shards again, all active", t => Owners(t).SetEquals(all.Select(n => n.Id)) && States(t).All(s => s == "active"));
            var crashed = all[1];
            var survivors = all.Where(n => n != crashed).ToArray();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            crashed.Process.Crash();
            var healed = await UntilSameTableAsync(control, survivors, $"no shard is owned by the crashed {crashed.Id}",
                t => !Owners(t).Contains(crashed.Id) && States(t).All(s => s == "active"));
            output.WriteLine($"SIGKILL of {crashed.Id}: its shards were reassigned on both survivors after {clock.Elapsed.TotalSeconds:0.00} s (version {healed.Version}, loads {healed.Body.GetProperty("loads")})");
        }
        catch
        {
            output.WriteLine("failed; every node's output follows");
            output.WriteLine(await _nodes.OutputsAsync());
            throw;
        }
    }

    private static HashSet<string> Owners(JsonElement table) => [.. table.GetProperty("shards").EnumerateArray().Select(s => s.GetProperty("owner").GetString()!)];

    private static int Owners(JsonElement table, string owner) => table.GetProperty("shards").EnumerateArray().Count(s => s.GetProperty("owner").GetString() == owner);

    private static IEnumerable<string> States(JsonElement table) => table.GetProperty("shards").EnumerateArray().Select(s => s.GetProperty("state").GetString()!);

    /// <summary>Waits until every node holds the same version and checksum and <paramref name="condition"/> holds for it.</summary>
    private static async Task<(long Version, string Checksum, JsonElement Body)> UntilSameTableAsync(NodeControl control, IReadOnlyList<ContactPointNode> nodes, string what, Func<JsonElement, bool> condition)
    {
        var last = new Dictionary<string, string>();
        (long, string, JsonElement) agreed = default;
        await NodeControl.EventuallyAsync($"every node holds the same table of orders and {what}", Deadline, async () =>
        {
            var seen = new List<JsonElement>();
            foreach (var node in nodes)
            {
                var body = await control.GetAsync(node.ControlPort, "/control/shards?namespace=orders");
                last[node.Id] = body is { } b ? $"version {b.GetProperty("version")} checksum {b.GetProperty("checksum")} loads {b.GetProperty("loads")}" : "no answer";
                if (body is not null)
                {
                    seen.Add(body.Value);
                }
            }

            if (seen.Count != nodes.Count || seen.Select(b => (b.GetProperty("version").GetInt64(), b.GetProperty("checksum").GetString())).Distinct().Count() != 1 || !condition(seen[0]))
            {
                return false;
            }

            agreed = (seen[0].GetProperty("version").GetInt64(), seen[0].GetProperty("checksum").GetString()!, seen[0]);
            return true;
        }, () => Task.FromResult(string.Join('\n', last.Select(l => $"{l.Key}: {l.Value}"))));
        return agreed;
    }
}
