using System.Text;
using MeshActors.Sharding;
using MeshActors.Sharding.Table;

namespace MeshActors.Tests.Sharding.Table;

public sealed class ShardTableTests
{
    private static ShardTable Sample() => ShardTable.Create("orders", 3, 7, Tables.Start,
        [new("a", ShardState.Active), new("b", ShardState.Draining), new("", ShardState.Paused), new("c", ShardState.Moving)]);

    [Fact]
    public void Unassigned_is_version_0_with_every_shard_paused_and_no_owner()
    {
        var table = ShardTable.Unassigned("orders", 16);

        table.Version.Should().Be(0);
        table.FencingToken.Should().Be(0);
        table.ShardCount.Should().Be(16);
        table.Entries().Should().AllBeEquivalentTo(new ShardEntry("", ShardState.Paused));
    }

    [Fact]
    public void OwnerOf_and_StateOf_read_the_row_and_refuse_a_shard_out_of_range()
    {
        var table = Sample();

        table.OwnerOf(0).Should().Be("a");
        table.StateOf(1).Should().Be(ShardState.Draining);
        table[3].Should().Be(new ShardEntry("c", ShardState.Moving));
        table.Invoking(t => t.OwnerOf(4)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*shards 0 to 3*");
        table.Invoking(t => t.StateOf(-1)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData("")]
    [InlineData("user-42")]
    [InlineData("ключ-🔑")]
    public void ShardOf_is_the_stable_hash_modulo_the_shard_count(string key)
    {
        foreach (var shards in new[] { 1, 7, 1024, 1_000_000 })
        {
            ShardTable.ShardOf(key, shards).Should().Be((int)(StableHash.Of(key) % (ulong)shards));
        }

        var longKey = new string('x', 300) + key;
        ShardTable.ShardOf(longKey, 1024).Should().Be((int)(StableHash.Of(longKey) % 1024));
        Sample().ShardOf(key).Should().Be(ShardTable.ShardOf(key, 4));
    }

    [Fact]
    public void The_checksum_is_the_same_for_the_same_table_and_changes_with_any_field()
    {
        var table = Sample();

        table.Checksum.Should().MatchRegex("^[0-9a-f]{64}$");
        table.Checksum.Should().Be(Sample().Checksum);
        ShardTable.Decode(table.Encode()).Checksum.Should().Be(table.Checksum);
        var variants = new[]
        {
            ShardTable.Create("orders2", 3, 7, Tables.Start, table.Entries().ToList()),
            ShardTable.Create("orders", 4, 7, Tables.Start, table.Entries().ToList()),
            ShardTable.Create("orders", 3, 8, Tables.Start, table.Entries().ToList()),
            ShardTable.Create("orders", 3, 7, Tables.Start.AddMilliseconds(1), table.Entries().ToList()),
            ShardTable.Create("orders", 3, 7, Tables.Start, table.Entries().Select((e, i) => i == 0 ? e with { State = ShardState.Moving } : e).ToList()),
            ShardTable.Create("orders", 3, 7, Tables.Start, table.Entries().Select((e, i) => i == 0 ? e with { Owner = "ab" } : e).ToList()),
        };
        variants.Select(v => v.Checksum).Append(table.Checksum).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void The_checksum_matches_an_independent_computation_of_the_documented_layout()
    {
        var table = ShardTable.Create("ns", 1, 2, DateTimeOffset.FromUnixTimeMilliseconds(3), [new("a", ShardState.Moving)]);
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes("meshactors.shard-table.v1"));
        bytes.AddRange(BitConverter.GetBytes(2)); bytes.AddRange("ns"u8.ToArray());
        bytes.AddRange(BitConverter.GetBytes(1L)); bytes.AddRange(BitConverter.GetBytes(2L)); bytes.AddRange(BitConverter.GetBytes(3L));
        bytes.AddRange(BitConverter.GetBytes(1));
        bytes.AddRange(BitConverter.GetBytes(1)); bytes.Add((byte)'a'); bytes.Add(3);

        BitConverter.IsLittleEndian.Should().BeTrue("this check writes the layout with the machine's byte order");
        table.Checksum.Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.ToArray())));
    }

    [Fact]
    public void Create_refuses_bad_rows_with_the_reason()
    {
        var act = () => ShardTable.Create("orders", 1, 1, Tables.Start, [new("", ShardState.Active)]);
        act.Should().Throw<ArgumentException>().WithMessage("*unassigned*Paused*");
        ((Action)(() => ShardTable.Create("orders", -1, 1, Tables.Start, [new("a", ShardState.Active)]))).Should().Throw<ArgumentException>();
        ((Action)(() => ShardTable.Create("orders", 1, 1, Tables.Start, []))).Should().Throw<ArgumentException>().WithMessage("*1 to*");
        ((Action)(() => ShardTable.Create("orders", 1, 1, Tables.Start, [new("a", (ShardState)9)]))).Should().Throw<ArgumentException>().WithMessage("*not a ShardState*");
    }

    [Fact]
    public void Apply_refuses_a_diff_that_does_not_fit_and_names_why()
    {
        var table = Sample();
        ShardTableDiff Diff(long from = 3, long to = 4, long token = 7, string ns = "orders", ShardMove? move = null) =>
            new(ns, from, to, token, "leader", Tables.Start, "test", [move ?? new ShardMove(0, "a", "b", ShardState.Active, ShardState.Moving)]);

        table.Apply(Diff()).OwnerOf(0).Should().Be("b");
        table.Invoking(t => t.Apply(Diff(ns: "users"))).Should().Throw<ArgumentException>().WithMessage("*namespace 'users'*");
        table.Invoking(t => t.Apply(Diff(from: 2, to: 3))).Should().Throw<ArgumentException>().WithMessage("*version 3*");
        table.Invoking(t => t.Apply(Diff(token: 6))).Should().Throw<ArgumentException>().WithMessage("*older leader*");
        table.Invoking(t => t.Apply(Diff(move: new ShardMove(0, "x", "b", ShardState.Active, ShardState.Active)))).Should().Throw<ArgumentException>().WithMessage("*shard 0 at 'x'*");
        table.Invoking(t => t.Apply(Diff(move: new ShardMove(9, "a", "b", ShardState.Active, ShardState.Active)))).Should().Throw<ArgumentException>().WithMessage("*shard 9*");
        table.Invoking(t => t.Apply(Diff(move: new ShardMove(0, "a", "", ShardState.Active, ShardState.Active)))).Should().Throw<ArgumentException>().WithMessage("*unassigned*");
        table.OwnerOf(0).Should().Be("a", "a refused diff changes nothing");
    }

    [Fact]
    public void A_diff_refuses_going_backwards_and_a_shard_listed_twice()
    {
        var move = new ShardMove(0, "a", "b", ShardState.Active, ShardState.Active);
        ((Action)(() => new ShardTableDiff("orders", 3, 3, 1, "x", Tables.Start, "", [move]))).Should().Throw<ArgumentException>().WithMessage("*forward*");
        ((Action)(() => new ShardTableDiff("orders", 3, 4, 1, "x", Tables.Start, "", [move, move]))).Should().Throw<ArgumentException>().WithMessage("*twice*");
    }

    [Theory]
    [InlineData("not json", "*not valid JSON*")]
    [InlineData("[]", "*not a JSON object*")]
    [InlineData("{}", "*'format' is missing*")]
    [InlineData("""{"format":2}""", "*format 2 is not supported*")]
    [InlineData("""{"format":1,"owners":["a"],"shards":[0,0],"states":"A"}""", "*'shards' has 2 entries but 'states' has 1*")]
    [InlineData("""{"format":1,"owners":["a"],"shards":[1],"states":"A"}""", "*shards[0] is not an index*")]
    [InlineData("""{"format":1,"owners":["a"],"shards":[0],"states":"X"}""", "*states[0] is 'X'*")]
    [InlineData("""{"format":1,"owners":[""],"shards":[0],"states":"A","namespace":"n","version":1,"token":1,"writtenAt":0,"checksum":"00"}""", "*unassigned*")]
    [InlineData("""{"format":1,"owners":["a"],"shards":[0],"states":"A","namespace":"n","version":"1","token":1,"writtenAt":0,"checksum":"00"}""", "*'version' is not an integer*")]
    [InlineData("""{"format":1,"owners":["a"],"shards":[0],"states":"A","namespace":"n","version":1,"token":1,"writtenAt":0,"checksum":"00"}""", "*checksum 00 does not match*")]
    public void Decoding_bad_input_throws_a_FormatException_saying_what(string json, string message)
    {
        var act = () => ShardTable.Decode(Encoding.UTF8.GetBytes(json));
        act.Should().Throw<FormatException>().WithMessage("shard table: *" + message.TrimStart('*'));
    }

    [Fact]
    public void Decoding_a_table_with_one_altered_row_fails_the_checksum()
    {
        var json = Encoding.UTF8.GetString(Sample().Encode());
        var altered = json.Replace("\"states\":\"ADPM\"", "\"states\":\"AAPM\"", StringComparison.Ordinal);

        altered.Should().NotBe(json);
        ((Action)(() => ShardTable.Decode(Encoding.UTF8.GetBytes(altered)))).Should().Throw<FormatException>().WithMessage("*checksum*");
    }

    [Theory]
    [InlineData("""{"format":1,"moves":[[0,"a"]]}""", "*moves[0] is not*")]
    [InlineData("""{"format":1,"moves":[[0,"a","b","A","Q"]]}""", "*toState is 'Q'*")]
    [InlineData("""{"format":1,"moves":[],"namespace":"n","fromVersion":2,"toVersion":1,"token":1,"author":"x","at":0,"reason":""}""", "*forward*")]
    public void Decoding_a_bad_diff_throws_a_FormatException_saying_what(string json, string message)
    {
        var act = () => ShardTableDiff.Decode(Encoding.UTF8.GetBytes(json));
        act.Should().Throw<FormatException>().WithMessage("shard table diff: *" + message.TrimStart('*'));
    }
}
